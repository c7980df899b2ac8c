package org.tenfour.adapters.slack;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.ChatPlatform;
import org.tenfour.adapters.ChatPlatformException;
import org.tenfour.adapters.Delivery;
import org.tenfour.adapters.FileUpload;
import org.tenfour.adapters.Form;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Platform;
import org.tenfour.adapters.UserProfile;

/**
 * {@link ChatPlatform} over the Slack Web API, with the workspace's bot token. A message to a user
 * is posted to the user id, and Slack delivers it in the app's direct message.
 */
final class SlackPlatform implements ChatPlatform {
    private final SlackWebApi api;
    private final Tokens tokens;

    SlackPlatform(SlackWebApi api, Tokens tokens) {
        this.api = api;
        this.tokens = tokens;
    }

    @Override
    public Platform platform() {
        return Platform.SLACK;
    }

    @Override
    public Delivery upload(Address to, FileUpload file) {
        Objects.requireNonNull(file, "null file");
        return api.upload(token(to), to.targetId(), file);
    }

    @Override
    public Delivery send(Address to, Message message) {
        Objects.requireNonNull(message, "null message");
        return api.postMessage(token(to), to.targetId(), message);
    }

    /**
     * Posts with Slack message metadata {@code tenfour_outbox {key}}, which {@link #findSent}
     * searches.
     */
    @Override
    public Delivery send(Address to, Message message, String idempotencyKey) {
        Objects.requireNonNull(message, "null message");
        return api.postMessage(token(to), to.targetId(), message, idempotencyKey);
    }

    /**
     * Reads the recent history of the conversation (a user's DM is opened first) for the key's
     * metadata.
     */
    @Override
    public Optional<Delivery> findSent(Address to, String idempotencyKey) {
        Objects.requireNonNull(idempotencyKey, "null idempotencyKey");
        String token = token(to);
        String channel =
                to.kind() == Address.Kind.USER
                        ? api.openConversation(token, List.of(to.targetId()))
                        : to.targetId();
        return api.findByMetadata(token, channel, idempotencyKey)
                .map(ts -> new Delivery(channel, ts));
    }

    @Override
    public void update(Address to, Delivery sent, Message message) {
        Objects.requireNonNull(sent, "null sent");
        api.update(token(to), sent.conversationId(), sent.messageId(), message);
    }

    @Override
    public void openForm(Address user, String triggerId, Form form) {
        if (triggerId == null || triggerId.isBlank()) {
            throw new ChatPlatformException.Rejected("views.open needs a trigger id");
        }
        api.openView(token(user), triggerId, ModalForms.modal(form));
    }

    @Override
    public Optional<UserProfile> profile(Address user) {
        return api.userInfo(token(user), user.targetId());
    }

    @Override
    public Optional<String> workspaceName(String workspaceId) {
        return api.teamName(tokens.forTeam(workspaceId));
    }

    @Override
    public List<String> groupMembers(Address group) {
        String token = token(group);
        return group.targetId().startsWith("S")
                ? api.userGroupMembers(token, group.targetId())
                : api.channelMembers(token, group.targetId());
    }

    @Override
    public Optional<Address> openGroupConversation(List<Address> users) {
        if (users.isEmpty()) {
            throw new IllegalArgumentException("no users to open a conversation with");
        }
        String workspace = users.get(0).workspaceId();
        for (Address a : users) {
            if (!a.workspaceId().equals(workspace) || a.kind() != Address.Kind.USER) {
                throw new IllegalArgumentException(
                        "a Slack conversation needs users of one workspace: " + a);
            }
        }
        String channel =
                api.openConversation(
                        token(users.get(0)), users.stream().map(Address::targetId).toList());
        return Optional.of(Address.channel(Platform.SLACK, workspace, channel));
    }

    private String token(Address address) {
        Objects.requireNonNull(address, "null address");
        if (address.platform() != Platform.SLACK) {
            throw new IllegalArgumentException("not a Slack address: " + address.platform());
        }
        return tokens.forTeam(address.workspaceId());
    }
}
