package org.tenfour.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.tenfour.adapters.slack.FakeSlackApi;
import org.tenfour.adapters.slack.Payloads;
import org.tenfour.adapters.slack.SlackRequests;

/**
 * A realistic mix of what people send a workspace, a quarter each, in turn: a member's answer to
 * their check-in (the button: the answer written, the message's update queued, an ephemeral
 * thanks), a member's {@code /peer} (the modal opened with {@code views.open} before the ack, as
 * the trigger id is valid for three seconds only), a coordinator's {@code /tenfour status}, and a
 * coordinator's {@code /tenfour roster add} of someone new. Every check-in is answered once and
 * every person added is new, so each answer and each addition is a real write.
 */
final class AckMix {
    /** Roster members seeded, each with one check-in sent and waiting for an answer. */
    static final int MEMBERS = 20_000;

    /** What one request of the mix is. */
    enum Kind {
        CHECK_IN("check-in answer (button)"),
        PEER("/peer (modal opened)"),
        STATUS("status"),
        ROSTER_ADD("roster add");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /**
     * The kinds in the mix: all four, or those named in {@code ACK_MIX_KINDS} (comma-separated, for
     * finding which kind costs what).
     */
    static final List<Kind> KINDS =
            System.getenv("ACK_MIX_KINDS") == null
                    ? List.of(Kind.values())
                    : java.util.Arrays.stream(System.getenv("ACK_MIX_KINDS").split(","))
                            .map(String::trim)
                            .map(Kind::valueOf)
                            .toList();

    private final String team;
    private final List<String[]> checkIns; // {user, check-in id}
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger answers = new AtomicInteger();
    private final AtomicInteger peers = new AtomicInteger();
    private final AtomicInteger added = new AtomicInteger();
    private final Map<Kind, AtomicLong> failed = new EnumMap<>(Kind.class);

    private final Jdbi jdbi;

    /** Outbox rows not sent yet (the messages the mix queued, waiting for the sender). */
    long pendingOutbox() {
        return jdbi.withHandle(
                h ->
                        h.createQuery("select count(*) from outbox where state = 'pending'")
                                .mapTo(Long.class)
                                .one());
    }

    private AckMix(Jdbi jdbi, String team, List<String[]> checkIns) {
        this.jdbi = jdbi;
        this.team = team;
        this.checkIns = checkIns;
        for (Kind k : Kind.values()) {
            failed.put(k, new AtomicLong());
        }
    }

    static String describe() {
        return "in turn, "
                + String.join(", ", KINDS.stream().map(Kind::label).toList())
                + "; "
                + MEMBERS
                + " members with a check-in waiting";
    }

    /** An agency {@code team} of {@code members} members, each sent a check-in. */
    static AckMix seed(Jdbi jdbi, String team, int members) {
        UUID agency = Bench.agency(jdbi, team, members, null);
        List<String[]> checkIns =
                jdbi.withHandle(
                        h -> {
                            h.createUpdate(
                                            """
                    insert into check_in (agency_id, member_id, kind, slot_key, due_at, state, sent_at)
                    select agency_id, id, 'cadence', 'bench:' || id, now(), 'sent', now()
                    from member where agency_id = :agency and not is_coordinator""")
                                    .bind("agency", agency)
                                    .execute();
                            h.execute("analyze");
                            return h.createQuery(
                                            """
                    select m.platform_user_id, c.id::text from check_in c
                    join member m on m.agency_id = c.agency_id and m.id = c.member_id
                    where c.agency_id = :agency order by m.platform_user_id""")
                                    .bind("agency", agency)
                                    .map(
                                            (rs, ctx) ->
                                                    new String[] {rs.getString(1), rs.getString(2)})
                                    .list();
                        });
        return new AckMix(jdbi, team, checkIns);
    }

