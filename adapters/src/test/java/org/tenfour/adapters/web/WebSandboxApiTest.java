package org.tenfour.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.Javalin;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.Button;
import org.tenfour.adapters.ChatPlatform;
import org.tenfour.adapters.ChatPlatformException;
import org.tenfour.adapters.Delivery;
import org.tenfour.adapters.FileUpload;
import org.tenfour.adapters.InboundEvent;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Platform;
import org.tenfour.adapters.Reply;
import org.tenfour.adapters.testing.TestVocabulary;

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
    private static final WebSandbox.Channel STATION =
            new WebSandbox.Channel("CSTATION", "riverside", "station-1", List.of("UDANA", "UALEX"));
    private static final Address COORD_ADDRESS =
            Address.channel(Platform.WEB, "riverside", "CCOORD");
    private static final Button DELETE =
            new Button("privacy.forget", "Yes, delete my data", "member-1", Button.Style.DANGER);

    private final List<InboundEvent> events = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newHttpClient();
    @TempDir Path dir;
    private Path conversations;
    private WebSandbox sandbox;
    private ChatPlatform platform;
    private Javalin server;

    @BeforeEach
    void start() {
        conversations = dir.resolve("sandbox-conversations.json");
        sandbox = sandbox();
        platform = sandbox.platform();
        server =
                Javalin.create(config -> sandbox.routes().accept(config.routes))
                        .start("127.0.0.1", 0);
    }

    private WebSandbox sandbox() {
        return new WebSandbox(
                List.of(W),
                List.of(ALEX, DANA),
                List.of(COORD, STATION),
                event -> {
                    events.add(event);
                    if (event instanceof InboundEvent.Command c && c.text().equals("forgetme")) {
                        return new Reply.Private(
                                new Message(
                                        "This deletes everything.", List.of(), List.of(DELETE)));
                    }
                    if (event instanceof InboundEvent.ButtonPressed) {
                        return Reply.text("Done: deleted.");
                    }
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
                },
                TestVocabulary.WORDS,
                conversations);
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

    @Test
    void a_private_reply_shows_in_the_conversation_for_that_person_only_and_its_buttons_work()
            throws Exception {
        HttpResponse<String> res =
                post(
                        "/sandbox/api/command",
                        "{\"user\":\"UALEX\",\"conversation\":\"ch-CSTATION\",\"text\":\"/tenfour forgetme\"}");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body())
                .contains("\"kind\":\"private\"")
                .contains("\"onlyYou\":true")
                .contains("\"label\":\"Yes, delete my data\"");

        String alexSees = get("/sandbox/api/conversations?user=UALEX").body();
        assertThat(alexSees)
                .contains("\"author\":\"PERSON\"", "\"text\":\"/tenfour forgetme\"")
                .contains("\"text\":\"This deletes everything.\"");
        assertThat(get("/sandbox/api/conversations?user=UDANA").body())
                .as("Dana is in the channel but does not see Alex's private reply")
                .doesNotContain("This deletes everything", "/tenfour forgetme");

        Inboxes.Posted reply =
                new Inboxes(p -> {}, conversations)
                        .messages("ch-CSTATION").stream()
                                .filter(p -> p.author() == Inboxes.Author.BOT)
                                .findFirst()
                                .orElseThrow();
        String press =
                "{\"user\":\"%s\",\"conversation\":\"ch-CSTATION\",\"messageId\":\"%s\","
                        + "\"actionId\":\"privacy.forget\",\"value\":\"member-1\"}";
        assertThat(post("/sandbox/api/button", press.formatted("UDANA", reply.id())).statusCode())
                .as("someone else's private reply is not there for Dana")
                .isEqualTo(404);
        HttpResponse<String> pressed =
                post("/sandbox/api/button", press.formatted("UALEX", reply.id()));
        assertThat(pressed.body()).contains("Done: deleted.");
        assertThat(events)
                .filteredOn(InboundEvent.ButtonPressed.class::isInstance)
                .singleElement()
                .isInstanceOfSatisfying(
                        InboundEvent.ButtonPressed.class,
                        b -> {
                            assertThat(b.actionId()).isEqualTo("privacy.forget");
                            assertThat(b.value()).isEqualTo("member-1");
                            assertThat(b.message())
                                    .isEqualTo(new Delivery("ch-CSTATION", reply.id()));
                        });
    }

    @Test
    void conversations_and_private_replies_survive_a_restart_and_the_guide_speaks_once()
            throws Exception {
        platform.send(COORD_ADDRESS, Message.text("Cadence is now weekly."));
        post(
                "/sandbox/api/command",
                "{\"user\":\"UALEX\",\"conversation\":\"dm-UALEX\",\"text\":\"/tenfour forgetme\"}");
        sandbox.guide("UALEX", "You are Alex. Try /peer.");
        sandbox.guide("UALEX", "You are Alex. Try /peer.");
        server.stop();
        sandbox.close();

        sandbox = sandbox();
        sandbox.guide("UALEX", "You are Alex. Try /peer.");
        server =
                Javalin.create(config -> sandbox.routes().accept(config.routes))
                        .start("127.0.0.1", 0);

        assertThat(get("/sandbox/api/conversations?user=UDANA").body())
                .contains("Cadence is now weekly.");
        String alex = get("/sandbox/api/conversations?user=UALEX").body();
        assertThat(alex).contains("This deletes everything.", "Yes, delete my data");
        assertThat(alex.split("You are Alex. Try /peer.", -1))
                .as("one guide message, however often the sandbox starts")
                .hasSize(2);
        assertThat(alex).contains("\"author\":\"GUIDE\"");
    }

    @Test
    void the_page_is_offered_the_command_words_and_requests_are_read_as_records() throws Exception {
        assertThat(get("/sandbox/api/directory").body())
                .contains("\"commands\":[\"/tenfour help\",\"/peer\",\"/tenfour end\"");
        assertThat(post("/sandbox/api/command", "{\"user\": ").body())
                .contains("malformed JSON at line 1");
        assertThat(post("/sandbox/api/command", "{\"user\":\"UALEX\",\"text\":\"hi\"}").body())
                .contains("missing text field 'conversation'");
        assertThat(post("/sandbox/api/time", "{\"days\": \"seven\"}").body())
                .contains("missing whole-number field 'days'");
        assertThat(post("/sandbox/api/time", "{\"days\": 400}").body())
                .contains("'days' must be between 1 and 366, was 400");
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
