package org.tenfour.adapters.slack;

import static com.slack.api.model.view.Views.view;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsMembersResponse;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import com.slack.api.model.Team;
import com.slack.api.model.User;
import com.slack.api.model.view.View;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tenfour.adapters.ChatPlatformException;
import org.tenfour.adapters.Delivery;
import org.tenfour.adapters.FileUpload;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.UserProfile;

/**
 * The Web API methods the adapter uses, with a token given per call; failures mapped by {@link
 * SlackCalls}.
 */
final class SlackWebApi {
    private static final int PAGE = 200;

    private final Slack slack;

    SlackWebApi(Slack slack) {
        this.slack = slack;
    }

    Delivery postMessage(String token, String channel, Message message) {
        ChatPostMessageResponse r =
                SlackCalls.call(
                        "chat.postMessage",
                        () ->
                                methods(token)
                                        .chatPostMessage(
                                                req ->
                                                        req.channel(channel)
                                                                .text(
                                                                        BlockKitMessages.fallback(
                                                                                message))
                                                                .blocks(
                                                                        BlockKitMessages.blocks(
                                                                                message))));
        return new Delivery(r.getChannel(), r.getTs());
    }

    /** Slack message metadata type carrying the outbox key. */
    static final String OUTBOX_EVENT = "tenfour_outbox";

    private static final int HISTORY_PAGE = 200;

    Delivery postMessage(String token, String channel, Message message, String idempotencyKey) {
        if (idempotencyKey == null) {
            return postMessage(token, channel, message);
        }
        com.slack.api.model.Message.Metadata metadata =
                new com.slack.api.model.Message.Metadata(
                        OUTBOX_EVENT, Map.of("key", idempotencyKey));
        ChatPostMessageResponse r =
                SlackCalls.call(
                        "chat.postMessage",
                        () ->
                                methods(token)
                                        .chatPostMessage(
                                                req ->
                                                        req.channel(channel)
                                                                .text(
                                                                        BlockKitMessages.fallback(
                                                                                message))
                                                                .blocks(
                                                                        BlockKitMessages.blocks(
                                                                                message))
                                                                .metadata(metadata)));
        return new Delivery(r.getChannel(), r.getTs());
    }

    /**
     * The ts of the newest message in the channel's latest page whose outbox metadata carries
     * {@code key}.
     */
    Optional<String> findByMetadata(String token, String channel, String key) {
        var r =
                SlackCalls.call(
                        "conversations.history",
                        () ->
                                methods(token)
                                        .conversationsHistory(
                                                req ->
                                                        req.channel(channel)
                                                                .includeAllMetadata(true)
                                                                .limit(HISTORY_PAGE)));
        if (r.getMessages() == null) {
            return Optional.empty();
        }
        return r.getMessages().stream()
                .filter(
                        m ->
                                m.getMetadata() != null
                                        && OUTBOX_EVENT.equals(m.getMetadata().getEventType())
                                        && m.getMetadata().getEventPayload() != null
                                        && key.equals(
                                                String.valueOf(
                                                        m.getMetadata()
                                                                .getEventPayload()
                                                                .get("key"))))
                .map(com.slack.api.model.Message::getTs)
                .findFirst();
    }

    /** The workspace the token belongs to. */
    String authTestTeam(String token) {
        return SlackCalls.call("auth.test", () -> methods(token).authTest(req -> req)).getTeamId();
    }

    void update(String token, String channel, String ts, Message message) {
        SlackCalls.call(
                "chat.update",
                () ->
                        methods(token)
                                .chatUpdate(
                                        req ->
                                                req.channel(channel)
                                                        .ts(ts)
                                                        .text(BlockKitMessages.fallback(message))
                                                        .blocks(BlockKitMessages.blocks(message))));
    }

    void postEphemeral(String token, String channel, String user, Message message) {
        SlackCalls.call(
                "chat.postEphemeral",
                () ->
                        methods(token)
                                .chatPostEphemeral(
                                        req ->
                                                req.channel(channel)
                                                        .user(user)
                                                        .text(BlockKitMessages.fallback(message))
                                                        .blocks(BlockKitMessages.blocks(message))));
    }

    void openView(String token, String triggerId, View modal) {
        SlackCalls.call(
                "views.open",
                () -> methods(token).viewsOpen(req -> req.triggerId(triggerId).view(modal)));
    }

    void publishHome(String token, String userId, Message message) {
        View home = view(v -> v.type("home").blocks(BlockKitMessages.blocks(message)));
        SlackCalls.call(
                "views.publish",
                () -> methods(token).viewsPublish(req -> req.userId(userId).view(home)));
    }

