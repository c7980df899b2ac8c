package org.tenfour.adapters.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenfour.adapters.Actor;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.Button;
import org.tenfour.adapters.Delivery;
import org.tenfour.adapters.FileUpload;
import org.tenfour.adapters.Form;
import org.tenfour.adapters.InboundEvent;
import org.tenfour.adapters.InboundHandler;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Platform;
import org.tenfour.adapters.Reply;

/**
 * The sandbox's HTTP side: the page, the JSON API the page calls, and its live stream. Requests
 * name the person being played ({@code user}); the conversation must be one they are in.
 */
final class Api {
    private static final Logger log = LoggerFactory.getLogger(Api.class);
    private static final Pattern COMMAND =
            Pattern.compile("^/(tenfour|peer)(?:\\s+(.*))?$", Pattern.DOTALL);

    private final SandboxPeople directory;
    private final Inboxes inboxes;
    private final Forms forms;
    private final Live live;
    private final InboundHandler inbound;
    private final WebSandbox.TimeControl time;
    private final Pages pages = new Pages();

    Api(
            SandboxPeople directory,
            Inboxes inboxes,
            Forms forms,
            Live live,
            InboundHandler inbound,
            WebSandbox.TimeControl time) {
        this.directory = directory;
        this.inboxes = inboxes;
        this.forms = forms;
        this.live = live;
        this.inbound = inbound;
        this.time = time;
    }

    void mount(RoutesConfig routes) {
        routes.get("/sandbox", ctx -> pages.serve(ctx, "sandbox.html"));
        routes.get("/sandbox/sandbox.js", ctx -> pages.serve(ctx, "sandbox.js"));
        routes.get("/sandbox/sandbox.css", ctx -> pages.serve(ctx, "sandbox.css"));
        routes.get("/sandbox/api/directory", this::directory);
        routes.get("/sandbox/api/conversations", this::conversations);
        routes.sse("/sandbox/api/live", this::live);
        routes.post("/sandbox/api/command", this::command);
        routes.post("/sandbox/api/button", this::button);
        routes.post("/sandbox/api/form", this::form);
        routes.post("/sandbox/api/time", this::fastForward);
        routes.get("/sandbox/api/file", this::file);
    }

    private void directory(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("workspaces", directory.workspaces());
        body.put("people", directory.people());
        body.put("channels", directory.channels());
        body.put("now", time.now().toString());
        ctx.json(body);
    }

    private void conversations(Context ctx) {
        WebSandbox.Person person = person(ctx.queryParam("user"));
        List<Map<String, Object>> list =
                directory.conversationsOf(person).stream()
                        .map(
                                id -> {
                                    Map<String, Object> c = new LinkedHashMap<>();
                                    c.put("id", id);
                                    c.put("title", directory.title(id));
                                    c.put("kind", id.startsWith("dm-") ? "dm" : "channel");
                                    c.put(
                                            "messages",
                                            inboxes.messages(id).stream()
                                                    .map(Api::posted)
                                                    .toList());
                                    return c;
                                })
                        .toList();
        ctx.json(Map.of("now", time.now().toString(), "conversations", list));
    }

    private void live(SseClient client) {
        Optional<WebSandbox.Person> person = directory.person(client.ctx().queryParam("user"));
        if (person.isEmpty()) {
            client.sendEvent("refused", "unknown sandbox person");
            client.close();
            return;
        }
        live.join(person.get().userId(), client);
    }

    /**
     * What a person typed: a slash command ({@code /tenfour …}, {@code /peer …}) anywhere, or —
     * only in their DM with TenFour — a plain message, which reaches the product as a {@link
     * InboundEvent.DirectMessage} (relayed to a peer or answered, never stored), as Slack's {@code
     * message.im} does. Plain text in a channel, or an unknown slash command, is a 400.
     */
    private void command(Context ctx) {
        JsonNode body = Requests.parse(ctx.body());
        WebSandbox.Person person = person(Requests.text(body, "user"));
        String conversation = visible(person, Requests.text(body, "conversation"));
        String text = Requests.text(body, "text").strip();
        Address where = directory.addressOf(conversation).orElseThrow();
        if (!text.startsWith("/") && conversation.equals(SandboxPeople.dm(person.userId()))) {
            Reply reply =
                    inbound.handle(new InboundEvent.DirectMessage(actor(person), text, where));
            ctx.json(render(person, reply, null));
            return;
        }
        Matcher m = COMMAND.matcher(text);
        if (!m.matches()) {
            throw new BadRequestResponse(
                    text.startsWith("/")
                            ? "unknown command: type /tenfour … or /peer"
                            : "in a channel, type a command: /tenfour … or /peer (write plain messages in your DM with TenFour)");
        }
        String args =
                Mentions.normalise(
                        m.group(2) == null ? "" : m.group(2).strip(),
                        person.workspaceId(),
                        directory);
        Reply reply =
                inbound.handle(
                        new InboundEvent.Command(
                                actor(person), m.group(1), args, where, trigger()));
        ctx.json(render(person, reply, null));
    }

