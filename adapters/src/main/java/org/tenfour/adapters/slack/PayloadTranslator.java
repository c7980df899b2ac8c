package org.tenfour.adapters.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import org.tenfour.adapters.Actor;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.Delivery;
import org.tenfour.adapters.InboundEvent;
import org.tenfour.adapters.Platform;

/** Translates Slack payloads into neutral {@link InboundEvent}s. */
final class PayloadTranslator {
    /** Slack's own system user, the actor of events no person caused (an uninstall). */
    static final String SLACKBOT = "USLACKBOT";

    private PayloadTranslator() {}

    static Actor actor(String teamId, String userId) {
        // Slack's payloads do not say whether the user is an admin; ChatPlatform.profile() does.
        return new Actor(Address.user(Platform.SLACK, teamId, userId), false);
    }

    static Address channel(String teamId, String channelId) {
        return Address.channel(Platform.SLACK, teamId, channelId);
    }

    static InboundEvent.Command command(SlashCommandPayload p) {
        String name = p.getCommand() == null ? "" : p.getCommand().replaceFirst("^/", "");
        return new InboundEvent.Command(
                actor(p.getTeamId(), p.getUserId()),
                name,
                SlackText.normaliseMentions(p.getText()),
                channel(p.getTeamId(), p.getChannelId()),
                p.getTriggerId());
    }

    static InboundEvent.ButtonPressed buttonPressed(BlockActionPayload p, String fallbackTeamId) {
        String team =
                teamOf(
                        p.getTeam() == null ? null : p.getTeam().getId(),
                        p.getUser() == null ? null : p.getUser().getTeamId(),
                        fallbackTeamId);
        BlockActionPayload.Action action = p.getActions().get(0);
        String channelId = channelOf(p);
        Address where = channelId == null ? null : channel(team, channelId);
        Delivery message = null;
        String ts = p.getContainer() != null ? p.getContainer().getMessageTs() : null;
        if (ts == null && p.getMessage() != null) {
            ts = p.getMessage().getTs();
        }
        if (channelId != null && ts != null) {
            message = new Delivery(channelId, ts);
        }
        return new InboundEvent.ButtonPressed(
                actor(team, p.getUser().getId()),
                ActionIds.original(action.getActionId()),
                action.getValue() == null ? "" : action.getValue(),
                where,
                message,
                p.getTriggerId());
    }

    static String channelOf(BlockActionPayload p) {
        if (p.getChannel() != null && p.getChannel().getId() != null) {
            return p.getChannel().getId();
        }
        return p.getContainer() == null ? null : p.getContainer().getChannelId();
    }

    static InboundEvent.FormSubmitted formSubmitted(
            ViewSubmissionPayload p, String fallbackTeamId) {
        String team =
                teamOf(
                        p.getTeam() == null ? null : p.getTeam().getId(),
                        p.getUser() == null ? null : p.getUser().getTeamId(),
                        fallbackTeamId);
        String context =
                p.getView().getPrivateMetadata() == null ? "" : p.getView().getPrivateMetadata();
        return new InboundEvent.FormSubmitted(
                actor(team, p.getUser().getId()),
                p.getView().getCallbackId(),
                FormValues.from(p.getView().getState()),
                context);
    }

    private static String teamOf(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                return c;
            }
        }
        throw new IllegalArgumentException("payload names no workspace");
    }
}
