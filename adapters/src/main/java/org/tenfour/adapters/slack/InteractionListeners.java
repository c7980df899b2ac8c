package org.tenfour.adapters.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenfour.adapters.ChatPlatformException;
import org.tenfour.adapters.InboundEvent;
import org.tenfour.adapters.InboundHandler;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Reply;

/**
 * Slash commands, button presses and modal submissions: each is handed to the product and its
 * {@link Reply} turned into the acknowledgement (ephemeral text, modal errors) or a Web API call
 * made before acknowledging (views.open needs the trigger id within three seconds).
 */
final class InteractionListeners {
    private static final Logger log = LoggerFactory.getLogger(InteractionListeners.class);
    private static final Pattern ANY = Pattern.compile("^.+$");

    private final InboundHandler handler;
    private final SlackWebApi api;

    InteractionListeners(InboundHandler handler, SlackWebApi api) {
        this.handler = handler;
        this.api = api;
    }

    void register(App app) {
        app.command(Pattern.compile("^/.+$"), this::command);
        app.blockAction(ANY, this::action);
        app.viewSubmission(ANY, this::submission);
        app.viewClosed(ANY, (req, ctx) -> ctx.ack());
    }

    private Response command(SlashCommandRequest req, SlashCommandContext ctx) {
        SlashCommandPayload p = req.getPayload();
        InboundEvent.Command command = PayloadTranslator.command(p);
        Reply reply = handler.handle(command);
        log.debug(
                "slack command /{} team={} reply={}",
                command.name(),
                p.getTeamId(),
                SlackReplies.kind(reply));
        if (reply instanceof Reply.Private r) {
            return ephemeral(ctx, r.message());
        }
        if (reply instanceof Reply.ShowForm r) {
            try {
                api.openView(ctx.getBotToken(), p.getTriggerId(), ModalForms.modal(r.form()));
                return ctx.ack();
            } catch (ChatPlatformException e) {
                log.warn(
                        "slack views.open for /{} failed: {}",
                        command.name(),
                        e.getClass().getSimpleName());
                return ephemeral(ctx, Message.text(SlackReplies.FORM_FAILED));
            }
        }
        if (reply instanceof Reply.FormAccepted r && r.confirmation() != null) {
            return ephemeral(ctx, r.confirmation());
        }
        if (reply instanceof Reply.FormErrors r) {
            return ephemeral(ctx, Message.text(String.join("\n", r.errors().values())));
        }
        return ctx.ack();
    }

    private static Response ephemeral(SlashCommandContext ctx, Message message) {
        return ctx.ack(
                r ->
                        r.responseType("ephemeral")
                                .text(BlockKitMessages.fallback(message))
                                .blocks(BlockKitMessages.blocks(message)));
    }

    private Response action(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        InboundEvent.ButtonPressed pressed = PayloadTranslator.buttonPressed(p, ctx.getTeamId());
        Reply reply = handler.handle(pressed);
        String team = pressed.actor().address().workspaceId();
        String user = pressed.actor().address().targetId();
        log.debug(
                "slack action {} team={} reply={}",
                pressed.actionId(),
                team,
                SlackReplies.kind(reply));
        String token = ctx.getBotToken();
        try {
            if (reply instanceof Reply.Private r) {
                String channel = PayloadTranslator.channelOf(p);
                if (channel != null) {
                    api.postEphemeral(token, channel, user, r.message());
                } else {
                    api.postMessage(token, user, r.message());
                }
            } else if (reply instanceof Reply.ShowForm r) {
                api.openView(token, p.getTriggerId(), ModalForms.modal(r.form()));
            } else if (reply instanceof Reply.FormAccepted r && r.confirmation() != null) {
                api.postMessage(token, user, r.confirmation());
            } else if (reply instanceof Reply.FormErrors) {
                log.warn(
                        "slack action {}: form errors without a form open; ignored",
                        pressed.actionId());
            }
        } catch (ChatPlatformException e) {
            log.warn(
                    "slack reply to action {} team={} failed: {}",
                    pressed.actionId(),
                    team,
                    e.getClass().getSimpleName());
        }
        return ctx.ack();
    }

    private Response submission(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        ViewSubmissionPayload p = req.getPayload();
        InboundEvent.FormSubmitted submitted = PayloadTranslator.formSubmitted(p, ctx.getTeamId());
        Reply reply = handler.handle(submitted);
        String team = submitted.actor().address().workspaceId();
        String user = submitted.actor().address().targetId();
        log.debug(
                "slack form {} team={} reply={}",
                submitted.formId(),
                team,
                SlackReplies.kind(reply));
        if (reply instanceof Reply.FormErrors r) {
            return ctx.ack(b -> b.responseAction("errors").errors(r.errors()));
        }
        if (reply instanceof Reply.ShowForm r) {
            return ctx.ack("update", ModalForms.modal(r.form()));
        }
        Message dm =
                reply instanceof Reply.FormAccepted r
                        ? r.confirmation()
                        : reply instanceof Reply.Private r ? r.message() : null;
        if (dm != null) {
            try {
                api.postMessage(ctx.getBotToken(), user, dm);
            } catch (ChatPlatformException e) {
                log.warn(
                        "slack confirmation of form {} team={} failed: {}",
                        submitted.formId(),
                        team,
                        e.getClass().getSimpleName());
            }
        }
        return ctx.ack();
    }
}
