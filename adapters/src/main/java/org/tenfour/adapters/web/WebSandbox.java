package org.tenfour.adapters.web;

import io.javalin.config.RoutesConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.tenfour.adapters.ChatPlatform;
import org.tenfour.adapters.InboundHandler;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Vocabulary;

/**
 * The browser sandbox's adapter: a fake chat platform (people, channels and their inboxes, in
 * memory) plus the page and JSON API at {@code /sandbox} through which a person in a browser plays
 * any of the seeded people.
 *
 * <pre>{@code
 * WebSandbox sandbox = new WebSandbox(workspaces, people, channels, inbound, clock, timeControl,
 *         words, dataDir.resolve("sandbox-conversations.json"));
 * sandbox.guide(userId, "Try /peer"); // a first hint in that person's DM, once
 * platforms.put(Platform.WEB, sandbox.platform());
 * Javalin.create(config -> sandbox.routes().accept(config.routes));
 * }</pre>
 */
public final class WebSandbox implements AutoCloseable {

    /** A sandbox "workspace": one demo agency. */
    public record Workspace(String workspaceId, String name) {
        public Workspace {
            requireText(workspaceId, "workspaceId");
            requireText(name, "name");
        }
    }

    /**
     * A person of the fake chat platform.
     *
     * @param userId the platform user id, unique across the sandbox (letters and digits)
     * @param handle what people type after {@code @} to mention them
     * @param role a label for the identity picker ({@code coordinator}, {@code peer}, {@code
     *     member}); the product's real roles come from its own data
     * @param admin whether the platform reports them as a workspace admin
     */
    public record Person(
            String userId,
            String workspaceId,
            String displayName,
            String handle,
            String timeZone,
            boolean admin,
            String role) {
        public Person {
            requireId(userId, "userId");
            requireText(workspaceId, "workspaceId");
            requireText(displayName, "displayName");
            requireText(handle, "handle");
            requireText(timeZone, "timeZone");
            requireText(role, "role");
        }
    }

    /** A channel of the fake chat platform and the people in it. */
    public record Channel(
            String channelId, String workspaceId, String name, List<String> memberIds) {
        public Channel {
            requireId(channelId, "channelId");
            requireText(workspaceId, "workspaceId");
            requireText(name, "name");
            memberIds = List.copyOf(Objects.requireNonNull(memberIds, "null memberIds"));
        }
    }

    /** The sandbox-only time control: the clock the whole application runs on, and fast-forward. */
    public interface TimeControl {
        /** The application's current time. */
        Instant now();

        /** Moves time forward by {@code by}, runs what became due, and returns the new time. */
        Instant advance(Duration by);
    }

    private final SandboxPeople directory;
    private final Live live;
    private final Inboxes inboxes;
    private final WebPlatform platform;
    private final Api api;
    private final Clock clock;

    /**
     * @param inbound receives what people type, press and submit, like any platform's events
     * @param clock stamps messages (the application's clock, so fast-forward shows)
     * @param time the fast-forward control
     * @param words the product's command words (which slash commands exist; the page's suggestions)
     * @param conversations the file the fake platform keeps its conversations in between runs; null
     *     to keep them in memory only
     */
    public WebSandbox(
            List<Workspace> workspaces,
            List<Person> people,
            List<Channel> channels,
            InboundHandler inbound,
            Clock clock,
            TimeControl time,
            Vocabulary words,
            Path conversations) {
        Objects.requireNonNull(inbound, "null inbound");
        this.clock = Objects.requireNonNull(clock, "null clock");
        Objects.requireNonNull(time, "null time");
        Objects.requireNonNull(words, "null words");
        this.directory = new SandboxPeople(workspaces, people, channels);
        this.live = new Live();
        this.inboxes =
                new Inboxes(
                        posted ->
                                live.tell(
                                        posted.onlyFor() == null
                                                ? directory.audience(posted.conversationId())
                                                : List.of(posted.onlyFor()),
                                        "message",
                                        posted.conversationId()),
                        conversations);
        Forms forms = new Forms();
        this.platform = new WebPlatform(directory, inboxes, forms, live, clock);
        this.api = new Api(directory, inboxes, forms, live, inbound, time, words, clock);
    }

    /**
     * Posts {@code text} from the sandbox guide into the person's DM with TenFour, unless a guide
     * message is there already (so restarts add none).
     */
    public void guide(String userId, String text) {
        Person person =
                directory
                        .person(userId)
                        .orElseThrow(() -> new IllegalArgumentException("no person " + userId));
        String dm = SandboxPeople.dm(person.userId());
        if (inboxes.messages(dm).stream().noneMatch(p -> p.author() == Inboxes.Author.GUIDE)) {
            inboxes.appendPrivate(
                    dm, Inboxes.Author.GUIDE, person.userId(), Message.text(text), clock.instant());
        }
    }

    /** The outbound side, for the outbox. */
    public ChatPlatform platform() {
        return platform;
    }

    /**
     * Mounts {@code /sandbox} (the page) and {@code /sandbox/api/*} (JSON and the live stream),
     * behind the {@link SandboxGuard} (headers, JSON only, same origin).
     */
    public Consumer<RoutesConfig> routes() {
        return routes(false);
    }

    /**
     * The same routes; with {@code loopbackOnly} (Slack or Teams configured next to the sandbox)
     * they answer only requests from this machine.
     */
    public Consumer<RoutesConfig> routes(boolean loopbackOnly) {
        SandboxGuard guard = new SandboxGuard(loopbackOnly);
        return routes -> {
            guard.mount(routes);
            api.mount(routes);
        };
    }

    /** Ends every live stream (before the HTTP server drains its requests on stop). */
    public void disconnect() {
        live.closeAll();
    }

    @Override
    public void close() {
        live.close();
    }

    static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("blank " + name + ": '" + value + "'");
        }
    }

    private static void requireId(String value, String name) {
        requireText(value, name);
        if (!value.matches("[A-Za-z0-9]+")) {
            throw new IllegalArgumentException(
                    name + " must be letters and digits: '" + value + "'");
        }
    }
}
