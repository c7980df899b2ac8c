package org.tenfour.adapters.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.ChatPlatformException;
import org.tenfour.adapters.InboundEvent;
import org.tenfour.adapters.InboundHandler;
import org.tenfour.adapters.Reply;
import org.tenfour.adapters.Vocabulary;
import org.tenfour.adapters.internal.Jackson;
import org.tenfour.adapters.teams.ConversationReferences.ConversationReference;

/**
 * {@code POST /api/messages}: authenticates the Bot Connector's token, reads the Activity,
 * remembers conversation references, hands neutral events to the product and delivers its replies.
 * Nothing reaches the product before the token is verified.
 */
final class MessagesHandler implements Handler {
    private static final Logger log = LoggerFactory.getLogger(MessagesHandler.class);

    private final TokenVerifier verifier;
    private final InboundHandler handler;
    private final ConversationReferences references;
    private final TeamsPlatform platform;
    private final ActivityLedger ledger;
    private final String tenantId;
    private final Vocabulary words;
    private final TeamsText text;

    MessagesHandler(
            TokenVerifier verifier,
            InboundHandler handler,
            ConversationReferences references,
            TeamsPlatform platform,
            ActivityLedger ledger,
            String tenantId,
            Vocabulary words) {
        this.tenantId = tenantId;
        this.words = Objects.requireNonNull(words, "null words");
        this.text = new TeamsText(words.talkWord());
        this.ledger = Objects.requireNonNull(ledger, "null ledger");
        this.verifier = Objects.requireNonNull(verifier, "null verifier");
        this.handler = Objects.requireNonNull(handler, "null handler");
        this.references = Objects.requireNonNull(references, "null references");
        this.platform = Objects.requireNonNull(platform, "null platform");
    }

    @Override
    public void handle(Context ctx) {
        Activity activity;
        try {
            TokenVerifier.VerifiedToken token = verifier.verify(ctx.header("Authorization"));
            String type =
                    ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
            if (!type.startsWith("application/json")) {
                ctx.status(415)
                        .contentType("application/json")
                        .result(
                                TeamsJson.write(
                                        TeamsJson.object()
                                                .put("error", "activities are application/json")));
                return;
            }
            Optional<Activity> parsed = parse(ctx);
            if (parsed.isEmpty()) {
                return;
            }
            activity = parsed.get();
            verifier.requireFor(token, activity);
            if (tenantId != null && !tenantId.equals(activity.tenantId())) {
                throw AuthenticationFailed.forbidden(
                        "activity from another tenant than the bot's own");
            }
        } catch (AuthenticationFailed e) {
            log.warn("teams request refused ({}): {}", e.status(), e.getMessage());
            ctx.status(e.status())
                    .contentType("application/json")
                    .result(
                            TeamsJson.write(
                                    TeamsJson.object()
                                            .put(
                                                    "error",
                                                    e.status() == 401
                                                            ? "unauthorized"
                                                            : "forbidden")));
            return;
        }
        log.debug(
                "teams activity type={} id={} tenant={}",
                activity.type(),
                activity.id(),
                activity.tenantId());
        if (activity.id() != null
                && activity.conversation() != null
                && !ledger.firstSighting(activity.conversation().id() + "|" + activity.id())) {
            log.info("teams activity {} already handled; ignored", activity.id());
            ctx.status(200)
                    .contentType("application/json")
                    .result(
                            activity.isInvoke()
                                    ? TeamsJson.write(
                                            TeamsReplies.invokeResponse(
                                                    Reply.none(), text, activity.isPersonal()))
                                    : "");
            return;
        }
        remember(activity);
        if (activity.teamName() != null) {
            platform.sawTeam(activity.tenantId(), activity.teamName());
        }
        List<InboundEvent> events = ActivityTranslator.translate(activity, words);
        if (activity.isInvoke()) {
            invoke(ctx, activity, events);
            return;
        }
        for (InboundEvent event : events) {
            TeamsReplies.activity(handler.handle(event), text, activity.isPersonal())
                    .ifPresent(reply -> send(activity, reply));
        }
        ctx.status(200).result("");
    }

    private Optional<Activity> parse(Context ctx) {
        String reason;
        try {
            Activity activity = Jackson.MAPPER.readValue(ctx.body(), Activity.class);
            if (activity == null) {
                reason = "no activity";
            } else if (activity.tenantId() != null) {
                return Optional.of(activity);
            } else {
                reason = "missing tenant";
            }
        } catch (JsonProcessingException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            reason =
                    root instanceof IllegalArgumentException || root instanceof NullPointerException
                            ? root.getMessage()
                            : "malformed activity JSON";
        }
        ctx.status(400)
                .contentType("application/json")
                .result(TeamsJson.write(TeamsJson.object().put("error", reason)));
        return Optional.empty();
    }

    private void invoke(Context ctx, Activity activity, List<InboundEvent> events) {
        if (events.isEmpty()) {
            ctx.status(501).result("");
            return;
        }
        Reply reply = handler.handle(events.get(0));
        ctx.status(200)
                .contentType("application/json")
                .result(
                        TeamsJson.write(
                                TeamsReplies.invokeResponse(reply, text, activity.isPersonal())));
    }

    private void send(Activity to, ObjectNode reply) {
        reply.put("replyToId", to.id());
        try {
            platform.post(to.serviceUrl(), to.conversation().id(), reply);
        } catch (ChatPlatformException e) {
            // The activity was received and handled; a 5xx here would make Teams redeliver it.
            log.warn("teams reply to activity {} not delivered: {}", to.id(), e.getMessage());
        }
    }

    /**
     * Saves where the sender's 1:1 chat or the channel lives, so the product can write there later.
     */
    private void remember(Activity a) {
        boolean removal =
                ("installationUpdate".equals(a.type())
                                && a.action() != null
                                && a.action().startsWith("remove"))
                        || a.membersRemoved().stream()
                                .anyMatch(m -> m.id().equals(a.recipient().id()));
        if (removal
                || !List.of("message", "installationUpdate", "conversationUpdate", "invoke")
                        .contains(a.type())) {
            return;
        }
        if (a.isPersonal()) {
            references.save(
                    Address.Kind.USER,
                    a.from().id(),
                    new ConversationReference(a.serviceUrl(), a.conversation().id(), a.tenantId()));
        } else if (a.channelIdOfTeam() != null) {
            references.save(
                    Address.Kind.CHANNEL,
                    a.channelIdOfTeam(),
                    new ConversationReference(
                            a.serviceUrl(), a.baseConversationId(), a.tenantId()));
        }
    }
}
