package org.tenfour.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.tenfour.adapters.slack.FakeSlackApi;
import org.tenfour.adapters.slack.SlackRequests;
import org.tenfour.storage.EmbeddedDatabase;
import org.tenfour.storage.SecretCipher;
import org.tenfour.storage.SlackInstallationRecord;
import org.tenfour.storage.SlackInstallationRepository;

/**
 * A statewide network on one database: {@code AGENCIES} Slack workspaces of {@code MEMBERS} roster
 * members each, {@code UNREAD} of them with their profile never read (50, the most one pass reads
 * for an agency: as on the first pass), planned by {@code REPLICAS} bot processes (each its own
 * JVM, clustered Quartz on the one PostgreSQL) against a fake Slack that answers every call after
 * {@code latencyMs}. Times the planning pass (bot start to every check-in planned) and the first
 * round of check-ins for {@code roundSeconds} (its rate, and how long the whole round takes at that
 * rate); meanwhile probes {@code /readyz} and the Slack ack path (a signed {@code /tenfour help})
 * at 10 requests a second each, open loop, and reports their p99; samples the proportional set size
 * of the bots and of PostgreSQL.
 *
 * <p>Usage: {@code bench/run.sh statewide [agencies=1000] [members=1000] [latencyMs=150]
 * [replicas=1] [roundSeconds=60] [unread=50]}; {@code BOT_JAVA_OPTS} are passed to the bots' JVMs.
 */
public final class StatewideBench {
    private static final Pattern PLANNED =
            Pattern.compile("planned (\\d+) check-ins \\(shard (\\d+) of");

