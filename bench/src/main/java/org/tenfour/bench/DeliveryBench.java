package org.tenfour.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.tenfour.adapters.slack.FakeSlackApi;
import org.tenfour.adapters.slack.SlackRequests;
import org.tenfour.storage.EmbeddedDatabase;

/**
 * Delivery under Slack's pacing at real latency, and the footprint: {@code MEMBERS} check-in DMs
 * through a fake Slack that answers after {@code latencyMs} and allows 1 message per second per
 * channel and {@code CAP} messages per minute per workspace (429 + Retry-After beyond). The bot
 * runs as its own JVM; the proportional set size (PSS) of the bot and of every process of the
 * embedded PostgreSQL is read idle (10 s after ready) and sampled every second while it delivers.
 *
 * <p>Usage: {@code bench/run.sh delivery [members=10000] [capPerMinute=3000] [latencyMs=150]};
 * {@code BOT_JAVA_OPTS} are passed to the bot's JVM (e.g. {@code -Xmx256m}).
 */
public final class DeliveryBench {
    public static void main(String[] args) throws Exception {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int cap = args.length > 1 ? Integer.parseInt(args[1]) : 3_000;
        Duration latency = Duration.ofMillis(args.length > 2 ? Long.parseLong(args[2]) : 150);
        System.err.println(
                "delivery bench: "
                        + Bench.machine()
                        + " members="
                        + members
                        + " cap="
                        + cap
                        + "/min latency="
                        + latency.toMillis()
                        + "ms");
        EmbeddedDatabase pg = Bench.database();
        Jdbi jdbi = Bench.jdbi(pg);
        Bench.agency(jdbi, "T111", members, null);
        FakeSlackApi slack = new FakeSlackApi();
        slack.limits(1, cap);
        slack.latency(latency);
        int port = Bench.freePort();
        Path dir = Files.createTempDirectory("tenfour-bench-bot");
        Process bot =
                Bench.bot(
                        Map.of(
                                "DATABASE_URL",
                                pg.jdbcUrl(),
                                "DATABASE_USER",
                                "postgres",
                                "PORT",
                                String.valueOf(port),
                                "SLACK_SIGNING_SECRET",
                                SlackRequests.SECRET,
                                "SLACK_BOT_TOKEN",
                                "xoxb-bench",
                                "SLACK_API_URL",
                                slack.apiUrl(),
                                "TENFOUR_DATA_DIR",
                                dir.toString(),
                                "TENFOUR_INSTANCE_ID",
                                "bench",
                                "TENFOUR_MANAGEMENT_ADDRESS",
                                "127.0.0.1:0"),
                        dir.resolve("bot.log"));
        try {
            String base = "http://127.0.0.1:" + port;
            Bench.awaitReady(base, bot);
            Thread.sleep(10_000);
            long botIdle = Bench.pssMb(bot.pid());
            long pgIdle = Bench.postgresPssMb(Bench.lastDatabaseDir);
            System.err.println(
                    "PSS idle (10 s after ready, "
                            + members
                            + " members on the roster): bot "
                            + botIdle
                            + " MB + PostgreSQL "
                            + pgIdle
                            + " MB = "
                            + (botIdle + pgIdle)
                            + " MB (bot RSS "
                            + Bench.rssMb(bot.pid())
                            + " MB)");
            long start = System.nanoTime();
            var reply =
                    new SlackRequests(base)
                            .signed(
                                    SlackRequests.FORM,
                                    SlackRequests.command("T111", "/tenfour", "cadence weekly")
                                            .replace("U0PAT", "U0COORD"));
            System.err.println("cadence command: " + reply.statusCode());
            long maxRss = 0;
            long maxBot = 0;
            long maxPg = 0;
            long deadline = start + Duration.ofMinutes(60).toNanos();
            while (System.nanoTime() < deadline) {
                Thread.sleep(1000);
                long botNow = Bench.pssMb(bot.pid());
                long pgNow = Bench.postgresPssMb(Bench.lastDatabaseDir);
                if (botNow + pgNow > maxRss) {
                    maxRss = botNow + pgNow;
                    maxBot = botNow;
                    maxPg = pgNow;
                }
                int left =
                        jdbi.withHandle(
                                h ->
                                        h.createQuery(
                                                        "select count(*) from outbox where state <> 'sent' or (select count(*) from check_in) < :n")
                                                .bind("n", members)
                                                .mapTo(Integer.class)
                                                .one());
                if (left == 0) {
                    break;
                }
            }
            var posted = slack.posted();
            // keys are keyed hashes: the check-ins' own keys come from their outbox rows
            Set<String> checkInKeys =
                    jdbi.withHandle(
                            h ->
                                    h.createQuery(
                                                    "select idempotency_key from outbox where kind = 'check_in'")
                                            .mapTo(String.class)
                                            .set());
            Map<String, Long> perKey =
                    posted.stream()
                            .filter(p -> p.key() != null && checkInKeys.contains(p.key()))
                            .collect(
                                    Collectors.groupingBy(
                                            FakeSlackApi.Posted::key, Collectors.counting()));
            long first =
                    posted.stream().mapToLong(FakeSlackApi.Posted::atNanos).min().orElse(start);
            long last = posted.stream().mapToLong(FakeSlackApi.Posted::atNanos).max().orElse(start);
            double seconds = (last - first) / 1e9;
            double allowed = cap / 60.0;
            int calls = slack.calls("chat.postMessage").size();
            int limited = slack.limited().size();
            long planned =
                    jdbi.withHandle(
                            h ->
                                    h.createQuery("select count(*) from check_in")
                                            .mapTo(Long.class)
                                            .one());
            System.err.printf(
                    "planned %d check-ins; delivered %d distinct, lost %d, doubled %d%n",
                    planned,
                    perKey.size(),
                    members - perKey.size(),
                    perKey.values().stream().filter(n -> n > 1).count());
            // the limit is a sliding minute: the best possible schedule sends CAP at once, then
            // CAP/60 per second
            double best = Math.max(0, (posted.size() - cap) / allowed);
            long steadyFrom = first + 60_000_000_000L;
            long steady = posted.stream().filter(p -> p.atNanos() >= steadyFrom).count();
            double steadyRate = steady / Math.max((last - steadyFrom) / 1e9, 1e-9);
            System.err.printf(
                    "delivered in %.0f s; best possible under the limit %.0f s (%.1f%%); after the first minute "
                            + "%.1f msg/s vs allowed %.1f msg/s = %.1f%%; 429s %d of %d calls = %.2f%%%n",
                    seconds,
                    best,
                    100 * best / seconds,
                    steadyRate,
                    allowed,
                    100 * steadyRate / allowed,
                    limited,
                    calls,
                    100.0 * limited / calls);
            System.err.println(
                    "PSS max while delivering: bot "
                            + maxBot
                            + " MB + PostgreSQL "
                            + maxPg
                            + " MB = "
                            + maxRss
                            + " MB");
        } finally {
            bot.destroy();
            bot.waitFor();
            slack.close();
            pg.close();
        }
    }
}