    /**
     * A posted file's content, for a person who can see its conversation (images inline, others
     * downloaded).
     */
    private void file(Context ctx) {
        WebSandbox.Person person = person(ctx.queryParam("user"));
        String conversation = visible(person, required(ctx, "conversation"));
        String messageId = required(ctx, "message");
        FileUpload file =
                inboxes.find(conversation, messageId)
                        .map(Inboxes.Posted::file)
                        .orElseThrow(
                                () ->
                                        new NotFoundResponse(
                                                "no file " + messageId + " in " + conversation));
        ctx.contentType(file.mimeType());
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header(
                "Content-Disposition",
                (image(file) ? "inline" : "attachment")
                        + "; filename=\""
                        + file.filename().replaceAll("[^A-Za-z0-9._-]", "_")
                        + "\"");
        ctx.result(file.bytes());
    }

    private static boolean image(FileUpload file) {
        return List.of("image/png", "image/jpeg", "image/gif").contains(file.mimeType());
    }

    private static String required(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            throw new BadRequestResponse("missing query parameter '" + name + "'");
        }
        return value;
    }

    private void button(Context ctx) {
        JsonNode body = Requests.parse(ctx.body());
        WebSandbox.Person person = person(Requests.text(body, "user"));
        String conversation = visible(person, Requests.text(body, "conversation"));
        String messageId = Requests.text(body, "messageId");
        Inboxes.Posted posted =
                inboxes.find(conversation, messageId)
                        .orElseThrow(
                                () ->
                                        new NotFoundResponse(
                                                "no message " + messageId + " in " + conversation));
        String actionId = Requests.text(body, "actionId");
        String value = body.path("value").asText("");
        Optional<Button> pressed =
                posted.message().buttons().stream()
                        .filter(b -> b.actionId().equals(actionId) && b.value().equals(value))
                        .findFirst();
        if (pressed.isEmpty()) {
            ctx.json(render(person, Reply.text("That button is no longer there."), null));
            return;
        }
        Reply reply =
                inbound.handle(
                        new InboundEvent.ButtonPressed(
                                actor(person),
                                actionId,
                                value,
                                directory.addressOf(conversation).orElseThrow(),
                                new Delivery(conversation, messageId),
                                trigger()));
        ctx.json(render(person, reply, null));
    }

    private void form(Context ctx) {
        JsonNode body = Requests.parse(ctx.body());
        WebSandbox.Person person = person(Requests.text(body, "user"));
        String formId = Requests.text(body, "formId");
        Form form =
                forms.find(person.userId(), formId)
                        .orElseThrow(
                                () ->
                                        new BadRequestResponse(
                                                "no form '"
                                                        + formId
                                                        + "' is open for "
                                                        + person.userId()));
        Reply reply =
                inbound.handle(
                        new InboundEvent.FormSubmitted(
                                actor(person),
                                formId,
                                Requests.values(body, form),
                                form.context()));
        ctx.json(render(person, reply, formId));
    }

    private void fastForward(Context ctx) {
        int days = Requests.number(Requests.parse(ctx.body()), "days", 1, 366);
        String now = time.advance(Duration.ofDays(days)).toString();
        log.info("sandbox time moved forward {} days", days);
        live.tellEveryone("time", now);
        ctx.json(Map.of("now", now));
    }

    private Map<String, Object> render(
            WebSandbox.Person person, Reply reply, String submittedForm) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (reply instanceof Reply.Private p) {
            out.put("kind", "private");
            out.put("message", p.message());
        } else if (reply instanceof Reply.ShowForm s) {
            forms.open(person.userId(), s.form());
            out.put("kind", "form");
            out.put("form", s.form());
        } else if (reply instanceof Reply.FormErrors e) {
            forms.open(person.userId(), e.form());
            out.put("kind", "errors");
            out.put("form", e.form());
            out.put("errors", e.errors());
        } else if (reply instanceof Reply.FormAccepted a) {
            if (submittedForm != null) {
                forms.close(person.userId(), submittedForm);
            }
            out.put("kind", "accepted");
            out.put("message", a.confirmation());
        } else {
            out.put("kind", "none");
        }
        return out;
    }

    private static Map<String, Object> posted(Inboxes.Posted p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("at", p.at().toString());
        m.put("edited", p.edited());
        Message message = p.message();
        m.put("text", message.text());
        m.put("notes", message.notes());
        m.put("buttons", message.buttons());
        if (p.file() != null) {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("filename", p.file().filename());
            file.put("mimeType", p.file().mimeType());
            file.put("title", p.file().title());
            file.put("image", image(p.file()));
            file.put("size", p.file().bytes().length);
            m.put("file", file);
        }
        return m;
    }

    private WebSandbox.Person person(String userId) {
        if (userId == null || userId.isBlank()) {
            throw new BadRequestResponse("missing 'user' (the sandbox person you are playing)");
        }
        return directory
                .person(userId)
                .orElseThrow(() -> new BadRequestResponse("unknown sandbox person: " + userId));
    }

    private String visible(WebSandbox.Person person, String conversation) {
        if (!directory.conversationsOf(person).contains(conversation)) {
            throw new ForbiddenResponse(
                    person.userId() + " is not in conversation " + conversation);
        }
        return conversation;
    }

    private static Actor actor(WebSandbox.Person person) {
        return new Actor(
                Address.user(Platform.WEB, person.workspaceId(), person.userId()), person.admin());
    }

    private static String trigger() {
        return "web-" + UUID.randomUUID();
    }
}
