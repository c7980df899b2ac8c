package org.tenfour.adapters.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.Platform;

/**
 * Who and what exists on the fake platform, and the conversations between them: a person's direct
 * messages with TenFour ({@code dm-USERID}) and channels ({@code ch-CHANNELID}).
 */
final class SandboxPeople {
    private static final String DM = "dm-";
    private static final String CHANNEL = "ch-";

    private final Map<String, WebSandbox.Workspace> workspaces = new LinkedHashMap<>();
    private final Map<String, WebSandbox.Person> people = new LinkedHashMap<>();
    private final Map<String, WebSandbox.Channel> channels = new LinkedHashMap<>();

    SandboxPeople(
            List<WebSandbox.Workspace> workspaces,
            List<WebSandbox.Person> people,
            List<WebSandbox.Channel> channels) {
        workspaces.forEach(w -> unique(this.workspaces, w.workspaceId(), w));
        for (WebSandbox.Person p : people) {
            requireWorkspace(p.workspaceId());
            unique(this.people, p.userId(), p);
            if (people.stream()
                            .filter(
                                    o ->
                                            o.workspaceId().equals(p.workspaceId())
                                                    && o.handle().equalsIgnoreCase(p.handle()))
                            .count()
                    > 1) {
                throw new IllegalArgumentException(
                        "handle used twice in " + p.workspaceId() + ": " + p.handle());
            }
        }
        for (WebSandbox.Channel c : channels) {
            requireWorkspace(c.workspaceId());
            unique(this.channels, c.channelId(), c);
            for (String member : c.memberIds()) {
                WebSandbox.Person p = this.people.get(member);
                if (p == null || !p.workspaceId().equals(c.workspaceId())) {
                    throw new IllegalArgumentException(
                            "channel " + c.name() + " lists an unknown member: " + member);
                }
            }
        }
    }

    /** The id of a person's direct-message conversation with TenFour. */
    static String dm(String userId) {
        return DM + userId;
    }

    private static <T> void unique(Map<String, T> map, String key, T value) {
        if (map.putIfAbsent(key, value) != null) {
            throw new IllegalArgumentException("used twice: " + key);
        }
    }

    private void requireWorkspace(String id) {
        if (!workspaces.containsKey(id)) {
            throw new IllegalArgumentException("unknown workspace: " + id);
        }
    }

    List<WebSandbox.Workspace> workspaces() {
        return List.copyOf(workspaces.values());
    }

    List<WebSandbox.Person> people() {
        return List.copyOf(people.values());
    }

    List<WebSandbox.Channel> channels() {
        return List.copyOf(channels.values());
    }

    Optional<WebSandbox.Person> person(String userId) {
        return Optional.ofNullable(userId == null ? null : people.get(userId));
    }

    Optional<WebSandbox.Channel> channel(String channelId) {
        return Optional.ofNullable(channelId == null ? null : channels.get(channelId));
    }

    /** The conversation an address points at, if it exists here. */
    Optional<String> conversationOf(Address address) {
        if (address.platform() != Platform.WEB) {
            return Optional.empty();
        }
        if (address.kind() == Address.Kind.USER) {
            return person(address.targetId())
                    .filter(p -> p.workspaceId().equals(address.workspaceId()))
                    .map(p -> DM + p.userId());
        }
        return channel(address.targetId())
                .filter(c -> c.workspaceId().equals(address.workspaceId()))
                .map(c -> CHANNEL + c.channelId());
    }

    /** The address of a conversation: the person (their DM with TenFour) or the channel. */
    Optional<Address> addressOf(String conversationId) {
        if (conversationId == null) {
            return Optional.empty();
        }
        if (conversationId.startsWith(DM)) {
            return person(conversationId.substring(DM.length()))
                    .map(p -> Address.user(Platform.WEB, p.workspaceId(), p.userId()));
        }
        if (conversationId.startsWith(CHANNEL)) {
            return channel(conversationId.substring(CHANNEL.length()))
                    .map(c -> Address.channel(Platform.WEB, c.workspaceId(), c.channelId()));
        }
        return Optional.empty();
    }

    /** Who can read a conversation. */
    List<String> audience(String conversationId) {
        if (conversationId.startsWith(DM)) {
            return List.of(conversationId.substring(DM.length()));
        }
        return channel(conversationId.substring(CHANNEL.length()))
                .map(WebSandbox.Channel::memberIds)
                .orElse(List.of());
    }

    /** A person's conversations: their DM with TenFour first, then their channels. */
    List<String> conversationsOf(WebSandbox.Person person) {
        List<String> ids = new ArrayList<>();
        ids.add(DM + person.userId());
        channels.values().stream()
                .filter(c -> c.memberIds().contains(person.userId()))
                .forEach(c -> ids.add(CHANNEL + c.channelId()));
        return ids;
    }

    /** What a conversation is called in the sidebar. */
    String title(String conversationId) {
        if (conversationId.startsWith(DM)) {
            return "TenFour (direct messages)";
        }
        return channel(conversationId.substring(CHANNEL.length()))
                .map(c -> "#" + c.name())
                .orElse(conversationId);
    }

    /** A person of the workspace with this handle (case-insensitive). */
    Optional<WebSandbox.Person> byHandle(String workspaceId, String handle) {
        String wanted = handle.toLowerCase(Locale.ROOT);
        return people.values().stream()
                .filter(p -> p.workspaceId().equals(workspaceId))
                .filter(p -> p.handle().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }

    /** A channel of the workspace with this name. */
    Optional<WebSandbox.Channel> byChannelName(String workspaceId, String name) {
        return channels.values().stream()
                .filter(c -> c.workspaceId().equals(workspaceId))
                .filter(c -> c.name().equalsIgnoreCase(name))
                .findFirst();
    }
}
