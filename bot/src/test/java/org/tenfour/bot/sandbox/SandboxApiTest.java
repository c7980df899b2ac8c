package org.tenfour.bot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tenfour.bot.Application;
import org.tenfour.bot.Settings;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.TestDatabase;

/** The sandbox's JSON API against the real application (no browser): its edges and its seeding. */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxApiTest {
    private final HttpClient client = HttpClient.newHttpClient();
    private TestDatabase db;
    private Path dir;
    private Application app;

    @BeforeAll
    void start(TestDatabase db, @TempDir Path dir) {
        this.db = db;
        this.dir = dir;
        app = Application.start(settings(Map.of()), Clock.systemUTC());
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private Settings settings(Map<String, String> extra) {
        Map<String, String> env =
                new HashMap<>(
                        Map.of(
                                "PORT",
                                "0",
                                "DATABASE_URL",
                                db.jdbcUrl(),
                                "DATABASE_USER",
                                "postgres",
                                "TENFOUR_DATA_DIR",
                                dir.toString(),
                                "TENFOUR_INSTANCE_ID",
                                "sandbox-api"));
        env.putAll(extra);
        return Settings.fromEnv(env);
    }

    @Test
    void malformed_json_is_a_400_that_says_why() throws Exception {
        HttpResponse<String> res = post("/sandbox/api/command", "{\"user\": ");
        assertThat(res.statusCode()).isEqualTo(400);
        assertThat(res.body()).contains("malformed JSON at line 1");
    }

    @Test
    void a_missing_field_or_an_unknown_person_is_a_400_naming_it() throws Exception {
        assertThat(
                        post(
                                        "/sandbox/api/command",
                                        "{\"user\":\"URIVALEX\",\"text\":\"/tenfour help\"}")
                                .body())
                .contains("missing text field 'conversation'");
        HttpResponse<String> res =
                post(
                        "/sandbox/api/command",
                        "{\"user\":\"NOBODY\",\"conversation\":\"dm-NOBODY\",\"text\":\"/tenfour help\"}");
        assertThat(res.statusCode()).isEqualTo(400);
        assertThat(res.body()).contains("unknown sandbox person: NOBODY");
    }

    @Test
    void plain_text_is_a_direct_message_in_a_dm_and_refused_in_a_channel() throws Exception {
        HttpResponse<String> dm =
                post(
                        "/sandbox/api/command",
                        "{\"user\":\"URIVALEX\",\"conversation\":\"dm-URIVALEX\",\"text\":\"hello there\"}");
        assertThat(dm.statusCode()).isEqualTo(200);
        assertThat(dm.body())
                .as("outside a relay the product does not read DMs; it says how to get help")
                .contains("\"kind\":\"private\"")
                .contains("/peer");
        HttpResponse<String> channel =
                post(
                        "/sandbox/api/command",
                        "{\"user\":\"URIVALEX\",\"conversation\":\"ch-CRIVSTATION1\",\"text\":\"hello there\"}");
        assertThat(channel.statusCode()).isEqualTo(400);
        assertThat(channel.body()).contains("/tenfour");
        assertThat(
                        post(
                                        "/sandbox/api/command",
                                        "{\"user\":\"URIVALEX\",\"conversation\":\"dm-URIVALEX\",\"text\":\"/shrug\"}")
                                .statusCode())
                .isEqualTo(400);
    }

    @Test
    void a_person_cannot_type_in_a_channel_they_are_not_in() throws Exception {
        HttpResponse<String> res =
                post(
                        "/sandbox/api/command",
                        "{\"user\":\"URIVALEX\",\"conversation\":\"ch-CRIVCOORD\",\"text\":\"/tenfour status\"}");
        assertThat(res.statusCode()).isEqualTo(403);
    }

    @Test
    void a_member_is_refused_coordinator_commands_by_the_domain() throws Exception {
        HttpResponse<String> res =
                post(
                        "/sandbox/api/command",
                        // Casey reads English (Alex chooses Spanish in another test of this class)
                        "{\"user\":\"URIVCASEY\",\"conversation\":\"dm-URIVCASEY\",\"text\":\"/tenfour cadence weekly\"}");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body())
                .contains("\"kind\":\"private\"")
                .contains("Only the program's coordinators can do that");
    }

    @Test
    void the_demo_members_see_their_agencys_resources_and_a_partners_shared_one() throws Exception {
        HttpResponse<String> res =
                post(
                        "/sandbox/api/command",
                        "{\"user\":\"URIVALEX\",\"conversation\":\"dm-URIVALEX\",\"text\":\"/tenfour resources\"}");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body())
                .contains("Riverside County EAP")
                .contains("Fire & Police Chaplaincy")
                .contains("Lakeview Officers' Legal Fund")
                .doesNotContain("Blue Line Financial");
    }

    @Test
    void the_demo_coordinator_starts_an_anonymous_survey_and_sees_no_count_while_it_is_open()
            throws Exception {
        HttpResponse<String> started =
                post(
                        "/sandbox/api/command",
                        "{\"user\":\"URIVDANA\",\"conversation\":\"ch-CRIVCOORD\",\"text\":\"/tenfour survey start feedback 7\"}");
        assertThat(started.statusCode()).isEqualTo(200);
        assertThat(started.body()).contains("a feedback survey").contains("anonymous");
        HttpResponse<String> results =
                post(
                        "/sandbox/api/command",
                        "{\"user\":\"URIVDANA\",\"conversation\":\"ch-CRIVCOORD\",\"text\":\"/tenfour survey results 1\"}");
        assertThat(results.body()).contains("Results come when it closes");
    }

    @Test
    void a_demo_member_chooses_spanish_and_is_answered_in_spanish() throws Exception {
        HttpResponse<String> chosen =
                post(
                        "/sandbox/api/command",
                        "{\"user\":\"URIVALEX\",\"conversation\":\"dm-URIVALEX\",\"text\":\"/tenfour language es\"}");
        assertThat(chosen.statusCode()).isEqualTo(200);
        assertThat(chosen.body()).contains("desde ahora TenFour le escribe en espa");
        assertThat(
                        post(
                                        "/sandbox/api/command",
                                        "{\"user\":\"URIVALEX\",\"conversation\":\"dm-URIVALEX\",\"text\":\"/tenfour language klingon\"}")
                                .body())
                .contains("Escriba `/tenfour language es`");
        HttpResponse<String> resources =
                post(
                        "/sandbox/api/command",
                        "{\"user\":\"URIVALEX\",\"conversation\":\"dm-URIVALEX\",\"text\":\"/tenfour resources\"}");
        assertThat(resources.body())
                .contains("Riverside County EAP")
                .contains("Capellanes")
                .contains("Cualquiera puede consultarlo");
        assertThat(
                        post(
                                        "/sandbox/api/command",
                                        "{\"user\":\"URIVALEX\",\"conversation\":\"dm-URIVALEX\",\"text\":\"/tenfour optuot\"}")
                                .body())
                .contains("No conozco `optuot`. ¿Quiso decir `/tenfour optout`?");
        assertThat(
                        post(
                                        "/sandbox/api/command",
                                        "{\"user\":\"URIVALEX\",\"conversation\":\"dm-URIVALEX\",\"text\":\"/tenfour cadence weekly\"}")
                                .body())
                .contains("Solo los coordinadores del programa pueden hacer eso.");
    }

    @Test
    void at_names_typed_in_the_page_reach_the_product_as_neutral_mentions() throws Exception {
        HttpResponse<String> res =
                post(
                        "/sandbox/api/command",
                        "{\"user\":\"URIVDANA\",\"conversation\":\"ch-CRIVCOORD\",\"text\":\"/tenfour roster tag @Alex unit:Engine-7\"}");
        assertThat(res.body()).contains("Tagged <@URIVALEX>.");
    }

    @Test
    void the_demo_has_an_on_call_rota_and_an_incident_calls_out_the_on_call_peer()
            throws Exception {
        HttpResponse<String> rota =
                post(
                        "/sandbox/api/command",
                        "{\"user\":\"URIVDANA\",\"conversation\":\"ch-CRIVCOORD\",\"text\":\"/tenfour oncall\"}");
        assertThat(rota.body()).contains("On-call rota").contains("URIVSAM").contains("URIVPRIYA");
        HttpResponse<String> incident =
                post(
                        "/sandbox/api/command",
                        "{\"user\":\"URIVDANA\",\"conversation\":\"ch-CRIVCOORD\",\"text\":\"/tenfour incident \\\"Structure fire, Main St\\\" @Alex @Jordan\"}");
        assertThat(incident.body()).contains("the on-call peer is paged");
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                (get("/sandbox/api/conversations?user=URIVSAM")
                                                + get("/sandbox/api/conversations?user=URIVPRIYA"))
                                        .contains("Critical-incident call-out"));
        String pages =
                get("/sandbox/api/conversations?user=URIVSAM")
                        + get("/sandbox/api/conversations?user=URIVPRIYA");
        assertThat(pages).contains("2 people involved").contains("callout.take");
    }

    private String get(String path) throws Exception {
        return client.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    @Test
    void fast_forward_moves_the_sandbox_clock_and_refuses_nonsense() throws Exception {
        assertThat(post("/sandbox/api/time", "{\"days\": 0}").statusCode()).isEqualTo(400);
        assertThat(post("/sandbox/api/time", "{\"days\": \"seven\"}").body())
                .contains("missing whole-number field 'days'");
        HttpResponse<String> res = post("/sandbox/api/time", "{\"days\": 1}");
        assertThat(res.statusCode()).isEqualTo(200);
        String now = res.body().replaceAll(".*\"now\":\"([^\"]+)\".*", "$1");
        assertThat(Instant.parse(now)).isAfter(Instant.now().plus(Duration.ofHours(23)));
    }

    @Test
    void a_restart_on_the_same_database_seeds_nothing_twice() throws Exception {
        String counts =
                // the sandbox's demo agencies live in its own schema
                "select (select count(*) from sandbox.member) || '/' || (select count(*) from sandbox.peer) || '/' "
                        + "|| (select count(*) from sandbox.audit_log) || '/' || (select count(*) from sandbox.agency) || '/' || (select count(*) from sandbox.outbox where kind = 'welcome')";
        String before =
                db.jdbi()
                        .<String, RuntimeException>withHandle(
                                h -> h.createQuery(counts).mapTo(String.class).one());
        assertThat(before).startsWith("10/3/").endsWith("/2/8");
        try (Application again =
                Application.start(
                        settings(Map.of("TENFOUR_INSTANCE_ID", "sandbox-api-2")),
                        Clock.systemUTC())) {
            assertThat(again.sandbox()).isTrue();
        }
        String after =
                db.jdbi()
                        .<String, RuntimeException>withHandle(
                                h -> h.createQuery(counts).mapTo(String.class).one());
        assertThat(after).isEqualTo(before);
    }

    @Test
    void with_the_sandbox_off_there_is_no_sandbox_route() throws Exception {
        try (Application off =
                Application.start(
                        settings(
                                Map.of(
                                        Settings.SANDBOX,
                                        "off",
                                        "TENFOUR_INSTANCE_ID",
                                        "sandbox-off")),
                        Clock.systemUTC())) {
            assertThat(off.sandbox()).isFalse();
            HttpResponse<String> res =
                    client.send(
                            HttpRequest.newBuilder(
                                            URI.create(
                                                    "http://127.0.0.1:" + off.port() + "/sandbox"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(res.statusCode()).isEqualTo(404);
        }
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
