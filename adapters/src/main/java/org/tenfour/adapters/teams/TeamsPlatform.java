package org.tenfour.adapters.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.ChatPlatform;
import org.tenfour.adapters.ChatPlatformException;
import org.tenfour.adapters.Delivery;
import org.tenfour.adapters.FileUpload;
import org.tenfour.adapters.Form;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Platform;
import org.tenfour.adapters.UserProfile;
import org.tenfour.adapters.teams.ConversationReferences.ConversationReference;

/**
 * Sends through the Bot Connector. A user without a known 1:1 conversation gets one created first
 * (and its reference saved); Teams has no trigger ids, so a form is sent as a card.
 */
final class TeamsPlatform implements ChatPlatform {
    private static final Logger log = LoggerFactory.getLogger(TeamsPlatform.class);

    private final String appId;
    private final Connector connector;
    private final ConversationReferences references;
    private final TeamsText text;
    // the names of teams the bot was added to, by tenant: the best name Teams offers for an agency
    private final Map<String, String> teamNames = new ConcurrentHashMap<>();

    TeamsPlatform(
            String appId, Connector connector, ConversationReferences references, TeamsText text) {
        this.text = Objects.requireNonNull(text, "null text");
        this.appId = Objects.requireNonNull(appId, "null appId");
        this.connector = Objects.requireNonNull(connector, "null connector");
        this.references = Objects.requireNonNull(references, "null references");
    }

    /** Where to post for an address. */
    private record Target(String serviceUrl, String conversationId) {}

    @Override
    public Platform platform() {
        return Platform.TEAMS;
    }

    @Override
    public Delivery send(Address to, Message message) {
        return post(resolve(to), messageActivity(rendered(to, message)));
    }

    private Message rendered(Address to, Message message) {
        return text.render(message, to.kind() == Address.Kind.USER);
    }

    @Override
    public void update(Address to, Delivery sent, Message message) {
        Target target = resolve(to);
        ObjectNode activity = messageActivity(rendered(to, message)).put("id", sent.messageId());
        connector.put(
                target.serviceUrl(),
                activitiesPath(sent.conversationId()) + "/" + Connector.segment(sent.messageId()),
                activity);
    }

    @Override
    public void openForm(Address user, String triggerId, Form form) {
        post(resolve(user), cardActivity(AdaptiveCards.card(form, Map.of())));
    }

    @Override
    public Optional<UserProfile> profile(Address user) {
        Optional<Target> known = known(user);
        if (known.isEmpty()) {
            return Optional.empty();
        }
        Target target = known.get();
        JsonNode member =
                connector.get(
                        target.serviceUrl(),
                        "/v3/conversations/"
                                + Connector.segment(target.conversationId())
                                + "/members/"
                                + Connector.segment(user.targetId()));
        return Optional.of(new UserProfile(TeamsJson.text(member, "name"), null, false));
    }

    /**
     * The name of the team TenFour was last added to in this tenant, as Teams sent it (the tenant's
     * own name needs Microsoft Graph); empty before any.
     */
    @Override
    public Optional<String> workspaceName(String workspaceId) {
        return Optional.ofNullable(teamNames.get(workspaceId));
    }

    /** Remembers a team's name seen on an activity. */
    void sawTeam(String tenantId, String name) {
        teamNames.put(tenantId, name);
    }

    /** Posts an activity into a conversation and returns where it landed. */
    Delivery post(String serviceUrl, String conversationId, ObjectNode activity) {
        return post(new Target(serviceUrl, conversationId), activity);
    }

    private Delivery post(Target target, ObjectNode activity) {
        JsonNode answer =
                connector.post(
                        target.serviceUrl(), activitiesPath(target.conversationId()), activity);
        String id = Objects.requireNonNullElse(TeamsJson.text(answer, "id"), "");
        return new Delivery(target.conversationId(), id);
    }

    /** Largest text file shown inline (Teams caps an activity at about 28 KB). */
    static final int INLINE_TEXT_LIMIT = 20_000;

    /**
     * Teams has no bot file upload outside a consent flow: an image is sent inline (a data URL
     * attachment), a small text file (CSV) as a monospace card; anything else is refused.
     */
    @Override
    public Delivery upload(Address to, FileUpload file) {
        return post(resolve(to), fileActivity(file));
    }

