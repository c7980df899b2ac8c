package org.tenfour.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tenfour.adapters.InboundEvent;
import org.tenfour.adapters.Reply;
import org.tenfour.adapters.testing.TestVocabulary;

/**
 * The sandbox's edge: security headers on everything it serves, API writes only as JSON from its
 * own page, and — next to real agencies — nothing for anyone but this machine.
 */
class SandboxGuardTest {
    private static final Instant NOW = Instant.parse("2026-01-05T15:00:00Z");
    private static final String COMMAND =
            "{\"user\":\"UDANA\",\"conversation\":\"ch-CCOORD\",\"text\":\"/tenfour help\"}";

    private final List<InboundEvent> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger jumps = new AtomicInteger();
    private final HttpClient client = HttpClient.newHttpClient();
    @TempDir Path dir;
    private WebSandbox sandbox;
    private Javalin server;

    private void start(boolean loopbackOnly) {
        sandbox =
                new WebSandbox(
                        List.of(new WebSandbox.Workspace("riverside", "Riverside")),
                        List.of(
                                new WebSandbox.Person(
                                        "UDANA",
                                        "riverside",
                                        "Dana Reyes",
                                        "dana",
                                        "America/Chicago",
                                        true,
                                        "coordinator")),
                        List.of(
                                new WebSandbox.Channel(
                                        "CCOORD",
                                        "riverside",
                                        "peer-coordinators",
                                        List.of("UDANA"))),
                        event -> {
                            events.add(event);
                            return Reply.text("ok");
                        },
                        Clock.fixed(NOW, ZoneOffset.UTC),
                        new WebSandbox.TimeControl() {
                            @Override
                            public Instant now() {
                                return NOW;
                            }

                            @Override
                            public Instant advance(Duration by) {
                                jumps.incrementAndGet();
                                return NOW.plus(by);
                            }
                        },
                        TestVocabulary.WORDS,
                        dir.resolve("conversations.json"));
        server =
                Javalin.create(config -> sandbox.routes(loopbackOnly).accept(config.routes))
                        .start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.stop();
        sandbox.close();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private HttpResponse<String> post(String path, String type, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_page_and_the_api_carry_a_strict_content_security_policy_and_the_usual_headers()
            throws Exception {
        start(false);
        for (String path : List.of("/sandbox", "/sandbox/sandbox.js", "/sandbox/api/directory")) {
            HttpResponse<String> res =
                    client.send(
                            HttpRequest.newBuilder(uri(path)).build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(res.statusCode()).as(path).isEqualTo(200);
            assertThat(res.headers().firstValue("Content-Security-Policy"))
                    .as(path)
                    .hasValueSatisfying(
                            csp ->
                                    assertThat(csp)
                                            .contains("default-src 'none'")
                                            .contains("script-src 'self'")
                                            .contains("frame-ancestors 'none'")
                                            .doesNotContain("unsafe-inline", "unsafe-eval", "*"));
            assertThat(res.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(res.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(res.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        }
    }

    @Test
    void api_writes_must_be_json_from_the_pages_own_origin() throws Exception {
        start(false);
        String own = "http://127.0.0.1:" + server.port();

        assertThat(post("/sandbox/api/time", "text/plain", "{\"days\":365}").statusCode())
                .as("text/plain, as a cross-site form or fetch without preflight could send")
                .isEqualTo(415);
        assertThat(
                        post("/sandbox/api/time", "application/x-www-form-urlencoded", "days=365")
                                .statusCode())
                .isEqualTo(415);
        assertThat(
                        post(
                                        "/sandbox/api/time",
                                        "application/json",
                                        "{\"days\":365}",
                                        "Origin",
                                        "https://evil.example")
                                .statusCode())
                .isEqualTo(403);
        assertThat(
                        post(
                                        "/sandbox/api/command",
                                        "application/json",
                                        COMMAND,
                                        "Sec-Fetch-Site",
                                        "cross-site")
                                .statusCode())
                .isEqualTo(403);
        assertThat(jumps).as("no refused request moved the clock").hasValue(0);
        assertThat(events).as("no refused request reached the product").isEmpty();

        assertThat(
                        post(
                                        "/sandbox/api/command",
                                        "application/json; charset=utf-8",
                                        COMMAND,
                                        "Origin",
                                        own,
                                        "Sec-Fetch-Site",
                                        "same-origin")
                                .statusCode())
                .isEqualTo(200);
        assertThat(events).hasSize(1);
    }

    @Test
    void next_to_real_agencies_it_answers_only_this_machine_directly_under_a_loopback_name()
            throws Exception {
        start(true);
        assertThat(raw("GET", "/sandbox", "127.0.0.1:" + server.port(), ""))
                .startsWith("HTTP/1.1 200");
        assertThat(raw("GET", "/sandbox", "localhost:" + server.port(), ""))
                .startsWith("HTTP/1.1 200");
        assertThat(raw("GET", "/sandbox", "evil.example", ""))
                .as("a rebound DNS name pointing at loopback")
                .startsWith("HTTP/1.1 404");
        assertThat(
                        raw(
                                "GET",
                                "/sandbox/api/directory",
                                "127.0.0.1:" + server.port(),
                                "X-Forwarded-For: 203.0.113.9\r\n"))
                .as("relayed by a proxy on this machine")
                .startsWith("HTTP/1.1 404");
        assertThat(
                        raw(
                                "POST",
                                "/sandbox/api/command",
                                "127.0.0.1:" + server.port(),
                                "Forwarded: for=203.0.113.9\r\nContent-Type: application/json\r\n",
                                COMMAND))
                .startsWith("HTTP/1.1 404");
        assertThat(events).isEmpty();
    }

    private String raw(String method, String path, String host, String headers) throws IOException {
        return raw(method, path, host, headers, "");
    }

    /** A hand-written request: the JDK client will not send a Host header of our choosing. */
    private String raw(String method, String path, String host, String headers, String body)
            throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(
                    (method
                                    + " "
                                    + path
                                    + " HTTP/1.1\r\nHost: "
                                    + host
                                    + "\r\n"
                                    + headers
                                    + "Content-Length: "
                                    + content.length
                                    + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
