package org.tenfour.adapters.teams;

/**
 * An inbound request whose token we refuse; the reason is safe to log (it never holds the token).
 */
final class AuthenticationFailed extends Exception {
    private final int status;

    private AuthenticationFailed(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    /** No valid token: 401. */
    static AuthenticationFailed unauthorized(String reason) {
        return new AuthenticationFailed(401, reason);
    }

    /** A valid token, but not for this request: 403. */
    static AuthenticationFailed forbidden(String reason) {
        return new AuthenticationFailed(403, reason);
    }

    int status() {
        return status;
    }
}
