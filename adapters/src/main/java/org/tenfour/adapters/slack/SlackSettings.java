package org.tenfour.adapters.slack;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the Slack adapter talks to Slack: one workspace with a bot token, or many workspaces through
 * OAuth (client id and secret); Slack's requests arrive over HTTP (signed) or, with an app-level
 * token, over a Socket Mode WebSocket TenFour opens itself. Secrets never appear in {@link
 * #toString()}.
 *
 * @param signingSecret verifies that HTTP requests come from Slack (required unless {@code
 *     appToken} is given)
 * @param botToken single-workspace mode: the bot token ({@code xoxb-…}); null in OAuth mode
 * @param clientId OAuth mode: the app's client id; null in single-workspace mode
 * @param clientSecret OAuth mode: the app's client secret
 * @param apiUrl the Web API base URL ending in {@code /api/}; null for Slack's own
 * @param scopes bot scopes asked for on install; null or empty for the scopes listed in the notes
 *     (commands, chat:write, …)
 * @param appToken Socket Mode: the app-level token ({@code xapp-…}, scope {@code
 *     connections:write}); null for HTTP only
 */
public record SlackSettings(
        String signingSecret,
        String botToken,
        String clientId,
        String clientSecret,
        String apiUrl,
        List<String> scopes,
        String appToken) {

    /** Environment variable names read by {@link #fromEnvironment}. */
    public static final String SIGNING_SECRET = "SLACK_SIGNING_SECRET";

    public static final String BOT_TOKEN = "SLACK_BOT_TOKEN";
    public static final String CLIENT_ID = "SLACK_CLIENT_ID";
    public static final String CLIENT_SECRET = "SLACK_CLIENT_SECRET";
    public static final String API_URL = "SLACK_API_URL";
    public static final String APP_TOKEN = "SLACK_APP_TOKEN";

    static final String DEFAULT_API_URL = "https://slack.com/api/";

    public SlackSettings {
        if (!blank(appToken) && !appToken.startsWith("xapp-")) {
            throw new IllegalArgumentException(
                    APP_TOKEN + " must be an app-level token starting with xapp-");
        }
        if (blank(signingSecret) && blank(appToken)) {
            throw new IllegalArgumentException(
                    SIGNING_SECRET
                            + " is required (or "
                            + APP_TOKEN
                            + " for Socket Mode, which needs no public URL)");
        }
        signingSecret = blank(signingSecret) ? null : signingSecret;
        appToken = blank(appToken) ? null : appToken;
        boolean single = !blank(botToken);
        boolean oauth = !blank(clientId) || !blank(clientSecret);
        if (single == oauth) {
            throw new IllegalArgumentException(
                    "give either "
                            + BOT_TOKEN
                            + " (one workspace) or "
                            + CLIENT_ID
                            + " and "
                            + CLIENT_SECRET
                            + " (OAuth, many workspaces), "
                            + (single ? "not both" : "one of them"));
        }
        if (oauth && (blank(clientId) || blank(clientSecret))) {
            throw new IllegalArgumentException(
                    "OAuth needs both " + CLIENT_ID + " and " + CLIENT_SECRET);
        }
        if (single && !botToken.startsWith("xoxb-")) {
            throw new IllegalArgumentException(
                    BOT_TOKEN + " must be a bot token starting with xoxb-");
        }
        botToken = single ? botToken : null;
        clientId = oauth ? clientId : null;
        clientSecret = oauth ? clientSecret : null;
        apiUrl = normaliseApiUrl(apiUrl);
        scopes = scopes == null || scopes.isEmpty() ? SlackScopes.BOT : List.copyOf(scopes);
    }

    /** HTTP only (no Socket Mode): the shape every caller used before {@link #appToken}. */
    public SlackSettings(
            String signingSecret,
            String botToken,
            String clientId,
            String clientSecret,
            String apiUrl,
            List<String> scopes) {
        this(signingSecret, botToken, clientId, clientSecret, apiUrl, scopes, null);
    }

    /** One workspace, with its bot token. */
    public static SlackSettings singleWorkspace(String signingSecret, String botToken) {
        return new SlackSettings(signingSecret, botToken, null, null, null, null);
    }

    /** Many workspaces, installed through OAuth. */
    public static SlackSettings oauth(String signingSecret, String clientId, String clientSecret) {
        return new SlackSettings(signingSecret, null, clientId, clientSecret, null, null);
    }

    /** The same settings against another Web API base URL (a test double, a proxy). */
    public SlackSettings withApiUrl(String url) {
        return new SlackSettings(
                signingSecret, botToken, clientId, clientSecret, url, scopes, appToken);
    }

    /** The same settings receiving Slack's requests over Socket Mode with {@code token}. */
    public SlackSettings withAppToken(String token) {
        return new SlackSettings(
                signingSecret, botToken, clientId, clientSecret, apiUrl, scopes, token);
    }

    /**
     * Reads the {@code SLACK_*} variables; empty when none is set (Slack is then not configured),
     * and a failure naming the variable when they are set but wrong.
     */
    public static Optional<SlackSettings> fromEnvironment(Map<String, String> env) {
        if (List.of(SIGNING_SECRET, BOT_TOKEN, CLIENT_ID, CLIENT_SECRET, APP_TOKEN).stream()
                .allMatch(k -> blank(env.get(k)))) {
            return Optional.empty();
        }
        return Optional.of(
                new SlackSettings(
                        env.get(SIGNING_SECRET),
                        env.get(BOT_TOKEN),
                        env.get(CLIENT_ID),
                        env.get(CLIENT_SECRET),
                        env.get(API_URL),
                        null,
                        env.get(APP_TOKEN)));
    }

    /** Whether workspaces install through OAuth (else one workspace with {@link #botToken}). */
    public boolean oauth() {
        return clientId != null;
    }

    /** Whether Slack's requests arrive over a Socket Mode WebSocket ({@link #appToken} set). */
    public boolean socketMode() {
        return appToken != null;
    }

    @Override
    public String toString() {
        return "SlackSettings[mode="
                + (oauth() ? "oauth, clientId=" + clientId : "single-workspace")
                + ", apiUrl="
                + apiUrl
                + ", scopes="
                + scopes
                + (signingSecret == null ? "" : ", signingSecret=<redacted>")
                + (oauth() ? ", clientSecret=<redacted>" : ", botToken=<redacted>")
                + (socketMode() ? ", socketMode=on, appToken=<redacted>" : "")
                + "]";
    }

    private static String normaliseApiUrl(String url) {
        if (blank(url)) {
            return DEFAULT_API_URL;
        }
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(API_URL + " is not a URL: " + url);
        }
        if ((!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()))
                || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    API_URL + " must be an http(s) URL such as " + DEFAULT_API_URL + ": " + url);
        }
        String s = uri.toString();
        return s.endsWith("/") ? s : s + "/";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
