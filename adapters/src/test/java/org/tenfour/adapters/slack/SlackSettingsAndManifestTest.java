package org.tenfour.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tenfour.adapters.testing.TestVocabulary;

class SlackSettingsAndManifestTest {

    @Test
    void settings_need_a_signing_secret_and_exactly_one_mode() {
        assertThatThrownBy(() -> SlackSettings.singleWorkspace(" ", "xoxb-1"))
                .hasMessageContaining("SLACK_SIGNING_SECRET");
        assertThatThrownBy(() -> new SlackSettings("s", null, null, null, null, null))
                .hasMessageContaining("SLACK_BOT_TOKEN")
                .hasMessageContaining("SLACK_CLIENT_ID");
        assertThatThrownBy(() -> new SlackSettings("s", "xoxb-1", "id", "secret", null, null))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> new SlackSettings("s", null, "id", null, null, null))
                .hasMessageContaining("SLACK_CLIENT_SECRET");
        assertThatThrownBy(() -> SlackSettings.singleWorkspace("s", "xoxp-user-token"))
                .hasMessageContaining("xoxb-")
                .hasMessageNotContaining("xoxp-user-token");
        assertThatThrownBy(() -> SlackSettings.singleWorkspace("s", "xoxb-1").withApiUrl("ftp://x"))
                .hasMessageContaining("SLACK_API_URL");
    }

    @Test
    void settings_never_show_their_secrets() {
        String single =
                SlackSettings.singleWorkspace("signing-secret-value", "xoxb-secret-token")
                        .toString();
        String oauth =
                SlackSettings.oauth("signing-secret-value", "12.34", "client-secret-value")
                        .toString();
        assertThat(single + oauth)
                .doesNotContain("signing-secret-value", "xoxb-secret-token", "client-secret-value");
        assertThat(oauth).contains("12.34");
    }

    @Test
    void the_api_url_gets_a_trailing_slash_and_defaults_to_slack() {
        assertThat(SlackSettings.singleWorkspace("s", "xoxb-1").apiUrl())
                .isEqualTo("https://slack.com/api/");
        assertThat(
                        SlackSettings.singleWorkspace("s", "xoxb-1")
                                .withApiUrl("http://127.0.0.1:9/api")
                                .apiUrl())
                .isEqualTo("http://127.0.0.1:9/api/");
    }

    @Test
    void settings_come_from_the_environment_only_when_slack_is_configured() {
        assertThat(SlackSettings.fromEnvironment(Map.of())).isEmpty();
        SlackSettings s =
                SlackSettings.fromEnvironment(
                                Map.of(
                                        "SLACK_SIGNING_SECRET",
                                        "s",
                                        "SLACK_CLIENT_ID",
                                        "1",
                                        "SLACK_CLIENT_SECRET",
                                        "2",
                                        "SLACK_API_URL",
                                        "http://127.0.0.1:1/api/"))
                        .orElseThrow();
        assertThat(s.oauth()).isTrue();
        assertThat(s.scopes()).isEqualTo(SlackScopes.BOT);
        assertThatThrownBy(() -> SlackSettings.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "xoxb-1")))
                .hasMessageContaining("SLACK_SIGNING_SECRET");
    }

    @Test
    void the_manifest_points_every_url_at_the_base_and_asks_only_for_scopes_the_code_uses() {
        JsonObject m =
                JsonParser.parseString(
                                SlackManifest.json(
                                        "https://bot.example.org/", TestVocabulary.WORDS))
                        .getAsJsonObject();

        assertThat(m.getAsJsonObject("display_information").get("name").getAsString())
                .isEqualTo("TenFour");
        JsonObject features = m.getAsJsonObject("features");
        assertThat(features.getAsJsonObject("bot_user").get("display_name").getAsString())
                .isNotBlank();
        assertThat(features.getAsJsonObject("app_home").get("home_tab_enabled").getAsBoolean())
                .isTrue();
        assertThat(features.getAsJsonObject("app_home").get("messages_tab_enabled").getAsBoolean())
                .isTrue();
        JsonArray commands = features.getAsJsonArray("slash_commands");
        assertThat(strings(commands, "command")).containsExactly("/tenfour", "/peer");
        assertThat(strings(commands, "url")).containsOnly("https://bot.example.org/slack/events");
        assertThat(commands.get(0).getAsJsonObject().get("usage_hint").getAsString())
                .as("every command word, in the product's order, and nothing else")
                .isEqualTo("help | talk | end | mydata | log | away | setup | cadence | status");
        assertThat(commands.get(1).getAsJsonObject().get("usage_hint").getAsString())
                .as("what may follow /peer: the talk word's arguments")
                .isEqualTo("now | today | week");

        JsonObject oauth = m.getAsJsonObject("oauth_config");
        assertThat(oauth.getAsJsonArray("redirect_urls").get(0).getAsString())
                .isEqualTo("https://bot.example.org/slack/oauth_redirect");
        List<String> scopes = new ArrayList<>();
        oauth.getAsJsonObject("scopes")
                .getAsJsonArray("bot")
                .forEach(e -> scopes.add(e.getAsString()));
        assertThat(scopes)
                .containsExactlyInAnyOrderElementsOf(SlackScopes.REASONS.keySet())
                .contains("files:write")
                .doesNotContain("files:read", "chat:write.public", "users:read.email");
        List<String> usedByMethods =
                SlackScopes.METHODS.values().stream()
                        .filter(s -> !s.isEmpty())
                        .flatMap(s -> Arrays.stream(s.split(" ")))
                        .toList();
        assertThat(scopes)
                .allSatisfy(
                        scope ->
                                assertThat(
                                                scope.equals("commands")
                                                        || usedByMethods.contains(scope)
                                                        || SlackScopes.EVENTS.containsValue(scope))
                                        .as(
                                                scope
                                                        + " is used by a Web API method, an event subscription or the slash commands")
                                        .isTrue());
        assertThat(SlackScopes.REASONS.get("im:history"))
                .as("why the bot may read DMs")
                .contains("relay", "never stored");

        JsonObject settings = m.getAsJsonObject("settings");
        assertThat(settings.getAsJsonObject("event_subscriptions").get("request_url").getAsString())
                .isEqualTo("https://bot.example.org/slack/events");
        List<String> events = new ArrayList<>();
        settings.getAsJsonObject("event_subscriptions")
                .getAsJsonArray("bot_events")
                .forEach(e -> events.add(e.getAsString()));
        assertThat(events)
                .containsExactlyInAnyOrder(
                        "app_home_opened",
                        "app_uninstalled",
                        "tokens_revoked",
                        "member_joined_channel",
                        "member_left_channel",
                        "message.im");
        assertThat(
                        features.getAsJsonObject("app_home")
                                .get("messages_tab_read_only_enabled")
                                .getAsBoolean())
                .as("members can write to the bot for the relay")
                .isFalse();
        assertThat(settings.getAsJsonObject("interactivity").get("is_enabled").getAsBoolean())
                .isTrue();
        assertThat(settings.getAsJsonObject("interactivity").get("request_url").getAsString())
                .isEqualTo("https://bot.example.org/slack/events");
        assertThat(settings.get("token_rotation_enabled").getAsBoolean()).isFalse();
    }

    @Test
    void a_socket_mode_manifest_has_socket_mode_on_and_no_request_urls_but_keeps_oauth_redirects() {
        JsonObject m =
                JsonParser.parseString(
                                SlackManifest.json(
                                        "https://intranet.example.org", TestVocabulary.WORDS, true))
                        .getAsJsonObject();
        JsonObject settings = m.getAsJsonObject("settings");
        assertThat(settings.get("socket_mode_enabled").getAsBoolean()).isTrue();
        assertThat(settings.getAsJsonObject("event_subscriptions").has("request_url")).isFalse();
        assertThat(settings.getAsJsonObject("interactivity").has("request_url")).isFalse();
        assertThat(settings.getAsJsonObject("interactivity").get("is_enabled").getAsBoolean())
                .isTrue();
        m.getAsJsonObject("features")
                .getAsJsonArray("slash_commands")
                .forEach(c -> assertThat(c.getAsJsonObject().has("url")).isFalse());
        assertThat(m.getAsJsonObject("oauth_config").getAsJsonArray("redirect_urls").toString())
                .contains("https://intranet.example.org/slack/oauth_redirect");
        assertThat(
                        JsonParser.parseString(SlackManifest.json(null, TestVocabulary.WORDS, true))
                                .getAsJsonObject()
                                .getAsJsonObject("oauth_config")
                                .has("redirect_urls"))
                .isFalse();
        assertThat(
                        JsonParser.parseString(
                                        SlackManifest.json(
                                                "https://bot.example.org", TestVocabulary.WORDS))
                                .getAsJsonObject()
                                .getAsJsonObject("settings")
                                .get("socket_mode_enabled")
                                .getAsBoolean())
                .isFalse();
    }

    @Test
    void socket_mode_needs_an_app_level_token_and_then_no_signing_secret() {
        SlackSettings s =
                SlackSettings.fromEnvironment(
                                Map.of(
                                        "SLACK_BOT_TOKEN",
                                        "xoxb-1",
                                        "SLACK_APP_TOKEN",
                                        "xapp-1-A0APP-secret-part"))
                        .orElseThrow();
        assertThat(s.socketMode()).isTrue();
        assertThat(s.signingSecret()).isNull();
        assertThat(s.toString()).doesNotContain("xapp-1-A0APP-secret-part").contains("socketMode");
        assertThat(SlackSettings.singleWorkspace("s", "xoxb-1").socketMode()).isFalse();
        assertThatThrownBy(
                        () ->
                                SlackSettings.fromEnvironment(
                                        Map.of(
                                                "SLACK_BOT_TOKEN",
                                                "xoxb-1",
                                                "SLACK_APP_TOKEN",
                                                "xoxb-not-an-app-token")))
                .hasMessageContaining("SLACK_APP_TOKEN")
                .hasMessageContaining("xapp-")
                .hasMessageNotContaining("xoxb-not-an-app-token");
        assertThatThrownBy(() -> SlackSettings.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "xoxb-1")))
                .hasMessageContaining("SLACK_SIGNING_SECRET")
                .hasMessageContaining("SLACK_APP_TOKEN");
    }

    @Test
    void the_manifest_needs_a_public_https_base_url() {
        assertThatThrownBy(() -> SlackManifest.json("http://bot.example.org", TestVocabulary.WORDS))
                .hasMessageContaining("https");
        assertThatThrownBy(() -> SlackManifest.json(" ", TestVocabulary.WORDS))
                .hasMessageContaining("blank");
    }

    private static List<String> strings(JsonArray array, String key) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.getAsJsonObject().get(key).getAsString()));
        return out;
    }
}
