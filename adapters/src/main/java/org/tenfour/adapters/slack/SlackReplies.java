package org.tenfour.adapters.slack;

import org.tenfour.adapters.Reply;

/** Names of replies for logs (never their text). */
final class SlackReplies {
    private SlackReplies() {}

    static String kind(Reply reply) {
        return reply == null ? "null" : reply.getClass().getSimpleName();
    }

    /**
     * What the member reads when a form could not be opened (the trigger expired, Slack was slow).
     */
    static final String FORM_FAILED = "Sorry, that form could not be opened. Please try again.";

    /** What a member of a workspace without an installation reads (OAuth mode). */
    static final String NOT_INSTALLED =
            "TenFour is not installed in this workspace yet. "
                    + "Please ask a workspace admin or your peer-support coordinator to install it.";

    /** What a person reads when a command arrives while TenFour cannot take it (Socket Mode). */
    static final String TRY_AGAIN =
            "TenFour cannot answer right now. Please try again in a minute.";
}
