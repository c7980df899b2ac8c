package org.tenfour.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tenfour.adapters.internal.Jackson;
import org.tenfour.bot.http.JsonBody;

class CommandLineTest {

    private static String capture(String... args) {
        PrintStream before = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.run(args)).isZero();
        } finally {
            System.setOut(before);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void slack_manifest_prints_commands_scopes_and_urls_for_the_given_host() {
        var manifest =
                JsonBody.parse(capture("slack-manifest", "--url", "https://bot.example.org"));
        assertThat(manifest.at("/features/slash_commands").toString())
                .contains("/tenfour")
                .contains("/peer");
        assertThat(manifest.at("/oauth_config/scopes/bot").toString())
                .contains("commands")
                .contains("chat:write");
        assertThat(manifest.at("/settings/event_subscriptions/request_url").asText())
                .isEqualTo("https://bot.example.org/slack/events");
        assertThat(manifest.at("/settings/interactivity/request_url").asText())
                .isEqualTo("https://bot.example.org/slack/events");
    }

    @Test
    void slack_manifest_for_socket_mode_turns_it_on_and_lists_no_request_url() {
        var manifest = JsonBody.parse(capture("slack-manifest", "--socket-mode"));
        assertThat(manifest.at("/settings/socket_mode_enabled").asBoolean()).isTrue();
        assertThat(manifest.at("/settings/interactivity/is_enabled").asBoolean()).isTrue();
        assertThat(manifest.toString()).doesNotContain("request_url", "\"url\"", "redirect_urls");
        assertThat(manifest.at("/settings/event_subscriptions/bot_events").toString())
                .contains("message.im");
    }

    @Test
    void slack_manifest_needs_a_url_or_socket_mode() {
        assertThat(Main.run("slack-manifest")).isEqualTo(2);
    }

    @Test
    void slack_manifest_refuses_a_plain_http_url() {
        assertThat(Main.run("slack-manifest", "--url", "http://bot.example.org")).isEqualTo(2);
    }

    @Test
    void teams_package_writes_a_zip_with_the_manifest_and_both_icons(@TempDir Path dir)
            throws Exception {
        Path zip = dir.resolve("tenfour-teams.zip");
        capture(
                "teams-package",
                "--app-id",
                "11111111-2222-3333-4444-555555555555",
                "--url",
                "https://bot.example.org",
                "--out",
                zip.toString());
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertThat(z.getEntry("manifest.json")).isNotNull();
            assertThat(z.getEntry("color.png")).isNotNull();
            assertThat(z.getEntry("outline.png")).isNotNull();
            var manifest = Jackson.MAPPER.readTree(z.getInputStream(z.getEntry("manifest.json")));
            assertThat(manifest.at("/bots/0/botId").asText())
                    .isEqualTo("11111111-2222-3333-4444-555555555555");
            assertThat(manifest.at("/validDomains").toString()).contains("bot.example.org");
        }
    }
}
