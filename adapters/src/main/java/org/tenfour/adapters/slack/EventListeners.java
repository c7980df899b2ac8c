package org.tenfour.adapters.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.MemberJoinedChannelEvent;
import com.slack.api.model.event.MemberLeftChannelEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenfour.adapters.InboundEvent;
import org.tenfour.adapters.InboundEvent.MembershipChanged.Change;
import org.tenfour.adapters.InboundHandler;
import org.tenfour.adapters.Reply;

/**
 * Events API callbacks: acknowledged at once, each {@code event_id} handled once (Slack retries
 * unacknowledged or slow deliveries), the work done on an executor after the acknowledgement.
 */
final class EventListeners {
    private static final Logger log = LoggerFactory.getLogger(EventListeners.class);

    private final InboundHandler handler;
    private final SlackWebApi api;
    private final SlackInstallations installations;
    private final EventLedger ledger;
    private final Executor executor;

    EventListeners(
            InboundHandler handler,
            SlackWebApi api,
            SlackInstallations installations,
            EventLedger ledger,
            Executor executor) {
        this.handler = handler;
        this.api = api;
        this.installations = installations;
        this.ledger = ledger;
        this.executor = executor;
    }

    void register(App app) {
        app.event(
                AppHomeOpenedEvent.class,
                (p, ctx) -> {
                    String tab = p.getEvent().getTab();
                    if (tab != null && !"home".equals(tab)) {
                        return ctx.ack(); // the Messages tab: nothing to publish
                    }
                    String token = ctx.getBotToken();
                    return later(
                            p,
                            "app_home_opened",
                            () -> homeOpened(p.getTeamId(), p.getEvent().getUser(), token));
                });
        app.event(
                MemberJoinedChannelEvent.class,
                (p, ctx) ->
                        later(
                                p,
                                "member_joined_channel",
                                () ->
                                        membership(
                                                p.getTeamId(),
                                                p.getEvent().getUser(),
                                                p.getEvent().getChannel(),
                                                Change.MEMBER_JOINED)));
        app.event(
                MemberLeftChannelEvent.class,
                (p, ctx) ->
                        later(
                                p,
                                "member_left_channel",
                                () ->
                                        membership(
                                                p.getTeamId(),
                                                p.getEvent().getUser(),
                                                p.getEvent().getChannel(),
                                                Change.MEMBER_LEFT)));
        app.event(
                MessageEvent.class,
                (p, ctx) -> {
                    MessageEvent m = p.getEvent();
                    if (!isPersonToBot(m, ctx.getBotUserId())) {
                        return ctx.ack(); // channel messages, bots (the bot itself included), edits
                        // and joins
                    }
                    String token = ctx.getBotToken();
                    return later(
                            p,
                            "message.im",
                            () ->
                                    directMessage(
                                            p.getTeamId(),
                                            m.getUser(),
                                            m.getChannel(),
                                            m.getText(),
                                            token));
                });
        app.event(
                AppUninstalledEvent.class,
                (p, ctx) -> later(p, "app_uninstalled", () -> removed(p.getTeamId())));
        app.event(
                TokensRevokedEvent.class,
                (p, ctx) -> {
                    TokensRevokedEvent.Tokens tokens = p.getEvent().getTokens();
                    if (tokens == null || tokens.getBot() == null || tokens.getBot().isEmpty()) {
                        return ctx.ack(); // only user tokens, which TenFour never holds
                    }
                    return later(p, "tokens_revoked", () -> removed(p.getTeamId()));
                });
    }

    private Response later(EventsApiPayload<?> payload, String type, Runnable work) {
        String eventId = payload.getEventId();
        if (eventId != null && !ledger.firstSighting(eventId)) {
            log.info("slack event {} {} already handled; retry ignored", type, eventId);
            return Response.ok();
        }
        try {
            executor.execute(
                    () -> {
                        try {
                            work.run();
                        } catch (RuntimeException e) {
                            log.warn(
                                    "slack event {} {} team={} failed: {}",
                                    type,
                                    eventId,
                                    payload.getTeamId(),
                                    e.getClass().getSimpleName());
                        }
                    });
        } catch (RejectedExecutionException e) {
            log.warn("slack event {} {} dropped: adapter closed", type, eventId);
        }
        return Response.ok();
    }

    private void homeOpened(String team, String user, String token) {
        Reply reply =
                handler.handle(new InboundEvent.HomeOpened(PayloadTranslator.actor(team, user)));
        if (reply instanceof Reply.Private r) {
            api.publishHome(token, user, r.message());
        }
    }

    /**
     * A person's own plain message in their DM with the bot: no subtype, no bot, not the bot
     * itself.
     */
    static boolean isPersonToBot(MessageEvent m, String botUserId) {
        return "im".equals(m.getChannelType())
                && m.getSubtype() == null
                && m.getBotId() == null
                && m.getUser() != null
                && !m.getUser().equals(botUserId)
                && m.getText() != null
                && !m.getText().isBlank();
    }

    private void directMessage(
            String team, String user, String channel, String text, String token) {
        Reply reply =
                handler.handle(
                        new InboundEvent.DirectMessage(
                                PayloadTranslator.actor(team, user),
                                text,
                                PayloadTranslator.channel(team, channel)));
        if (reply instanceof Reply.Private r) {
            api.postMessage(token, channel, r.message());
        }
    }

    private void membership(String team, String user, String channel, Change change) {
        handler.handle(
                new InboundEvent.MembershipChanged(
                        PayloadTranslator.actor(team, user),
                        change,
                        PayloadTranslator.channel(team, channel)));
    }

    private void removed(String team) {
        installations.delete(team);
        log.info("slack app removed from team={}; installation deleted", team);
        handler.handle(
                new InboundEvent.MembershipChanged(
                        PayloadTranslator.actor(team, PayloadTranslator.SLACKBOT),
                        Change.BOT_REMOVED,
                        PayloadTranslator.channel(team, team)));
    }
}
