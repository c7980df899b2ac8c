package org.tenfour.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.TestDatabase;

@ExtendWith(PostgresExtension.class)
class ApplicationTest {

    @Test
    void the_application_is_ready_on_an_external_database_and_stops_cleanly(
            TestDatabase db, @TempDir Path dir) throws Exception {
        Settings settings =
                Settings.fromEnv(
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
                                "test-1"));
        HttpClient client = HttpClient.newHttpClient();
        int port;
        try (Application app = Application.start(settings, Clock.systemUTC())) {
            port = app.port();
            HttpResponse<String> ready =
                    client.send(
                            HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + port + "/readyz"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).isEqualTo(200);
            int schedulers =
                    db.jdbi()
                            .withHandle(
                                    h ->
                                            h.createQuery(
                                                            "select count(*) from qrtz_scheduler_state where instance_name = 'test-1'")
                                                    .mapTo(Integer.class)
                                                    .one());
            assertThat(schedulers).as("clustered Quartz checked in to PostgreSQL").isEqualTo(1);
        }
        assertThat(
                        Assertions.catchThrowable(
                                () ->
                                        client.send(
                                                HttpRequest.newBuilder(
                                                                URI.create(
                                                                        "http://127.0.0.1:"
                                                                                + port
                                                                                + "/healthz"))
                                                        .build(),
                                                HttpResponse.BodyHandlers.ofString())))
                .as("the port is closed after a stop")
                .isInstanceOf(ConnectException.class);
    }
}
