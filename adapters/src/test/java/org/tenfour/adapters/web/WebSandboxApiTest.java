package org.tenfour.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.ChatPlatform;
import org.tenfour.adapters.ChatPlatformException;
import org.tenfour.adapters.Delivery;
import org.tenfour.adapters.FileUpload;
import org.tenfour.adapters.InboundEvent;
import org.tenfour.adapters.Platform;
import org.tenfour.adapters.Reply;

/**
 * The sandbox's file uploads and plain direct messages, through its real HTTP routes on Javalin: a
 * posted image shows inline and a CSV is offered as a download, only to people in that
 * conversation; plain text typed in a person's DM reaches the product as a {@link
 * InboundEvent.DirectMessage}.
 */
class WebSandboxApiTest {
    private static final byte[] PNG = {
        (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13
    };
    private static final WebSandbox.Workspace W =
            new WebSandbox.Workspace("riverside", "Riverside");
    private static final WebSandbox.Person ALEX =
            new WebSandbox.Person(
                    "UALEX", "riverside", "Alex Kim", "alex", "America/Chicago", false, "member");
    private static final WebSandbox.Person DANA =
            new WebSandbox.Person(
                    "UDANA",
                    "riverside",
                    "Dana Reyes",
                    "dana",
                    "America/Chicago",
                    true,
                    "coordinator");
    private static final WebSandbox.Channel COORD =
            new WebSandbox.Channel("CCOORD", "riverside", "peer-coordinators", List.of("UDANA"));
    private static final Address COORD_ADDRESS =
            Address.channel(Platform.WEB, "riverside", "CCOORD");

    private final List<InboundEvent> events = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newHttpClient();
    private WebSandbox sandbox;
    private ChatPlatform platform;
    private Javalin server;

    @BeforeEach
    void start() {
        sandbox =
                new WebSandbox(
                        List.of(W),
                        List.of(ALEX, DANA),
                        List.of(COORD),
                        event -> {
                            events.add(event);
                            return event instanceof InboundEvent.DirectMessage
                                    ? Reply.text("Passed on to your peer.")
                                    : Reply.none();
                        },
                        Clock.fixed(Instant.parse("2026-01-05T15:00:00Z"), ZoneOffset.UTC),
                        new WebSandbox.TimeControl() {
                            @Override
                            public Instant now() {
                                return Instant.parse("2026-01-05T15:00:00Z");
                            }

                            @Override
                            public Instant advance(Duration by) {
                                return now().plus(by);
                            }
                        });
        platform = sandbox.platform();
        server =
                Javalin.create(config -> sandbox.routes().accept(config.routes))
                        .start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.stop();
        sandbox.close();
    }

    @Test
    void an_uploaded_chart_shows_inline_and_a_csv_is_offered_as_a_download() throws Exception {
        Delivery chart =
                platform.upload(
                        COORD_ADDRESS,
                        FileUpload.of("report.png", "image/png", PNG, "Program report chart"));
        Delivery csv =
                platform.upload(
                        COORD_ADDRESS,
                        FileUpload.of(
                                "report.csv",
                                "text/csv",
                                "table,label,value\ncontacts,total,<5\n"
                                        .getBytes(StandardCharsets.UTF_8),
                                "Program report (month)"));
        assertThat(chart.conversationId()).isEqualTo("ch-CCOORD");

        String conversations = get("/sandbox/api/conversations?user=UDANA").body();
        assertThat(conversations)
                .contains("\"text\":\"Program report chart\"")
                .contains(
                        "\"filename\":\"report.png\",\"mimeType\":\"image/png\",\"title\":\"Program report chart\",\"image\":true")
                .contains(
                        "\"filename\":\"report.csv\",\"mimeType\":\"text/csv\",\"title\":\"Program report (month)\",\"image\":false");

        HttpResponse<byte[]> image =
                client.send(
                        request(
                                        "/sandbox/api/file?user=UDANA&conversation=ch-CCOORD&message="
                                                + chart.messageId())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("image/png"));
        assertThat(image.headers().firstValue("Content-Disposition"))
                .hasValue("inline; filename=\"report.png\"");
        assertThat(image.body()).isEqualTo(PNG);

        HttpResponse<String> download =
                get(
                        "/sandbox/api/file?user=UDANA&conversation=ch-CCOORD&message="
                                + csv.messageId());
        assertThat(download.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"report.csv\"");
        assertThat(download.body()).isEqualTo("table,label,value\ncontacts,total,<5\n");

        assertThat(
                        get("/sandbox/api/file?user=UALEX&conversation=ch-CCOORD&message="
                                        + chart.messageId())
                                .statusCode())
                .as("Alex is not in the coordinator channel")
                .isEqualTo(403);
        assertThat(
                        get("/sandbox/api/file?user=UDANA&conversation=ch-CCOORD&message=nope")
                                .statusCode())
                .isEqualTo(404);
        assertThat(get("/sandbox/api/file?user=UDANA&conversation=ch-CCOORD").statusCode())
                .isEqualTo(400);
    }

    @Test
    void uploads_to_unknown_places_or_with_broken_content_are_refused() {
        FileUpload file = FileUpload.of("r.png", "image/png", PNG, "Chart");
        assertThatThrownBy(
                        () ->
                                platform.upload(
                                        Address.channel(Platform.WEB, "riverside", "CNOWHERE"),
                                        file))
                .isInstanceOf(ChatPlatformException.Unreachable.class);
        assertThatThrownBy(() -> platform.upload(Address.channel(Platform.SLACK, "T1", "C1"), file))
                .isInstanceOf(ChatPlatformException.Rejected.class);
        assertThatThrownBy(
                        () ->
                                platform.upload(
                                        COORD_ADDRESS,
                                        new FileUpload(
                                                "r.png", "image/png", "not base64!", "Chart")))
                .isInstanceOf(ChatPlatformException.Rejected.class);
    }

    @Test
    void plain_text_in_a_persons_dm_is_a_direct_message_and_elsewhere_a_400() throws Exception {
        HttpResponse<String> res =
                post(
                        "/sandbox/api/command",
                        "{\"user\":\"UALEX\",\"conversation\":\"dm-UALEX\",\"text\":\"  rough shift, can we talk?  \"}");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).contains("\"kind\":\"private\"").contains("Passed on to your peer.");
        assertThat(events)
                .singleElement()
                .isInstanceOfSatisfying(
                        InboundEvent.DirectMessage.class,
                        dm -> {
                            assertThat(dm.text()).isEqualTo("rough shift, can we talk?");
                            assertThat(dm.actor().address())
                                    .isEqualTo(Address.user(Platform.WEB, "riverside", "UALEX"));
                            assertThat(dm.where())
                                    .isEqualTo(Address.user(Platform.WEB, "riverside", "UALEX"));
                        });

        HttpResponse<String> channel =
                post(
                        "/sandbox/api/command",
                        "{\"user\":\"UDANA\",\"conversation\":\"ch-CCOORD\",\"text\":\"hello everyone\"}");
        assertThat(channel.statusCode()).isEqualTo(400);
        assertThat(channel.body()).contains("in a channel, type a command");
        HttpResponse<String> unknown =
                post(
                        "/sandbox/api/command",
                        "{\"user\":\"UALEX\",\"conversation\":\"dm-UALEX\",\"text\":\"/giphy hello\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("unknown command");
        assertThat(
                        post(
                                        "/sandbox/api/command",
                                        "{\"user\":\"UALEX\",\"conversation\":\"dm-UALEX\",\"text\":\"   \"}")
                                .statusCode())
                .isEqualTo(400);
        assertThat(
                        post(
                                        "/sandbox/api/command",
                                        "{\"user\":\"UALEX\",\"conversation\":\"dm-UDANA\",\"text\":\"hi Dana\"}")
                                .statusCode())
                .as("someone else's DM")
                .isEqualTo(403);
        assertThat(events).hasSize(1);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return client.send(
                request(path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