    static ObjectNode fileActivity(FileUpload file) {
        if (file.mimeType().startsWith("image/")) {
            ObjectNode activity =
                    TeamsJson.object().put("type", "message").put("text", file.title());
            activity.putArray("attachments")
                    .addObject()
                    .put("contentType", file.mimeType())
                    .put("contentUrl", "data:" + file.mimeType() + ";base64," + file.base64())
                    .put("name", file.filename());
            return activity;
        }
        if (file.mimeType().startsWith("text/")) {
            String content = new String(file.bytes(), StandardCharsets.UTF_8);
            if (content.length() > INLINE_TEXT_LIMIT) {
                throw new ChatPlatformException.Rejected(
                        file.filename()
                                + " is too large to show in Teams ("
                                + content.length()
                                + " characters)");
            }
            ObjectNode card =
                    TeamsJson.object()
                            .put("type", "AdaptiveCard")
                            .put("version", "1.5")
                            .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
            var body = card.putArray("body");
            body.addObject()
                    .put("type", "TextBlock")
                    .put("text", file.title() + " (" + file.filename() + ")")
                    .put("weight", "Bolder")
                    .put("wrap", true);
            body.addObject()
                    .put("type", "TextBlock")
                    .put("text", content)
                    .put("fontType", "Monospace")
                    .put("wrap", true)
                    .put("size", "Small");
            return cardActivity(card);
        }
        throw new ChatPlatformException.Rejected(
                "Teams cannot show " + file.mimeType() + " inline");
    }

    /** A message as an activity: plain text when that is all it is, otherwise an Adaptive Card. */
    static ObjectNode messageActivity(Message message) {
        if (message.notes().isEmpty() && message.buttons().isEmpty()) {
            return TeamsJson.object()
                    .put("type", "message")
                    .put("textFormat", "markdown")
                    .put("text", AdaptiveCards.markdown(AdaptiveCards.fitted(message.text())));
        }
        return cardActivity(AdaptiveCards.card(message));
    }

    static ObjectNode cardActivity(ObjectNode card) {
        ObjectNode activity = TeamsJson.object().put("type", "message");
        activity.putArray("attachments").add(AdaptiveCards.attachment(card));
        return activity;
    }

    private Target resolve(Address to) {
        Optional<Target> known = known(to);
        if (known.isPresent()) {
            return known.get();
        }
        if (to.serviceUrl() == null) {
            throw new ChatPlatformException.Unreachable(
                    "no conversation reference for this " + to.kind());
        }
        if (to.kind() == Address.Kind.CHANNEL) {
            return new Target(to.serviceUrl(), to.targetId());
        }
        return createConversation(to);
    }

    private Optional<Target> known(Address to) {
        if (to.serviceUrl() != null && to.conversationId() != null) {
            return Optional.of(new Target(to.serviceUrl(), to.conversationId()));
        }
        return references
                .find(to.workspaceId(), to.kind(), to.targetId())
                .map(ref -> new Target(ref.serviceUrl(), ref.conversationId()));
    }

    private Target createConversation(Address user) {
        ObjectNode request =
                TeamsJson.object().put("isGroup", false).put("tenantId", user.workspaceId());
        request.putObject("bot").put("id", "28:" + appId);
        request.putArray("members").addObject().put("id", user.targetId());
        request.putObject("channelData").putObject("tenant").put("id", user.workspaceId());
        JsonNode answer = connector.post(user.serviceUrl(), "/v3/conversations", request);
        String conversationId = TeamsJson.text(answer, "id");
        if (conversationId == null || conversationId.isBlank()) {
            throw new ChatPlatformException.Rejected("create conversation answered without an id");
        }
        references.save(
                Address.Kind.USER,
                user.targetId(),
                new ConversationReference(user.serviceUrl(), conversationId, user.workspaceId()));
        log.info("teams 1:1 conversation created for a user of tenant {}", user.workspaceId());
        return new Target(user.serviceUrl(), conversationId);
    }

    private static String activitiesPath(String conversationId) {
        return "/v3/conversations/" + Connector.segment(conversationId) + "/activities";
    }
}
