package org.tenfour.adapters.slack;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The bot scopes the adapter needs, each tied to the Web API methods or features that need it. */
final class SlackScopes {
    private SlackScopes() {}

    /** Web API method → the bot scope it needs ({@code null}: none). */
    static final Map<String, String> METHODS =
            Map.ofEntries(
                    Map.entry("auth.test", ""),
                    Map.entry("oauth.v2.access", ""),
                    Map.entry("views.open", ""),
                    Map.entry("views.publish", ""),
                    Map.entry("chat.postMessage", "chat:write"),
                    Map.entry("chat.update", "chat:write"),
                    Map.entry("chat.postEphemeral", "chat:write"),
                    Map.entry("users.info", "users:read"),
                    Map.entry("team.info", "team:read"),
                    Map.entry("conversations.members", "channels:read groups:read"),
                    Map.entry("usergroups.users.list", "usergroups:read"),
                    Map.entry("conversations.open", "im:write mpim:write"),
                    Map.entry("files.getUploadURLExternal", "files:write"),
                    Map.entry("files.completeUploadExternal", "files:write"));

    /** Why each scope is asked for (also the set the manifest and OAuth request). */
    static final Map<String, String> REASONS =
            Map.ofEntries(
                    Map.entry("commands", "the /tenfour and /peer slash commands"),
                    Map.entry(
                            "chat:write",
                            "send direct messages and channel posts, update them, and send ephemeral replies"),
                    Map.entry(
                            "im:write",
                            "open a direct message with one person (conversations.open)"),
                    Map.entry(
                            "mpim:write",
                            "open a group DM to introduce a member and a peer (conversations.open with several users)"),
                    Map.entry(
                            "users:read",
                            "read a person's time zone, display name and admin flag (users.info)"),
                    Map.entry(
                            "channels:read",
                            "list members of a public roster channel (conversations.members); "
                                    + "receive member_joined_channel / member_left_channel"),
                    Map.entry("groups:read", "the same for a private roster channel"),
                    Map.entry(
                            "team:read",
                            "show the workspace's name, not its id, to partner agencies (team.info)"),
                    Map.entry(
                            "usergroups:read",
                            "list members of a user group used as a roster (usergroups.users.list)"),
                    Map.entry(
                            "files:write",
                            "post a report's chart in the coordinator channel and its CSV export to the coordinator "
                                    + "(files.getUploadURLExternal / files.completeUploadExternal)"),
                    Map.entry(
                            "im:history",
                            "receive what a person writes to the bot in its DM (message.im), only to relay it live "
                                    + "between a member and a peer; it is never stored"));

    /** Event subscription → the bot scope it needs. */
    static final Map<String, String> EVENTS = Map.of("message.im", "im:history");

    /** The bot scopes, sorted. */
    static final List<String> BOT = List.copyOf(new TreeSet<>(REASONS.keySet()));
}
