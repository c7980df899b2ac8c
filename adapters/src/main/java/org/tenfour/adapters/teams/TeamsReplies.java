package org.tenfour.adapters.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import org.tenfour.adapters.Reply;

/**
 * Turns the product's immediate {@link Reply} into what Teams shows: an activity to post into the
 * conversation (answers to messages and card submits), or the body of an invoke response (answers
 * to {@code Action.Execute}: a refreshed card, or a short message).
 */
final class TeamsReplies {
    static final String INVOKE_CARD = "application/vnd.microsoft.card.adaptive";
    static final String INVOKE_MESSAGE = "application/vnd.microsoft.activity.message";

    private TeamsReplies() {}

    /**
     * The activity to post in reply, if the reply says anything; commands in it as typed in a 1:1
     * chat when {@code personal}, else in a channel.
     */
    static Optional<ObjectNode> activity(Reply reply, TeamsText text, boolean personal) {
        if (reply instanceof Reply.Private p) {
            return Optional.of(TeamsPlatform.messageActivity(text.render(p.message(), personal)));
        }
        if (reply instanceof Reply.ShowForm f) {
            return Optional.of(TeamsPlatform.cardActivity(AdaptiveCards.card(f.form(), Map.of())));
        }
        if (reply instanceof Reply.FormErrors e) {
            return Optional.of(
                    TeamsPlatform.cardActivity(AdaptiveCards.card(e.form(), e.errors())));
        }
        if (reply instanceof Reply.FormAccepted a && a.confirmation() != null) {
            return Optional.of(
                    TeamsPlatform.messageActivity(text.render(a.confirmation(), personal)));
        }
        return Optional.empty();
    }

    /** The invoke response body: the card that replaces the one acted on, or a message. */
    static ObjectNode invokeResponse(Reply reply, TeamsText text, boolean personal) {
        if (reply instanceof Reply.FormErrors e) {
            return card(AdaptiveCards.card(e.form(), e.errors()));
        }
        if (reply instanceof Reply.ShowForm f) {
            return card(AdaptiveCards.card(f.form(), Map.of()));
        }
        if (reply instanceof Reply.FormAccepted a && a.confirmation() != null) {
            return card(AdaptiveCards.card(text.render(a.confirmation(), personal)));
        }
        if (reply instanceof Reply.Private p) {
            return TeamsJson.object()
                    .put("statusCode", 200)
                    .put("type", INVOKE_MESSAGE)
                    .put(
                            "value",
                            AdaptiveCards.markdown(
                                    AdaptiveCards.fitted(
                                            text.render(p.message().text(), personal))));
        }
        return TeamsJson.object()
                .put("statusCode", 200)
                .put("type", INVOKE_MESSAGE)
                .put("value", "");
    }

    private static ObjectNode card(ObjectNode card) {
        ObjectNode body = TeamsJson.object().put("statusCode", 200).put("type", INVOKE_CARD);
        body.set("value", card);
        return body;
    }
}