    public static void main(String[] args) throws Exception {
        int agencies = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int members = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        Duration latency = Duration.ofMillis(args.length > 2 ? Long.parseLong(args[2]) : 150);
        int replicas = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        int roundSeconds = args.length > 4 ? Integer.parseInt(args[4]) : 60;
        int unread = args.length > 5 ? Integer.parseInt(args[5]) : 50;
        long expected = (long) agencies * members;
        System.err.printf(
                "statewide bench: %s agencies=%d members=%d (%d in all) latency=%dms replicas=%d%n",
                Bench.machine(), agencies, members, expected, latency.toMillis(), replicas);
        EmbeddedDatabase pg = Bench.database();
        Jdbi jdbi = Bench.jdbi(pg);
        byte[] master = new byte[32];
        new SecureRandom().nextBytes(master);
        SecretCipher cipher = SecretCipher.fromMasterKey(master);
        long seedStart = System.nanoTime();
        seed(jdbi, cipher, agencies, members, unread);
        System.err.printf("seeded in %.0f s%n", (System.nanoTime() - seedStart) / 1e9);
        try (FakeSlackApi slack = new FakeSlackApi()) {
            slack.limits(1, 3_000);
            slack.latency(latency);
            List<Process> bots = new ArrayList<>();
            List<Path> logs = new ArrayList<>();
            List<String> bases = new ArrayList<>();
            long start = System.nanoTime();
            try {
                for (int r = 0; r < replicas; r++) {
                    int port = Bench.freePort();
                    Path dir = Files.createTempDirectory("tenfour-bench-bot");
                    Map<String, String> env = new HashMap<>();
                    env.put("DATABASE_URL", pg.jdbcUrl());
                    env.put("DATABASE_USER", "postgres");
                    env.put("PORT", String.valueOf(port));
                    env.put("SLACK_SIGNING_SECRET", SlackRequests.SECRET);
                    env.put("SLACK_CLIENT_ID", "1234.5678");
                    env.put("SLACK_CLIENT_SECRET", "bench-client-secret");
                    env.put("SLACK_API_URL", slack.apiUrl());
                    env.put("TENFOUR_SECRET_KEY", Base64.getEncoder().encodeToString(master));
                    env.put("TENFOUR_DATA_DIR", dir.toString());
                    env.put("TENFOUR_INSTANCE_ID", "bench-" + (r + 1));
                    env.put("TENFOUR_MANAGEMENT_ADDRESS", "127.0.0.1:0");
                    env.put("TENFOUR_COMMAND_RATE", "0");
                    logs.add(dir.resolve("bot.log"));
                    bots.add(Bench.bot(env, logs.get(r)));
                    bases.add("http://127.0.0.1:" + port);
                }
                for (int r = 0; r < replicas; r++) {
                    Bench.awaitReady(bases.get(r), bots.get(r));
                }
                System.err.printf(
                        "ready in %.1f s (planning starts with the scheduler)%n",
                        (System.nanoTime() - start) / 1e9);
                Probe readyz = new Probe();
                Probe ack = new Probe();
                AtomicBoolean probing = new AtomicBoolean(true);
                String command =
                        SlackRequests.command("T0001", "/tenfour", "help")
                                .replace("U0PAT", "U0000001");
                Thread probes =
                        new Thread(
                                () -> {
                                    long interval = TimeUnit.MILLISECONDS.toNanos(100);
                                    long t0 = System.nanoTime();
                                    for (long i = 0; probing.get(); i++) {
                                        long due = t0 + i * interval;
                                        long wait = due - System.nanoTime();
                                        if (wait > 0) {
                                            try {
                                                TimeUnit.NANOSECONDS.sleep(wait);
                                            } catch (InterruptedException e) {
                                                return;
                                            }
                                        }
                                        String base = bases.get((int) (i % bases.size()));
                                        readyz.send(
                                                HttpRequest.newBuilder(URI.create(base + "/readyz"))
                                                        .build(),
                                                due);
                                        ack.send(
                                                AckBench.request(base + "/slack/events", command),
                                                due);
                                    }
                                },
                                "probes");
                probes.start();
                long maxBots = 0;
                long maxPg = 0;
                long planned = 0;
                long deadline = start + Duration.ofMinutes(60).toNanos();
                while (System.nanoTime() < deadline) {
                    Thread.sleep(1000);
                    long botsNow = bots.stream().mapToLong(p -> Bench.pssMb(p.pid())).sum();
                    long pgNow = Bench.postgresPssMb(Bench.lastDatabaseDir);
                    if (botsNow + pgNow > maxBots + maxPg) {
                        maxBots = botsNow;
                        maxPg = pgNow;
                    }
                    planned = count(jdbi, "select count(*) from check_in");
                    if (planned >= expected) {
                        break;
                    }
                }
                long planDone = System.nanoTime();
                probing.set(false);
                probes.join();
                System.err.printf(
                        "planning pass: %d of %d check-ins in %.1f s from the bots' start (%.0f a"
                                + " second); profile reads %d (%.0f a second)%n",
                        planned,
                        expected,
                        (planDone - start) / 1e9,
                        planned / ((planDone - start) / 1e9),
                        slack.calls("users.info").size(),
                        slack.calls("users.info").size() / ((planDone - start) / 1e9));
                System.err.println("  during planning: /readyz " + readyz.summary());
                System.err.println("  during planning: ack (/tenfour help) " + ack.summary());
                System.err.println(
                        "  PSS max during planning: bots "
                                + maxBots
                                + " MB + PostgreSQL "
                                + maxPg
                                + " MB = "
                                + (maxBots + maxPg)
                                + " MB");
                for (int r = 0; r < replicas; r++) {
                    System.err.println("  replica " + (r + 1) + ": " + shards(logs.get(r)));
                }
                long sentAtPlan = count(jdbi, "select count(*) from outbox where state = 'sent'");
                Thread.sleep(TimeUnit.SECONDS.toMillis(roundSeconds));
                long sent = count(jdbi, "select count(*) from outbox where state = 'sent'");
                double rate = (sent - sentAtPlan) / (double) roundSeconds;
                System.err.printf(
                        "first round: %d sent by the end of planning, %d in the %d s after (%.1f a"
                                + " second); at that rate the round of %d takes %.0f min%n",
                        sentAtPlan,
                        sent - sentAtPlan,
                        roundSeconds,
                        rate,
                        expected,
                        rate <= 0 ? Double.NaN : expected / rate / 60);
            } finally {
                for (Process bot : bots) {
                    bot.destroy();
                }
                for (Process bot : bots) {
                    bot.waitFor();
                }
            }
        } finally {
            pg.close();
        }
    }