    /** The next request's kind and body. */
    private Object[] next() {
        int i = next.getAndIncrement();
        Kind kind = KINDS.get(i % KINDS.size());
        String body =
                switch (kind) {
                    case CHECK_IN -> {
                        // never the same check-in twice (wraps only past MEMBERS answers)
                        String[] c = checkIns.get(answers.getAndIncrement() % checkIns.size());
                        yield SlackRequests.interactive(
                                Payloads.blockAction(team, "checkin.ok", c[1])
                                        .replace("U0PAT", c[0])
                                        .replace("D0DM", dm(c[0])));
                    }
                    case PEER -> {
                        String user = checkIns.get(peers.getAndIncrement() % checkIns.size())[0];
                        yield member(SlackRequests.command(team, "/peer", ""), user);
                    }
                    case STATUS ->
                            SlackRequests.command(team, "/tenfour", "status")
                                    .replace("U0PAT", "U0COORD");
                    case ROSTER_ADD ->
                            SlackRequests.command(
                                            team,
                                            "/tenfour",
                                            "roster add <@UNEW" + added.incrementAndGet() + ">")
                                    .replace("U0PAT", "U0COORD");
                };
        return new Object[] {kind, body};
    }

    /** A member's own command: from their DM with the bot, not the coordinators' channel. */
    private static String member(String commandBody, String user) {
        return commandBody.replace("U0PAT", user).replace("C0COORD", dm(user));
    }

    /** Each member's own DM with the bot, as in Slack: one conversation per person. */
    private static String dm(String user) {
        return "D" + user;
    }

    private void count(Kind kind, HttpResponse<String> r, Throwable e) {
        if (e != null || r.statusCode() != 200) {
            failed.get(kind).incrementAndGet();
        }
    }

    /** Forgets the failures counted so far (those of the warm-up). */
    void resetFailures() {
        failed.values().forEach(f -> f.set(0));
    }

    /** Requests per second of the mix with {@code clients} threads back to back. */
    double closedLoop(String url, int clients, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long start = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            pool.execute(
                    () -> {
                        while (System.nanoTime() < end) {
                            Object[] n = next();
                            try {
                                HttpResponse<String> r =
                                        Bench.HTTP.send(
                                                AckBench.request(url, (String) n[1]),
                                                HttpResponse.BodyHandlers.ofString());
                                count((Kind) n[0], r, null);
                                if (r.statusCode() == 200) {
                                    done.incrementAndGet();
                                }
                            } catch (Exception e) {
                                count((Kind) n[0], null, e);
                            }
                        }
                    });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    /** Latencies by kind of requests started at {@code rate} a second (open loop). */
    Map<Kind, List<Long>> openLoop(String url, int rate, int seconds) throws Exception {
        Map<Kind, ConcurrentLinkedQueue<Long>> latencies = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            latencies.put(k, new ConcurrentLinkedQueue<>());
        }
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        long total = (long) rate * seconds;
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            Object[] n = next();
            Kind kind = (Kind) n[0];
            inFlight.add(
                    Bench.HTTP
                            .sendAsync(
                                    AckBench.request(url, (String) n[1]),
                                    HttpResponse.BodyHandlers.ofString())
                            .whenComplete(
                                    (r, e) -> {
                                        count(kind, r, e);
                                        if (e == null && r.statusCode() == 200) {
                                            latencies.get(kind).add(System.nanoTime() - due);
                                        }
                                    }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                .exceptionally(e -> null)
                .get(120, TimeUnit.SECONDS);
        Map<Kind, List<Long>> result = new EnumMap<>(Kind.class);
        latencies.forEach((k, v) -> result.put(k, new ArrayList<>(v)));
        return result;
    }

    /** That every request did what it says: answers written, people added, modals opened. */
    void check(Jdbi jdbi, FakeSlackApi slack) {
        long answered =
                jdbi.withHandle(
                        h ->
                                h.createQuery(
                                                "select count(*) from check_in where state = 'answered'")
                                        .mapTo(Long.class)
                                        .one());
        long newMembers =
                jdbi.withHandle(
                        h ->
                                h.createQuery(
                                                "select count(*) from member where platform_user_id like 'UNEW%'")
                                        .mapTo(Long.class)
                                        .one());
        System.err.printf(
                "mix checked: %d check-ins answered of %d presses (%d members), %d people added of"
                        + " %d, %d modals opened (views.open) of %d /peer; not 200 by kind %s%n",
                answered,
                answers.get(),
                checkIns.size(),
                newMembers,
                added.get(),
                slack.calls("views.open").size(),
                peers.get(),
                failed);
    }
}
