package org.tenfour.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpServerTest {
    private final HttpClient client = HttpClient.newHttpClient();
    private final List<String> problems = new ArrayList<>();
    private final CountDownLatch slowStarted = new CountDownLatch(1);
    private final CountDownLatch releaseSlow = new CountDownLatch(1);
    private final PrometheusMeterRegistry registry =
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HttpServer server =
            new HttpServer(
                            "127.0.0.1",
                            0,
                            () -> List.copyOf(problems),
                            registry,
                            List.of(
                                    routes -> {
                                        routes.post(
                                                "/echo",
                                                ctx -> ctx.json(JsonBody.parse(ctx.body())));
                                        routes.get(
                                                "/boom",
                                                ctx -> {
                                                    throw new IllegalStateException(
                                                            "secret internal detail");
                                                });
                                        routes.get(
                                                "/slow",
                                                ctx -> {
                                                    slowStarted.countDown();
                                                    releaseSlow.await(10, TimeUnit.SECONDS);
                                                    ctx.result("finished");
                                                });
                                    }))
                    .start();

    @AfterEach
    void stop() {
        releaseSlow.countDown();
        server.stop(Duration.ofSeconds(1));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    @Test
    void healthz_answers_200_while_the_process_lives() throws Exception {
        assertThat(get("/healthz"))
                .satisfies(
                        r -> {
                            assertThat(r.statusCode()).isEqualTo(200);
                            assertThat(r.body()).contains("\"ok\"");
                        });
    }

    @Test
    void readyz_answers_503_with_the_reasons_until_nothing_is_wrong() throws Exception {
        problems.add("database unreachable");
        HttpResponse<String> down = get("/readyz");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).contains("database unreachable");
        problems.clear();
        assertThat(get("/readyz").statusCode()).isEqualTo(200);
    }

    @Test
    void metrics_are_prometheus_text_on_the_management_address_only_and_count_requests()
            throws Exception {
        ManagementServer management =
                new ManagementServer(new ManagementSettings("127.0.0.1", 0, null), registry)
                        .start();
        try {
            get("/healthz");
            assertThat(get("/metrics").statusCode())
                    .as("not on the public listener")
                    .isEqualTo(404);
            HttpResponse<String> metrics =
                    client.send(
                            HttpRequest.newBuilder(
                                            URI.create(
                                                    "http://127.0.0.1:"
                                                            + management.port()
                                                            + "/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
            assertThat(metrics.body())
                    .contains(
                            "tenfour_http_requests_seconds_count{method=\"GET\",route=\"/healthz\",status=\"200\"}");
        } finally {
            management.stop();
        }
    }

    @Test
    void an_exposed_management_address_needs_the_bearer_token() throws Exception {
        String token = "s3cret-token-for-prometheus-0123456789";
        ManagementServer management =
                new ManagementServer(new ManagementSettings("127.0.0.1", 0, token), registry)
                        .start();
        try {
            get("/healthz");
            URI metrics = URI.create("http://127.0.0.1:" + management.port() + "/metrics");
            HttpResponse<String> none =
                    client.send(
                            HttpRequest.newBuilder(metrics).build(),
                            HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> wrong =
                    client.send(
                            HttpRequest.newBuilder(metrics)
                                    .header("Authorization", "Bearer " + token + "x")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> right =
                    client.send(
                            HttpRequest.newBuilder(metrics)
                                    .header("Authorization", "Bearer " + token)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(none.body()).doesNotContain("tenfour_http_requests");
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(right.statusCode()).isEqualTo(200);
            assertThat(right.body()).contains("tenfour_http_requests");
        } finally {
            management.stop();
        }
    }

    @Test
    void a_management_address_off_loopback_without_a_token_is_refused() {
        Assertions.assertThatThrownBy(() -> ManagementSettings.parse("0.0.0.0:9090", null))
                .hasMessageContaining("not a loopback address");
        Assertions.assertThatThrownBy(() -> ManagementSettings.parse("10.0.0.5:9090", "short"))
                .hasMessageContaining("at least");
        assertThat(ManagementSettings.parse("[::1]:9091", null).host()).isEqualTo("::1");
        assertThat(ManagementSettings.parse("9092", null).host()).isEqualTo("127.0.0.1");
    }

    @Test
    void a_browsers_favicon_request_gets_no_content_instead_of_a_logged_404() throws Exception {
        assertThat(get("/favicon.ico").statusCode()).isEqualTo(204);
    }

    @Test
    void an_unknown_route_gets_a_json_404() throws Exception {
        HttpResponse<String> r = get("/no/such/route");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(JsonBody.parse(r.body()).path("error").asText()).isNotBlank();
    }

    @Test
    void malformed_json_gets_400_with_a_reason() throws Exception {
        HttpResponse<String> r =
                client.send(
                        HttpRequest.newBuilder(uri("/echo"))
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"type\": \"message\", "))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JsonBody.parse(r.body()).path("reason").asText())
                .startsWith("malformed JSON at line 1");
    }

    @Test
    void a_failure_gets_500_without_a_stack_trace_or_detail() throws Exception {
        HttpResponse<String> r = get("/boom");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body())
                .doesNotContain("secret internal detail")
                .doesNotContain("IllegalStateException")
                .doesNotContain("\tat ");
        assertThat(r.headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    void stopping_lets_a_request_in_flight_finish_and_refuses_new_ones() throws Exception {
        CompletableFuture<HttpResponse<String>> slow =
                client.sendAsync(
                        HttpRequest.newBuilder(uri("/slow")).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(slowStarted.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> stopping =
                CompletableFuture.runAsync(() -> server.stop(Duration.ofSeconds(10)));
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(get("/healthz").statusCode()).isEqualTo(503));
        releaseSlow.countDown();
        assertThat(slow.get(5, TimeUnit.SECONDS).body()).isEqualTo("finished");
        stopping.get(10, TimeUnit.SECONDS);
    }
}