    /** Agencies T0001 … with a coordinator, MEMBERS roster members, cadence weekly, installed. */
    private static void seed(
            Jdbi jdbi, SecretCipher cipher, int agencies, int members, int unread) {
        jdbi.useHandle(
                h -> {
                    h.createUpdate(
                                    """
                    insert into agency (platform, workspace_id, name, time_zone, coordinator_channel_id, settings)
                    select 'slack', 'T' || lpad(n::text, 4, '0'), 'Agency ' || n, 'UTC', 'C0COORD', cast(:settings as jsonb)
                    from generate_series(1, :n) n""")
                            .bind("settings", Bench.settings(7))
                            .bind("n", agencies)
                            .execute();
                    h.execute(
                            """
                    insert into member (agency_id, platform_user_id, display_name, time_zone, is_coordinator, on_roster)
                    select id, 'U0COORD', 'Coordinator', 'UTC', true, false from agency""");
                    // one agency at a time: no statement of a million rows
                    for (UUID agency :
                            h.createQuery("select id from agency").mapTo(UUID.class).list()) {
                        h.createUpdate(
                                        """
                    insert into member (agency_id, platform_user_id, display_name, time_zone)
                    select :agency, 'U' || lpad(n::text, 7, '0'), 'Member ' || n, 'UTC' from generate_series(1, :n) n""")
                                .bind("agency", agency)
                                .bind("n", members)
                                .execute();
                    }
                    // the first UNREAD members of each agency have never had their profile read
                    h.createUpdate(
                                    "update member set profile_checked_at = now() where platform_user_id > :last")
                            .bind("last", String.format("U%07d", unread))
                            .execute();
                    h.execute("analyze");
                });
        SlackInstallationRepository installs = new SlackInstallationRepository(jdbi, cipher);
        for (Map<String, Object> row :
                jdbi.withHandle(
                        h ->
                                h.createQuery("select id, workspace_id from agency")
                                        .mapToMap()
                                        .list())) {
            String ws = (String) row.get("workspace_id");
            installs.save(
                    new SlackInstallationRecord(
                            (UUID) row.get("id"),
                            ws,
                            ws,
                            "UBOT",
                            "xoxb-" + ws,
                            "chat:write",
                            null,
                            Instant.now()));
        }
    }

    private static long count(Jdbi jdbi, String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    /** What the replica's log says it planned, per shard. */
    private static String shards(Path log) throws Exception {
        Map<String, Long> perShard = new java.util.TreeMap<>();
        for (String line : Files.readAllLines(log)) {
            Matcher m = PLANNED.matcher(line);
            if (m.find()) {
                perShard.merge("shard " + m.group(2), Long.parseLong(m.group(1)), Long::sum);
            }
        }
        return perShard.isEmpty() ? "planned nothing" : "planned " + perShard;
    }

    /** Open-loop latencies of one kind of request, from when each was due. */
    private static final class Probe {
        private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<Integer> failures = new ConcurrentLinkedQueue<>();
        private final List<CompletableFuture<?>> inFlight = new ArrayList<>();

        void send(HttpRequest request, long due) {
            inFlight.add(
                    Bench.HTTP
                            .sendAsync(request, HttpResponse.BodyHandlers.discarding())
                            .whenComplete(
                                    (r, e) -> {
                                        if (e != null || r.statusCode() != 200) {
                                            failures.add(e != null ? -1 : r.statusCode());
                                        } else {
                                            latencies.add(System.nanoTime() - due);
                                        }
                                    }));
        }

        String summary() throws Exception {
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                    .exceptionally(e -> null)
                    .get(120, TimeUnit.SECONDS);
            List<Long> l = new ArrayList<>(latencies);
            if (l.isEmpty()) {
                return "no answers; failures " + failures;
            }
            return String.format(
                    "n=%d p50 %.1f ms, p99 %.1f ms, max %.1f ms; not 200: %d",
                    l.size(),
                    Bench.percentile(l, 50),
                    Bench.percentile(l, 99),
                    Bench.percentile(l, 100),
                    failures.size());
        }
    }
}
