package org.tenfour.adapters.slack;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the Slack adapter talks to Slack: one workspace with a bot token, or many workspaces through
 * OAuth (client id and secret). Secrets never appear in {@link #toString()}.
 *
 * @param signingSecret verifies that requests come from Slack (required)
 * @param botToken single-workspace mode: the bot token ({@code xoxb-…}); null in OAuth mode
 * @param clientId OAuth mode: the app's client id; null in single-workspace mode
 * @param clientSecret OAuth mode: the app's client secret
 * @param apiUrl the Web API base URL ending in {@code /api/}; null for Slack's own
 * @param scopes bot scopes asked for on install; null or empty for the scopes listed in the notes
 *     (commands, chat:write, …)
 */
public record SlackSettings(
        String signingSecret,
        String botToken,
        String clientId,
        String clientSecret,
        String apiUrl,
        List<String> scopes) {

    /** Environment variable names read by {@link #fromEnvironment}. */
    public static final String SIGNING_SECRET = "SLACK_SIGNING_SECRET";

    public static final String BOT_TOKEN = "SLACK_BOT_TOKEN";
    public static final String CLIENT_ID = "SLACK_CLIENT_ID";
    public static final String CLIENT_SECRET = "SLACK_CLIENT_SECRET";
    public static final String API_URL = "SLACK_API_URL";

    static final String DEFAULT_API_URL = "https://slack.com/api/";

    public SlackSettings {
        if (blank(signingSecret)) {
            throw new IllegalArgumentException(SIGNING_SECRET + " is required");
        }
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
        return new SlackSettings(signingSecret, botToken, clientId, clientSecret, url, scopes);
    }

    /**
     * Reads the {@code SLACK_*} variables; empty when none is set (Slack is then not configured),
     * and a failure naming the variable when they are set but wrong.
     */
    public static Optional<SlackSettings> fromEnvironment(Map<String, String> env) {
        if (List.of(SIGNING_SECRET, BOT_TOKEN, CLIENT_ID, CLIENT_SECRET).stream()
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
                        null));
    }

    /** Whether workspaces install through OAuth (else one workspace with {@link #botToken}). */
    public boolean oauth() {
        return clientId != null;
    }

    @Override
    public String toString() {
        return "SlackSettings[mode="
                + (oauth() ? "oauth, clientId=" + clientId : "single-workspace")
                + ", apiUrl="
                + apiUrl
                + ", scopes="
                + scopes
                + ", signingSecret=<redacted>"
                + (oauth() ? ", clientSecret=<redacted>" : ", botToken=<redacted>")
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
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())
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
