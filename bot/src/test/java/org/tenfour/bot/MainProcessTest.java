package org.tenfour.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real command line in a separate JVM, with the embedded PostgreSQL, as a user runs it. */
class MainProcessTest {
    @TempDir Path dir;

    private Process launch(Map<String, String> env, String... args) throws IOException {
        var command = new ArrayList<String>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder pb =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("out-" + System.nanoTime() + ".log").toFile());
        pb.environment().remove("DATABASE_URL");
        pb.environment().putAll(env);
        return pb.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private String output() throws IOException {
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
                all.append(Files.readString(p));
            }
        }
        return all.toString();
    }

    @Test
    void serve_on_the_embedded_database_gets_ready_keeps_data_and_stops_cleanly_on_sigterm()
            throws Exception {
        int port = freePort();
        Path data = dir.resolve("data");
        Map<String, String> env =
                Map.of(
                        "PORT",
                        Integer.toString(port),
                        "TENFOUR_DATA_DIR",
                        data.toString(),
                        "TENFOUR_MANAGEMENT_ADDRESS",
                        "127.0.0.1:0");
        HttpClient client = HttpClient.newHttpClient();
        URI readyz = URI.create("http://127.0.0.1:" + port + "/readyz");

        Process serve = launch(env, "serve");
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(
                        () ->
                                client.send(
                                                        HttpRequest.newBuilder(readyz).build(),
                                                        HttpResponse.BodyHandlers.ofString())
                                                .statusCode()
                                        == 200);
        serve.destroy(); // SIGTERM
        assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(output()).contains("stopped cleanly");
        assertThat(data.resolve("pg/postmaster.pid"))
                .as("embedded PostgreSQL was shut down")
                .doesNotExist();
        assertThat(data.resolve("pg/PG_VERSION")).hasContent("17");
    }

    @Test
    void migrate_applies_the_migrations_and_exits() throws Exception {
        Map<String, String> env = Map.of("TENFOUR_DATA_DIR", dir.resolve("data").toString());
        Process first = launch(env, "migrate");
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).isZero();
        Process second = launch(env, "migrate");
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).isZero();
        assertThat(output())
                .containsPattern("(?m)^migrations applied: [1-9]\\d*$")
                .as("nothing left for the second run")
                .containsPattern("(?m)^migrations applied: 0$");
    }

    @Test
    void a_bad_variable_stops_start_up_with_one_line_naming_it() throws Exception {
        Process p =
                launch(
                        Map.of("PORT", "abc", "TENFOUR_DATA_DIR", dir.resolve("data").toString()),
                        "serve");
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(output().strip())
                .isEqualTo("tenfour: configuration error: PORT: not a whole number: 'abc'");
    }
}
