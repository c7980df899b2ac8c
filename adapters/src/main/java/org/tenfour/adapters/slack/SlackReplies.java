package org.tenfour.adapters.slack;

import org.tenfour.adapters.Reply;

/** Names of replies for logs (never their text). */
final class SlackReplies {
    private SlackReplies() {}

    static String kind(Reply reply) {
        return reply == null ? "null" : reply.getClass().getSimpleName();
    }

    // The adapters answer these without the domain, so without knowing the person's language:
    // each is written in English and then in Spanish, the two languages members read TenFour in.

    /**
     * What the member reads when a form could not be opened (the trigger expired, Slack was slow).
     */
    static final String FORM_FAILED =
            "Sorry, that form could not be opened. Please try again.\n"
                    + "Lo sentimos, no se pudo abrir el formulario. Inténtelo de nuevo.";

    /** What a member of a workspace without an installation reads (OAuth mode). */
    static final String NOT_INSTALLED =
            "TenFour is not installed in this workspace yet. "
                    + "Please ask a workspace admin or your peer-support coordinator to install it.\n"
                    + "TenFour todavía no está instalado en este espacio de trabajo. Pida a un"
                    + " administrador o a la coordinación de apoyo entre compañeros que lo instale.";

    /** What a person reads when a command arrives while TenFour cannot take it (Socket Mode). */
    static final String TRY_AGAIN =
            "TenFour cannot answer right now. Please try again in a minute.\n"
                    + "TenFour no puede responder en este momento. Inténtelo de nuevo en un minuto.";
}
