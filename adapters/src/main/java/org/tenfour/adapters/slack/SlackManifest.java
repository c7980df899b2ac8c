package org.tenfour.adapters.slack;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.net.URI;
import java.util.List;
import org.tenfour.adapters.Vocabulary;

/**
 * The Slack app manifest for a TenFour deployment: paste it into "Create an app → From an app
 * manifest" (the product prints it with {@code tenfour slack-manifest --url …}, or {@code
 * --socket-mode} for a deployment Slack cannot reach: no request URLs, Socket Mode on).
 */
public final class SlackManifest {
    /** The events Slack sends to the adapter. */
    static final List<String> BOT_EVENTS =
            List.of(
                    "app_home_opened",
                    "app_uninstalled",
                    "tokens_revoked",
                    "member_joined_channel",
                    "member_left_channel",
                    // Relay only: a member's DM is passed live to their peer (and back) and never
                    // stored.
                    "message.im");

    /** Slack cuts a slash command's usage hint at this length. */
    static final int MAX_USAGE_HINT = 1000;

    private SlackManifest() {}

    /**
     * The manifest as pretty-printed JSON; {@code baseUrl} is the public https URL of the bot,
     * {@code words} the product's command words (the usage hints are made from them).
     */
    public static String json(String baseUrl, Vocabulary words) {
        return json(baseUrl, words, false);
    }

    /**
     * The manifest; with {@code socketMode}, Slack's requests come over the WebSocket TenFour
     * opens, so no request URL is listed and {@code baseUrl} may be null (it is needed only for
     * OAuth installs, whose redirect a browser follows).
     */
    public static String json(String baseUrl, Vocabulary words, boolean socketMode) {
        String base = socketMode && baseUrl == null ? null : base(baseUrl);
        String requestUrl = socketMode ? null : base + "/slack/events";

        JsonObject display = new JsonObject();
        display.addProperty("name", "TenFour");
        display.addProperty(
                "description",
                "Peer support for first responders: check-ins and a confidential "
                        + "line to a trained peer.");
        display.addProperty("background_color", "#1d3557");

        JsonObject appHome = new JsonObject();
        appHome.addProperty("home_tab_enabled", true);
        appHome.addProperty("messages_tab_enabled", true);
        // Writable for the relay between a member and a peer (message.im, im:history): TenFour
        // passes what is
        // written on live and never stores it; outside a relay it answers that it does not read
        // messages.
        appHome.addProperty("messages_tab_read_only_enabled", false);

        JsonObject botUser = new JsonObject();
        botUser.addProperty("display_name", "TenFour");
        botUser.addProperty("always_online", true);

        JsonArray commands = new JsonArray();
        commands.add(
                command(
                        "/" + Vocabulary.MAIN_COMMAND,
                        requestUrl,
                        "Check-ins, asking for a peer, and coordinator settings",
                        usageHint(words)));
        commands.add(
                command(
                        "/" + Vocabulary.TALK_COMMAND,
                        requestUrl,
                        "Ask for a trained peer to talk to",
                        talkHint(words)));

        JsonObject features = new JsonObject();
        features.add("app_home", appHome);
        features.add("bot_user", botUser);
        features.add("slash_commands", commands);

        JsonObject scopes = new JsonObject();
        scopes.add("bot", array(SlackScopes.BOT));
        JsonObject oauth = new JsonObject();
        if (base != null) {
            oauth.add("redirect_urls", array(List.of(base + "/slack/oauth_redirect")));
        }
        oauth.add("scopes", scopes);

        JsonObject events = new JsonObject();
        if (requestUrl != null) {
            events.addProperty("request_url", requestUrl);
        }
        events.add("bot_events", array(BOT_EVENTS));
        JsonObject interactivity = new JsonObject();
        interactivity.addProperty("is_enabled", true);
        if (requestUrl != null) {
            interactivity.addProperty("request_url", requestUrl);
        }
        JsonObject settings = new JsonObject();
        settings.add("event_subscriptions", events);
        settings.add("interactivity", interactivity);
        settings.addProperty("org_deploy_enabled", false);
        settings.addProperty("socket_mode_enabled", socketMode);
        settings.addProperty("token_rotation_enabled", false);

        JsonObject manifest = new JsonObject();
        manifest.add("display_information", display);
        manifest.add("features", features);
        manifest.add("oauth_config", oauth);
        manifest.add("settings", settings);
        return new GsonBuilder()
                .setPrettyPrinting()
                .disableHtmlEscaping()
                .create()
                .toJson(manifest);
    }

    /** Every command word, the ones people need most first, within Slack's length limit. */
    static String usageHint(Vocabulary words) {
        StringBuilder hint = new StringBuilder();
        for (Vocabulary.Word w : words.words()) {
            String next = (hint.isEmpty() ? "" : " | ") + w.word();
            if (hint.length() + next.length() > MAX_USAGE_HINT) {
                break;
            }
            hint.append(next);
        }
        return hint.toString();
    }

    /** What may follow {@code /peer}: the talk word's arguments. */
    static String talkHint(Vocabulary words) {
        return words.word(words.talkWord())
                .map(Vocabulary.Word::arguments)
                .filter(a -> !a.isBlank())
                .map(a -> a.replace("|", " | "))
                .orElse("");
    }

    private static JsonObject command(String name, String url, String description, String usage) {
        JsonObject c = new JsonObject();
        c.addProperty("command", name);
        if (url != null) {
            c.addProperty("url", url);
        }
        c.addProperty("description", description);
        c.addProperty("usage_hint", usage);
        // Escaped mentions arrive as ids (<@U123|name>), which the adapter normalises.
        c.addProperty("should_escape", true);
        return c;
    }

    private static JsonArray array(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

    private static String base(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("blank base URL: give the bot's public https URL");
        }
        URI uri;
        try {
            uri = URI.create(baseUrl.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: " + baseUrl);
        }
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("Slack needs a public https URL, not: " + baseUrl);
        }
        String s = uri.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
