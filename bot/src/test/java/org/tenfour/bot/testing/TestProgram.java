package org.tenfour.bot.testing;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.tenfour.adapters.Actor;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.Delivery;
import org.tenfour.adapters.InboundEvent;
import org.tenfour.adapters.Platform;
import org.tenfour.adapters.Reply;
import org.tenfour.adapters.UserProfile;
import org.tenfour.adapters.testing.MutableClock;
import org.tenfour.bot.Program;
import org.tenfour.bot.agency.Platforms;
import org.tenfour.bot.checkin.CheckInJobs;
import org.tenfour.bot.inbound.Inbound;
import org.tenfour.bot.limits.CommandRate;
import org.tenfour.bot.log.PseudonymKeys;
import org.tenfour.bot.log.RetentionPolicy;
import org.tenfour.bot.oncall.IncidentCallOut;
import org.tenfour.bot.oncall.OnCallJobs;
import org.tenfour.bot.outbox.Concurrency;
import org.tenfour.bot.outbox.OutboxSender;
import org.tenfour.storage.Agencies;
import org.tenfour.storage.Agency;
import org.tenfour.storage.Member;
import org.tenfour.storage.Members;
import org.tenfour.storage.PeerOnboarding;
import org.tenfour.storage.Store;
import org.tenfour.storage.TestDatabase;

/**
 * The product's domain on a real test database, wired by the product's own {@link Program}, driven
 * with neutral events as any adapter would, delivering through the real outbox to a {@link
 * RecordingPlatform}. One Slack workspace per instance.
 */
public final class TestProgram {
    public static final String COORDINATOR_CHANNEL = "CCOORD";

    /** Per-agency pseudonym keys derived from a fixed test secret. */
    public static final PseudonymKeys KEYS =
            agencyId ->
                    Arrays.copyOf(("test-key-" + agencyId).getBytes(StandardCharsets.UTF_8), 48);

    public final Jdbi jdbi;

    /** The same database as the domain's code sees it. */
    public final Store store;

    public final MutableClock clock;
    public final RecordingPlatform platform = new RecordingPlatform(Platform.SLACK);
    public final Inbound inbound;
    public final OutboxSender sender;
    public final CheckInJobs jobs;
    public final Program program;
    public final OnCallJobs onCallJobs;
    public final IncidentCallOut callOuts;
    public final String workspace =
            "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    private int planRequests;

    /**
     * A program whose router remembers who is who, as in production: every write in a test goes
     * through a configured JDBI, which tells the cache at once (see {@code KnownCallers}).
     */
    public TestProgram(TestDatabase db, Instant start) {
        this(db, start, () -> true);
    }

    /**
     * A program whose router trusts its cache of who is who while {@code directoryWatched} says so.
     */
    public TestProgram(TestDatabase db, Instant start, BooleanSupplier directoryWatched) {
        this(db, start, directoryWatched, clock -> CommandRate.off());
    }

    /** A program whose router limits commands per person as {@code rate} says. */
    public TestProgram(TestDatabase db, Instant start, Function<Clock, CommandRate> rate) {
        this(db, start, () -> true, rate);
    }

    private TestProgram(
            TestDatabase db,
            Instant start,
            BooleanSupplier directoryWatched,
            Function<Clock, CommandRate> rate) {
        this.jdbi = db.jdbi();
        this.store = db.store();
        // the sender and the planner serve every agency in the database: start each test from none
        jdbi.useHandle(h -> h.execute("delete from agency"));
        this.clock = new MutableClock(start);
        Platforms platforms = new Platforms(Map.of(Platform.SLACK, platform));
        this.program =
                new Program(
                        store,
                        new Program.Options(
                                clock,
                                platforms,
                                KEYS,
                                RetentionPolicy.fixed(RetentionPolicy.DEFAULT),
                                3,
                                Runnable::run,
                                directoryWatched,
                                "test-sender",
                                false,
                                rate.apply(clock),
                                Concurrency.ONE_AT_A_TIME),
                        a -> planRequests++);
        this.jobs = program.checkIns();
        this.onCallJobs = program.onCall();
        this.callOuts = program.callOuts();
        this.inbound = program.inbound();
        this.sender = program.sender();
    }

