package org.tenfour.adapters.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every {@code /sandbox} request passes before the page or the API sees it: a strict
 * Content-Security-Policy and the usual security headers on every answer; API writes only as {@code
 * application/json} from the page's own origin (no cross-site form post, no request from another
 * site's script); and, when Slack or Teams is configured next to it, loopback only — the machine
 * itself, not through a proxy, under a loopback host name (no DNS rebinding).
 */
final class SandboxGuard {
    private static final Logger log = LoggerFactory.getLogger(SandboxGuard.class);

    /** Only the page's own files; no inline script or style, no framing, no form targets. */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
                    + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final Map<String, String> HEADERS =
            Map.of(
                    "Content-Security-Policy", CONTENT_SECURITY_POLICY,
                    "X-Content-Type-Options", "nosniff",
                    "X-Frame-Options", "DENY",
                    "Referrer-Policy", "no-referrer",
                    "Cross-Origin-Opener-Policy", "same-origin",
                    "Cross-Origin-Resource-Policy", "same-origin",
                    "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");

    private final boolean loopbackOnly;

    /**
     * @param loopbackOnly answer only requests from this machine (Slack or Teams is configured)
     */
    SandboxGuard(boolean loopbackOnly) {
        this.loopbackOnly = loopbackOnly;
    }

    void mount(RoutesConfig routes) {
        routes.before("/sandbox", this::check);
        routes.before("/sandbox/*", this::check);
    }

    private void check(Context ctx) {
        HEADERS.forEach(ctx::header);
        if (loopbackOnly && !fromThisMachine(ctx)) {
            log.info("sandbox request refused: not from this machine");
            refuse(HttpStatus.NOT_FOUND, "no route for " + ctx.method() + " " + ctx.path());
            return;
        }
        if (!"POST".equals(ctx.method().name())) {
            return;
        }
        String type = ctx.contentType();
        if (type == null
                || !type.toLowerCase(Locale.ROOT)
                        .split(";")[0]
                        .strip()
                        .equals("application/json")) {
            refuse(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "the sandbox API accepts application/json only");
            return;
        }
        if (!sameOrigin(ctx)) {
            log.info("sandbox request refused: from another origin");
            refuse(HttpStatus.FORBIDDEN, "requests from another site are refused");
        }
    }

    /**
     * A browser names the page that sent a request ({@code Origin}, {@code Sec-Fetch-Site}); it
     * must be this server. Clients that are not browsers send neither and cannot be made to by a
     * site.
     */
    private static boolean sameOrigin(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return false;
        }
        String origin = ctx.header("Origin");
        if (origin == null) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            int port =
                    uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
            return uri.getHost() != null
                    && uri.getHost().equalsIgnoreCase(ctx.req().getServerName())
                    && port == ctx.req().getServerPort();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Direct from loopback, not relayed by a proxy, and addressed to a loopback name. */
    private static boolean fromThisMachine(Context ctx) {
        if (ctx.header("X-Forwarded-For") != null
                || ctx.header("Forwarded") != null
                || ctx.header("X-Real-IP") != null) {
            return false;
        }
        return loopback(ctx.req().getRemoteAddr()) && loopbackHost(ctx.header("Host"));
    }

    private static boolean loopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            name = name.substring(1, Math.max(1, name.indexOf(']')));
        } else if (name.indexOf(':') >= 0) {
            name = name.substring(0, name.indexOf(':'));
        }
        return name.equals("localhost") || (name.matches("[0-9.:a-f]+") && loopback(name));
    }

    private static boolean loopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Thrown, so that the server's own after-handlers (metrics, in-flight count) still run. */
    private static void refuse(HttpStatus status, String reason) {
        throw new HttpResponseException(status.getCode(), reason);
    }
}
