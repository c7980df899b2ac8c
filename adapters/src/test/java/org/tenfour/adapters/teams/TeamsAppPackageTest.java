package org.tenfour.adapters.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tenfour.adapters.Vocabulary;
import org.tenfour.adapters.internal.Jackson;
import org.tenfour.adapters.testing.TestVocabulary;

/** The uploadable zip: a manifest Teams accepts and the two icons at the sizes it demands. */
class TeamsAppPackageTest {
    private static final String APP_ID = "0b7e3c1a-5d2f-4e8b-9a61-2c4d6e8f0a1b";
    private static final Vocabulary WORDS = TestVocabulary.WORDS;

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static Map<String, byte[]> written() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TeamsAppPackage.write(APP_ID, "https://tenfour.county.example/", WORDS, out);
        return unzip(out.toByteArray());
    }

    @Test
    void the_zip_holds_the_manifest_and_both_icons_at_its_root() throws Exception {
        assertThat(written()).containsOnlyKeys("manifest.json", "color.png", "outline.png");
    }

    @Test
    void the_manifest_is_valid_against_the_official_v1_29_schema() throws Exception {
        JsonNode m = Jackson.MAPPER.readTree(written().get("manifest.json"));

        assertThat(TeamsPayloadLimits.manifest(m)).isEmpty();
        ((com.fasterxml.jackson.databind.node.ObjectNode) m).put("manifestVersion", "1.17");
        assertThat(TeamsPayloadLimits.manifest(m))
                .as("the schema pins its own version: the check can fail")
                .isNotEmpty();
    }

    @Test
    void the_manifest_has_every_required_field_and_points_at_our_bot() throws Exception {
        JsonNode m = Jackson.MAPPER.readTree(written().get("manifest.json"));

        assertThat(m.path("$schema").asText()).contains("/v1.29/MicrosoftTeams.schema.json");
        assertThat(m.path("manifestVersion").asText()).isEqualTo("1.29");
        assertThat(m.path("version").asText()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(m.path("id").asText()).isEqualTo(APP_ID);
        for (String field : new String[] {"name", "websiteUrl", "privacyUrl", "termsOfUseUrl"}) {
            assertThat(m.path("developer").path(field).asText()).as(field).isNotBlank();
        }
        assertThat(m.path("developer").path("privacyUrl").asText())
                .isEqualTo("https://tenfour.county.example/privacy");
        assertThat(m.path("name").path("short").asText()).hasSizeLessThanOrEqualTo(30);
        assertThat(m.path("description").path("short").asText()).hasSizeLessThanOrEqualTo(80);
        assertThat(m.path("description").path("full").asText())
                .isNotBlank()
                .hasSizeLessThanOrEqualTo(4000);
        assertThat(m.path("icons").path("color").asText()).isEqualTo("color.png");
        assertThat(m.path("icons").path("outline").asText()).isEqualTo("outline.png");
        assertThat(m.path("accentColor").asText()).matches("#[0-9A-F]{6}");
        JsonNode bot = m.path("bots").get(0);
        assertThat(bot.path("botId").asText()).isEqualTo(APP_ID);
        assertThat(bot.path("scopes").toString()).contains("personal", "team");
        assertThat(m.path("validDomains").get(0).asText()).isEqualTo("tenfour.county.example");
        assertThat(m.path("webApplicationInfo").path("id").asText())
                .as("Graph's install-itself permission needs the Entra app named here")
                .isEqualTo(APP_ID);
    }

    @Test
    void the_command_lists_offer_the_member_and_coordinator_commands_within_teams_limit_of_ten()
            throws Exception {
        JsonNode lists =
                Jackson.MAPPER
                        .readTree(written().get("manifest.json"))
                        .path("bots")
                        .get(0)
                        .path("commandLists");

        JsonNode personal = lists.get(0);
        assertThat(personal.path("scopes").get(0).asText()).isEqualTo("personal");
        assertThat(personal.path("commands").findValuesAsText("title"))
                .as("help first, then the member's and the peer's words, in the product's order")
                .containsExactly("help", "talk", "end", "mydata", "log", "away");
        JsonNode team = lists.get(1);
        assertThat(team.path("scopes").get(0).asText()).isEqualTo("team");
        assertThat(team.path("commands").findValuesAsText("title"))
                .containsExactly("help", "setup", "cadence", "status");
        lists.findValues("description")
                .forEach(d -> assertThat(d.asText()).hasSizeLessThanOrEqualTo(128));
    }

    @Test
    void a_menu_holds_at_most_ten_commands_and_cuts_long_descriptions_to_teams_limits()
            throws Exception {
        List<Vocabulary.Word> many = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            many.add(
                    new Vocabulary.Word(
                            "word" + i, "", "x".repeat(200), Vocabulary.Audience.COORDINATOR));
        }
        many.add(new Vocabulary.Word("talk", "", "Ask for a peer", Vocabulary.Audience.MEMBER));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TeamsAppPackage.write(APP_ID, "https://x.example", new Vocabulary("talk", many), out);
        JsonNode team =
                Jackson.MAPPER
                        .readTree(unzip(out.toByteArray()).get("manifest.json"))
                        .path("bots")
                        .get(0)
                        .path("commandLists")
                        .get(1);
        assertThat(team.path("commands")).hasSize(10);
        team.path("commands").forEach(c -> assertThat(c.path("description").asText()).hasSize(128));
    }

    @Test
    void
            the_colour_icon_is_192_pixels_square_and_the_outline_32_pixels_with_a_transparent_background()
                    throws Exception {
        Map<String, byte[]> zip = written();
        BufferedImage color = ImageIO.read(new ByteArrayInputStream(zip.get("color.png")));
        BufferedImage outline = ImageIO.read(new ByteArrayInputStream(zip.get("outline.png")));

        assertThat(color.getWidth()).isEqualTo(192);
        assertThat(color.getHeight()).isEqualTo(192);
        assertThat(outline.getWidth()).isEqualTo(32);
        assertThat(outline.getHeight()).isEqualTo(32);
        assertThat(outline.getColorModel().hasAlpha()).isTrue();
        assertThat(outline.getRGB(0, 0) >>> 24).as("corner alpha").isZero();
        int opaqueWhite = 0;
        for (int x = 0; x < 32; x++) {
            for (int y = 0; y < 32; y++) {
                int argb = outline.getRGB(x, y);
                if (argb >>> 24 == 0xFF && (argb & 0xFFFFFF) == 0xFFFFFF) {
                    opaqueWhite++;
                }
            }
        }
        assertThat(opaqueWhite).as("the outline is drawn in white").isPositive();
    }

    @Test
    void the_package_is_written_to_a_file(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("tenfour-teams.zip");
        TeamsAppPackage.write(APP_ID, "https://tenfour.county.example", WORDS, zip);
        assertThat(unzip(Files.readAllBytes(zip))).containsKey("manifest.json");
    }

    @Test
    void an_app_id_that_is_not_a_guid_or_a_plain_http_url_is_refused() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(
                        () -> TeamsAppPackage.write("not-a-guid", "https://x.example", WORDS, out))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TeamsAppPackage.write(APP_ID, "http://x.example", WORDS, out))
                .hasMessageContaining("https");
    }
}