    public Address user(String id) {
        return Address.user(Platform.SLACK, workspace, id);
    }

    /**
     * {@code /tenfour text} typed by {@code user} in {@code channel} (null: in their DM with the
     * bot).
     */
    public Reply tenfour(String user, String channel, String text) {
        Address where =
                channel == null ? user(user) : Address.channel(Platform.SLACK, workspace, channel);
        Reply reply =
                PayloadChecks.checked(
                        inbound.handle(
                                new InboundEvent.Command(
                                        new Actor(user(user), false),
                                        "tenfour",
                                        text,
                                        where,
                                        "trigger-1")));
        if (onboardPeers && text.strip().startsWith("peers add")) {
            onboarded();
        }
        return reply;
    }

    /**
     * Whether peers added by {@code peers add} have read and acknowledged the policy at once, as
     * the peers of most tests have ({@code OnboardingTest} turns it off).
     */
    public boolean onboardPeers = true;

    /** Every peer of the agency still onboarding acknowledges the policy (as by its button). */
    public void onboarded() {
        jdbi.useHandle(
                h -> {
                    PeerOnboarding onboarding = h.attach(PeerOnboarding.class);
                    for (UUID id : onboarding.pending(agency().id())) {
                        onboarding.acknowledge(agency().id(), id, LocalDate.now(clock));
                    }
                });
    }

    /** A coordinator command in the coordinator channel. */
    public Reply coordinator(String user, String text) {
        return tenfour(user, COORDINATOR_CHANNEL, text);
    }

    /** A form submitted by {@code user}. */
    public Reply submit(
            String user, String formId, Map<String, List<String>> values, String context) {
        return PayloadChecks.checked(
                inbound.handle(
                        new InboundEvent.FormSubmitted(
                                new Actor(user(user), false), formId, values, context)));
    }

    /** A button pressed by {@code user} on a message they received. */
    public Reply press(String user, RecordingPlatform.Sent message, String actionId) {
        String value =
                message.message().buttons().stream()
                        .filter(b -> b.actionId().equals(actionId))
                        .findFirst()
                        .orElseThrow()
                        .value();
        return PayloadChecks.checked(
                inbound.handle(
                        new InboundEvent.ButtonPressed(
                                new Actor(user(user), false),
                                actionId,
                                value,
                                message.to(),
                                message.delivery(),
                                null)));
    }

    /** The latest message to {@code user} that carries a button with {@code actionId}. */
    public RecordingPlatform.Sent lastWithButton(String user, String actionId) {
        List<RecordingPlatform.Sent> all =
                platform.to(user).stream()
                        .filter(
                                s ->
                                        s.message().buttons().stream()
                                                .anyMatch(b -> b.actionId().equals(actionId)))
                        .toList();
        if (all.isEmpty()) {
            throw new AssertionError(
                    "no message to " + user + " with " + actionId + "; sent: " + platform.sent());
        }
        return all.get(all.size() - 1);
    }

    /** Sets up the program: an admin makes the coordinator channel. */
    public void setUp(String adminUser) {
        platform.profile(adminUser, new UserProfile("Admin", "America/Chicago", true));
        tenfour(adminUser, COORDINATOR_CHANNEL, "setup");
    }

    /** Delivers everything due now; returns how many rows were handled. */
    public int deliver() {
        int total = 0;
        int n;
        while ((n = sender.runOnce()) > 0) {
            total += n;
        }
        return total;
    }

    public Agency agency() {
        return jdbi.onDemand(Agencies.class).findByWorkspace("slack", workspace).orElseThrow();
    }

    public Member member(String user) {
        return jdbi.onDemand(Members.class).findByPlatformUser(agency().id(), user).orElseThrow();
    }

    public int planRequests() {
        return planRequests;
    }

    public Delivery lastDelivery() {
        List<RecordingPlatform.Sent> all = platform.sent();
        return all.get(all.size() - 1).delivery();
    }
}