    Optional<UserProfile> userInfo(String token, String userId) {
        User user =
                SlackCalls.call(
                                "users.info",
                                () ->
                                        methods(token)
                                                .usersInfo(
                                                        req ->
                                                                req.user(userId)
                                                                        .includeLocale(true)))
                        .getUser();
        if (user == null) {
            return Optional.empty();
        }
        String name = null;
        if (user.getProfile() != null) {
            name =
                    firstNonBlank(
                            user.getProfile().getDisplayName(), user.getProfile().getRealName());
        }
        name = firstNonBlank(name, user.getRealName());
        return Optional.of(
                new UserProfile(
                        name, user.getTz(), user.isAdmin() || user.isOwner(), user.getLocale()));
    }

    /**
     * The workspace's name: {@code team.info}, or, for an install from before TenFour asked for
     * {@code team:read}, the name {@code auth.test} reports.
     */
    Optional<String> teamName(String token) {
        try {
            Team team =
                    SlackCalls.call("team.info", () -> methods(token).teamInfo(req -> req))
                            .getTeam();
            if (team != null && team.getName() != null && !team.getName().isBlank()) {
                return Optional.of(team.getName());
            }
        } catch (ChatPlatformException.Rejected e) {
            // missing_scope: the install predates team:read; auth.test needs no scope
        }
        String name =
                SlackCalls.call("auth.test", () -> methods(token).authTest(req -> req)).getTeam();
        return Optional.ofNullable(name).filter(n -> !n.isBlank());
    }

    List<String> channelMembers(String token, String channel) {
        List<String> members = new ArrayList<>();
        String cursor = null;
        do {
            String page = cursor;
            ConversationsMembersResponse r =
                    SlackCalls.call(
                            "conversations.members",
                            () ->
                                    methods(token)
                                            .conversationsMembers(
                                                    req ->
                                                            req.channel(channel)
                                                                    .limit(PAGE)
                                                                    .cursor(page)));
            if (r.getMembers() != null) {
                members.addAll(r.getMembers());
            }
            cursor =
                    r.getResponseMetadata() == null
                            ? null
                            : r.getResponseMetadata().getNextCursor();
        } while (cursor != null && !cursor.isBlank());
        return members;
    }

    List<String> userGroupMembers(String token, String groupId) {
        List<String> users =
                SlackCalls.call(
                                "usergroups.users.list",
                                () ->
                                        methods(token)
                                                .usergroupsUsersList(req -> req.usergroup(groupId)))
                        .getUsers();
        return users == null ? List.of() : List.copyOf(users);
    }

    String openConversation(String token, List<String> userIds) {
        return SlackCalls.call(
                        "conversations.open",
                        () -> methods(token).conversationsOpen(req -> req.users(userIds)))
                .getChannel()
                .getId();
    }

    /**
     * Uploads a file the way Slack asks since files.upload was retired: get an upload URL, send the
     * bytes there, then complete the upload into the channel (a person's DM is opened first).
     */
    Delivery upload(String token, String target, FileUpload file) {
        String channel =
                target.startsWith("U") || target.startsWith("W")
                        ? openConversation(token, List.of(target))
                        : target;
        byte[] bytes = file.bytes();
        FilesGetUploadURLExternalResponse url =
                SlackCalls.call(
                        "files.getUploadURLExternal",
                        () ->
                                methods(token)
                                        .filesGetUploadURLExternal(
                                                req ->
                                                        req.filename(file.filename())
                                                                .length(bytes.length)));
        try {
            HttpResponse<Void> sent =
                    UPLOADS.send(
                            HttpRequest.newBuilder(URI.create(url.getUploadUrl()))
                                    .timeout(Duration.ofSeconds(30))
                                    .header("Content-Type", file.mimeType())
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            if (sent.statusCode() == 429 || sent.statusCode() >= 500) {
                throw new ChatPlatformException.Transient(
                        "file upload answered " + sent.statusCode(), null);
            }
            if (sent.statusCode() != 200) {
                throw new ChatPlatformException.Rejected(
                        "file upload answered " + sent.statusCode());
            }
        } catch (IOException e) {
            throw new ChatPlatformException.Transient(
                    "file upload failed: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatPlatformException.Transient("file upload interrupted", e);
        }
        SlackCalls.call(
                "files.completeUploadExternal",
                () ->
                        methods(token)
                                .filesCompleteUploadExternal(
                                        req ->
                                                req.files(
                                                                List.of(
                                                                        FilesCompleteUploadExternalRequest
                                                                                .FileDetails
                                                                                .builder()
                                                                                .id(url.getFileId())
                                                                                .title(file.title())
                                                                                .build()))
                                                        .channelId(channel)));
        return new Delivery(channel, url.getFileId());
    }

    private static final HttpClient UPLOADS =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private MethodsClient methods(String token) {
        return slack.methods(token);
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
