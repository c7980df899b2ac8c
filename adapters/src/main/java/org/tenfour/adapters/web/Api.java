package org.tenfour.adapters.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.sse.SseClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
import org.tenfour.adapters.Vocabulary;

/**
 * The sandbox's HTTP side: the page, the JSON API the page calls, and its live stream. Requests
 * name the person being played ({@code user}); the conversation must be one they are in.
 */
final class Api {
    private static final Logger log = LoggerFactory.getLogger(Api.class);

    /** {@code /tenfour …} or {@code /peer …}: the slash commands the sandbox stands in for. */
    private static final Pattern COMMAND =
            Pattern.compile(
                    "^/("
                            + Pattern.quote(Vocabulary.MAIN_COMMAND)
                            + "|"
                            + Pattern.quote(Vocabulary.TALK_COMMAND)
                            + ")(?:\\s+(.*))?$",
                    Pattern.DOTALL);

    private final SandboxPeople directory;
    private final Inboxes inboxes;
    private final Forms forms;
    private final Live live;
    private final InboundHandler inbound;
    private final WebSandbox.TimeControl time;
    private final List<String> suggestions;
    private final Clock clock;
    private final Pages pages = new Pages();

    Api(
            SandboxPeople directory,
            Inboxes inboxes,
            Forms forms,
            Live live,
            InboundHandler inbound,
            WebSandbox.TimeControl time,
            Vocabulary words,
            Clock clock) {
        this.clock = clock;
        this.suggestions = suggestions(words);
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
        ctx.json(
                new Views.DirectoryView(
                        directory.workspaces(),
                        directory.people(),
                        directory.channels(),
                        time.now().toString(),
                        suggestions));
    }

    private void conversations(Context ctx) {
        WebSandbox.Person person = person(ctx.queryParam("user"));
        List<Views.ConversationView> list =
                directory.conversationsOf(person).stream()
                        .map(
                                id ->
                                        new Views.ConversationView(
                                                id,
                                                directory.title(id),
                                                id.startsWith("dm-") ? "dm" : "channel",
                                                inboxes.messages(id, person.userId()).stream()
                                                        .map(Views.PostedView::of)
                                                        .toList()))
                        .toList();
        ctx.json(new Views.ConversationsView(time.now().toString(), list));
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
     * message.im} does. Plain text in a channel, or an unknown slash command, is a 400. What they
     * typed shows in the conversation, to them only, like the product's private answer.
     */
    private void command(Context ctx) {
        Requests.Command body = Requests.body(ctx, Requests.Command.class);
        WebSandbox.Person person = person(body.user());
        String conversation = visible(person, body.conversation());
        String text = body.text().strip();
        Address where = directory.addressOf(conversation).orElseThrow();
        boolean inDm = conversation.equals(SandboxPeople.dm(person.userId()));
        Matcher m = COMMAND.matcher(text);
        if (!text.startsWith("/") && inDm) {
            typed(person, conversation, text);
            Reply reply =
                    inbound.handle(new InboundEvent.DirectMessage(actor(person), text, where));
            ctx.json(render(person, conversation, reply, null));
            return;
        }
        if (!m.matches()) {
            throw new BadRequestResponse(
                    text.startsWith("/")
                            ? "unknown command: type /tenfour … or /peer"
                            : "in a channel, type a command: /tenfour … or /peer (write plain messages in your DM with TenFour)");
        }
        typed(person, conversation, text);
        String args =
                Mentions.normalise(
                        m.group(2) == null ? "" : m.group(2).strip(),
                        person.workspaceId(),
                        directory);
        Reply reply =
                inbound.handle(
                        new InboundEvent.Command(
                                actor(person), m.group(1), args, where, trigger()));
        ctx.json(render(person, conversation, reply, null));
    }

    private void typed(WebSandbox.Person person, String conversation, String text) {
        inboxes.appendPrivate(
                conversation,
                Inboxes.Author.PERSON,
                person.userId(),
                Message.text(text),
                clock.instant());
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
                        .filter(p -> p.visibleTo(person.userId()))
                        .map(Inboxes.Posted::file)
                        .orElseThrow(
                                () ->
                                        new NotFoundResponse(
                                                "no file " + messageId + " in " + conversation));
        ctx.contentType(file.mimeType());
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header(
                "Content-Disposition",
                (Views.image(file) ? "inline" : "attachment")
                        + "; filename=\""
                        + file.filename().replaceAll("[^A-Za-z0-9._-]", "_")
                        + "\"");
        ctx.result(file.bytes());
    }

