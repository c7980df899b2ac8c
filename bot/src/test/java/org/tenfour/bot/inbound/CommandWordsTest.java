package org.tenfour.bot.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tenfour.adapters.Reply;
import org.tenfour.adapters.Vocabulary;
import org.tenfour.adapters.slack.SlackManifest;
import org.tenfour.adapters.teams.TeamsAppPackage;
import org.tenfour.bot.sandbox.DemoData;
import org.tenfour.bot.testing.TestProgram;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.TestDatabase;

/**
 * One source of command words: every word that any surface advertises — help, the Slack manifest's
 * usage hints, the Teams app's command menus, the words Teams treats as commands in a chat and the
 * sandbox suggests — goes through the real router, and none is answered "I don't know".
 */
@ExtendWith(PostgresExtension.class)
class CommandWordsTest {
    private static final String UNKNOWN = "I don't know";
    private TestProgram p;

    @BeforeEach
    void program(TestDatabase db) {
        p = new TestProgram(db, Instant.parse("2026-11-25T15:00:00Z"));
        p.setUp("UADMIN");
        p.coordinator("UADMIN", "peers add <@UPEER>");
    }

    @Test
    void every_subcommand_of_the_registry_has_an_action_in_the_real_wiring() {
        for (Subcommand s : Subcommand.values()) {
            assertThat(text(p.coordinator("UADMIN", s.word())))
                    .as(s.word())
                    .doesNotContain(UNKNOWN);
        }
    }

    @Test
    void every_word_the_slack_manifest_advertises_is_a_command() throws Exception {
        JsonNode manifest =
                new ObjectMapper()
                        .readTree(
                                SlackManifest.json(
                                        "https://bot.example.org", Subcommand.vocabulary()));
        List<String> words = new ArrayList<>();
        for (JsonNode c : manifest.path("features").path("slash_commands")) {
            String command = c.path("command").asText();
            String hint = c.path("usage_hint").asText();
            if (command.equals("/tenfour")) {
                Arrays.stream(hint.split("\\|")).map(String::strip).forEach(words::add);
            } else {
                assertThat(command).isEqualTo("/peer");
                for (String argument : hint.split("\\|")) {
                    assertThat(text(p.tenfour("UMEMBER", null, "talk " + argument.strip())))
                            .doesNotContain(UNKNOWN);
                }
            }
        }
        assertThat(words).as("each command once").hasSize(Subcommand.values().length);
        assertAllKnown(words);
    }

    @Test
    void every_command_in_the_teams_app_menus_is_a_command() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        TeamsAppPackage.write(
                "0b7e3c1a-5d2f-4e8b-9a61-2c4d6e8f0a1b",
                "https://bot.example.org",
                Subcommand.vocabulary(),
                zip);
        JsonNode manifest = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.toByteArray()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals("manifest.json")) {
                    manifest = new ObjectMapper().readTree(in.readAllBytes());
                }
            }
        }
        List<String> titles = manifest.findValuesAsText("title");
        assertThat(titles).contains("help", "talk", "cadence", "status");
        assertAllKnown(titles);
    }

    @Test
    void every_word_teams_and_the_sandbox_treat_as_a_command_is_one_and_stale_words_are_not() {
        Vocabulary words = Subcommand.vocabulary();
        assertThat(words.all())
                .hasSize(Subcommand.values().length)
                .doesNotContain("caseload", "available");
        assertAllKnown(words.all());
        for (String stale : List.of("caseload", "available")) {
            assertThat(text(p.tenfour("UMEMBER", null, stale))).contains(UNKNOWN);
        }
    }

    @Test
    void every_command_help_shows_anyone_is_a_command() {
        Set<String> shown = new LinkedHashSet<>();
        for (String help :
                List.of(
                        text(p.coordinator("UADMIN", "help")),
                        text(p.tenfour("UPEER", null, "help")),
                        text(p.tenfour("UMEMBER", null, "help")))) {
            Matcher m = Pattern.compile("`/tenfour ([a-z-]+)").matcher(help);
            while (m.find()) {
                shown.add(m.group(1));
            }
        }
        assertThat(shown).hasSizeGreaterThan(25).doesNotContain("command");
        assertAllKnown(shown);
    }

    @Test
    void every_command_the_sandbox_guide_suggests_is_a_command() {
        Set<String> suggested = new LinkedHashSet<>();
        for (String text : DemoData.FIRST_MESSAGES.values()) {
            Matcher m = Pattern.compile("`/tenfour ([a-z-]+)").matcher(text);
            while (m.find()) {
                suggested.add(m.group(1));
            }
        }
        assertThat(suggested).contains("cadence", "incident", "log", "mydata");
        assertAllKnown(suggested);
    }

    private void assertAllKnown(Iterable<String> words) {
        for (String word : words) {
            for (Reply reply :
                    List.of(
                            p.coordinator("UADMIN", word),
                            p.tenfour("UPEER", null, word),
                            p.tenfour("UMEMBER", null, word))) {
                assertThat(text(reply)).as("'" + word + "'").doesNotContain(UNKNOWN);
            }
        }
    }

    private static String text(Reply reply) {
        return reply instanceof Reply.Private r ? r.message().text() : "";
    }
}