    private static String required(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            throw new BadRequestResponse("missing query parameter '" + name + "'");
        }
        return value;
    }

    /** A pressed button, on a message everyone in the conversation sees or on a private reply. */
    private void button(Context ctx) {
        Requests.Press body = Requests.body(ctx, Requests.Press.class);
        WebSandbox.Person person = person(body.user());
        String conversation = visible(person, body.conversation());
        String messageId = body.messageId();
        Inboxes.Posted posted =
                inboxes.find(conversation, messageId)
                        .filter(p -> p.visibleTo(person.userId()))
                        .orElseThrow(
                                () ->
                                        new NotFoundResponse(
                                                "no message " + messageId + " in " + conversation));
        Optional<Button> pressed =
                posted.message().buttons().stream()
                        .filter(
                                b ->
                                        b.actionId().equals(body.actionId())
                                                && b.value().equals(body.value()))
                        .findFirst();
        if (pressed.isEmpty()) {
            ctx.json(
                    render(
                            person,
                            conversation,
                            // no domain here, so no known language: both of the members' languages
                            Reply.text(
                                    "That button is no longer there.\n"
                                            + "Ese botón ya no está disponible."),
                            null));
            return;
        }
        Reply reply =
                inbound.handle(
                        new InboundEvent.ButtonPressed(
                                actor(person),
                                body.actionId(),
                                body.value(),
                                directory.addressOf(conversation).orElseThrow(),
                                new Delivery(conversation, messageId),
                                trigger()));
        ctx.json(render(person, conversation, reply, null));
    }

    private void form(Context ctx) {
        Requests.Submission body = Requests.body(ctx, Requests.Submission.class);
        WebSandbox.Person person = person(body.user());
        String conversation =
                visible(person, body.conversationOr(SandboxPeople.dm(person.userId())));
        Form form =
                forms.find(person.userId(), body.formId())
                        .orElseThrow(
                                () ->
                                        new BadRequestResponse(
                                                "no form '"
                                                        + body.formId()
                                                        + "' is open for "
                                                        + person.userId()));
        Reply reply =
                inbound.handle(
                        new InboundEvent.FormSubmitted(
                                actor(person),
                                body.formId(),
                                Requests.values(body.values(), form),
                                form.context()));
        ctx.json(render(person, conversation, reply, body.formId()));
    }

    private void fastForward(Context ctx) {
        int days = Requests.body(ctx, Requests.FastForward.class).count();
        String now = time.advance(Duration.ofDays(days)).toString();
        log.info("sandbox time moved forward {} days", days);
        live.tellEveryone("time", now);
        ctx.json(new Views.TimeView(now));
    }

    /** A private reply is posted in the conversation for this person only, buttons and all. */
    private Views.ReplyView render(
            WebSandbox.Person person, String conversation, Reply reply, String submittedForm) {
        if (reply instanceof Reply.Private p) {
            return new Views.ReplyView(
                    "private", post(person, conversation, p.message()), null, null);
        } else if (reply instanceof Reply.ShowForm s) {
            forms.open(person.userId(), s.form());
            return new Views.ReplyView("form", null, s.form(), null);
        } else if (reply instanceof Reply.FormErrors e) {
            forms.open(person.userId(), e.form());
            return new Views.ReplyView("errors", null, e.form(), e.errors());
        } else if (reply instanceof Reply.FormAccepted a) {
            if (submittedForm != null) {
                forms.close(person.userId(), submittedForm);
            }
            return new Views.ReplyView(
                    "accepted",
                    a.confirmation() == null ? null : post(person, conversation, a.confirmation()),
                    null,
                    null);
        }
        return new Views.ReplyView("none", null, null, null);
    }

    private Views.PostedView post(WebSandbox.Person person, String conversation, Message message) {
        return Views.PostedView.of(
                inboxes.appendPrivate(
                        conversation,
                        Inboxes.Author.BOT,
                        person.userId(),
                        message,
                        clock.instant()));
    }

    /** {@code /tenfour help}, {@code /peer}, {@code /tenfour cadence} …: one per command word. */
    private static List<String> suggestions(Vocabulary words) {
        return words.words().stream()
                .map(
                        w ->
                                w.word().equals(words.talkWord())
                                        ? "/" + Vocabulary.TALK_COMMAND
                                        : "/" + Vocabulary.MAIN_COMMAND + " " + w.word())
                .toList();
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
