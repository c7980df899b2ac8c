package org.tenfour.bench;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.tenfour.adapters.slack.FakeSlackApi;
import org.tenfour.adapters.slack.SlackRequests;
import org.tenfour.bot.Application;
import org.tenfour.bot.Settings;
import org.tenfour.storage.EmbeddedDatabase;

/**
 * The Slack ack path: signed {@code /tenfour help} commands against {@code /slack/events}
 * (signature check, Bolt, the product's handler, its database reads, the reply) versus a bare
 * Javalin endpoint returning the same body, in the same JVM, same client, same run. Closed-loop
 * throughput with {@code CONCURRENCY} clients, then latency at a fixed {@code RATE} req/s (open
 * loop). Then the same for a realistic mix (see {@link AckMix}): check-in button answers, {@code
 * /peer} opening its modal, {@code status} and {@code roster add}, a quarter each.
 *
 * <p>Usage: {@code bench/run.sh ack [seconds=15] [rate=200] [concurrency=8]}
 */
public final class AckBench {
    /** Seconds of the mix sent before it is measured, so that its code is compiled. */
    static final int MIX_WARM_UP_SECONDS = 15;

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        System.err.println("ack bench: " + Bench.machine());
        EmbeddedDatabase pg = Bench.database();
        FakeSlackApi slack = new FakeSlackApi();
        var jdbi = Bench.jdbi(pg);
        AckMix mix = AckMix.seed(jdbi, "T111", AckMix.MEMBERS);
        Map<String, String> env =
                new HashMap<>(
                        Map.of(
                                "DATABASE_URL",
                                pg.jdbcUrl(),
                                "DATABASE_USER",
                                "postgres",
                                "SLACK_SIGNING_SECRET",
                                SlackRequests.SECRET,
                                "SLACK_BOT_TOKEN",
                                "xoxb-bench",
                                "SLACK_API_URL",
                                slack.apiUrl(),
                                "PORT",
                                "0",
                                "TENFOUR_DATA_DIR",
                                Files.createTempDirectory("tenfour-bench").toString(),
                                "TENFOUR_LOG_LEVEL",
                                "WARN"));
        // one signed user stands in for a county's people: the per-person command rate is off
        env.put("TENFOUR_COMMAND_RATE", "0");
        Application app = Application.start(Settings.fromEnv(env), Clock.systemUTC());
        String body =
                SlackRequests.command("T111", "/tenfour", "help").replace("U0PAT", "U0000001");
        String botUrl = "http://127.0.0.1:" + app.port() + "/slack/events";
        String reply = send(botUrl, body).body();
        Javalin bare =
                Javalin.create(
                                c ->
                                        c.routes.post(
                                                "/slack/events",
                                                ctx ->
                                                        ctx.contentType(
                                                                        "application/json; charset=utf-8")
                                                                .result(reply)))
                        .start("127.0.0.1", 0);
        String bareUrl = "http://127.0.0.1:" + bare.port() + "/slack/events";
        System.err.println(
                "reply bytes: " + reply.length() + "; bot " + botUrl + ", bare " + bareUrl);

        if (System.getenv("ACK_MIX_ONLY") != null) {
            // the mix alone (for profiling it): warm the bare endpoint only
            closedLoop(bareUrl, body, concurrency, 5);
        } else {
            // warm both up
            closedLoop(botUrl, body, concurrency, 5);
            closedLoop(bareUrl, body, concurrency, 5);
            double[] botRates = new double[2];
            double[] bareRates = new double[2];
            for (int round = 0; round < 2; round++) {
                bareRates[round] = closedLoop(bareUrl, body, concurrency, seconds);
                botRates[round] = closedLoop(botUrl, body, concurrency, seconds);
            }
            double bot = (botRates[0] + botRates[1]) / 2;
            double bareRate = (bareRates[0] + bareRates[1]) / 2;
            System.err.printf(
                    "throughput (closed loop, %d clients): /slack/events %.0f req/s, bare Javalin %.0f req/s, ratio %.2f%n",
                    concurrency, bot, bareRate, bot / bareRate);
            for (String[] target : new String[][] {{"bare", bareUrl}, {"/slack/events", botUrl}}) {
                List<Long> latencies = openLoop(target[1], body, rate, seconds);
                System.err.printf(
                        "latency at %d req/s (%s): n=%d p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                        rate,
                        target[0],
                        latencies.size(),
                        Bench.percentile(latencies, 50),
                        Bench.percentile(latencies, 99),
                        Bench.percentile(latencies, 100));
            }
        }
        mixed(mix, botUrl, bareUrl, body, rate, seconds, concurrency, slack);
        mix.check(jdbi, slack);
        bare.stop();
        app.close();
        slack.close();
        pg.close();
    }

    /**
     * The mix: closed-loop throughput against the bare endpoint, then open-loop latency by kind.
     */
    private static void mixed(
            AckMix mix,
            String botUrl,
            String bareUrl,
            String bareBody,
            int rate,
            int seconds,
            int concurrency,
            FakeSlackApi slack)
            throws Exception {
        System.err.println("realistic mix: " + AckMix.describe());
        // warm the mix's own code paths too (the help phases warmed only help's), not measured
        mix.closedLoop(botUrl, concurrency, MIX_WARM_UP_SECONDS);
        mix.resetFailures();
        double bareRate = closedLoop(bareUrl, bareBody, concurrency, seconds);
        long jvmBefore = Bench.cpuNanos();
        long pgBefore = Bench.postgresCpuNanos(Bench.lastDatabaseDir);
        long pendingBefore = mix.pendingOutbox();
        double mixRate = mix.closedLoop(botUrl, concurrency, seconds);
        double requests = mixRate * seconds;
        System.err.printf(
                "mix CPU per request (closed loop): this JVM %.1f ms (the bot, the fake Slack and"
                        + " the load generator together), PostgreSQL %.1f ms; outbox backlog %d"
                        + " before, %d after%n",
                (Bench.cpuNanos() - jvmBefore) / 1e6 / requests,
                (Bench.postgresCpuNanos(Bench.lastDatabaseDir) - pgBefore) / 1e6 / requests,
                pendingBefore,
                mix.pendingOutbox());
        System.err.printf(
                "mix throughput (closed loop, %d clients): /slack/events %.0f req/s, bare Javalin"
                        + " %.0f req/s, ratio %.2f%n",
                concurrency, mixRate, bareRate, mixRate / bareRate);
        long jvmOpen = Bench.cpuNanos();
        long pgOpen = Bench.postgresCpuNanos(Bench.lastDatabaseDir);
        long wallOpen = System.nanoTime();
        Map<AckMix.Kind, List<Long>> latencies = mix.openLoop(botUrl, rate, seconds);
        double wall = (System.nanoTime() - wallOpen) / 1e9;
        System.err.printf(
                "mix open loop: %.0f s; CPU busy: this JVM %.2f cores, PostgreSQL %.2f cores (of %d);"
                        + " outbox backlog after: %d%n",
                wall,
                (Bench.cpuNanos() - jvmOpen) / 1e9 / wall,
                (Bench.postgresCpuNanos(Bench.lastDatabaseDir) - pgOpen) / 1e9 / wall,
                Runtime.getRuntime().availableProcessors(),
                mix.pendingOutbox());
        List<Long> all = new ArrayList<>();
        latencies.values().forEach(all::addAll);
        System.err.printf(
                "mix latency at %d req/s (all): n=%d p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                rate,
                all.size(),
                Bench.percentile(all, 50),
                Bench.percentile(all, 99),
                Bench.percentile(all, 100));
        for (var e : latencies.entrySet()) {
            System.err.printf(
                    "  %s: n=%d p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    e.getKey().label(),
                    e.getValue().size(),
                    Bench.percentile(e.getValue(), 50),
                    Bench.percentile(e.getValue(), 99),
                    Bench.percentile(e.getValue(), 100));
        }
    }

    static HttpRequest request(String url, String body) {
        long ts = Instant.now().getEpochSecond();
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", SlackRequests.FORM)
                .header("X-Slack-Request-Timestamp", String.valueOf(ts))
                .header("X-Slack-Signature", SlackRequests.sign(SlackRequests.SECRET, ts, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    static HttpResponse<String> send(String url, String body) throws Exception {
        HttpResponse<String> r =
                Bench.HTTP.send(request(url, body), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r;
    }

    /**
     * Requests per second with {@code clients} threads sending back to back for {@code seconds}.
     */
    static double closedLoop(String url, String body, int clients, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long start = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            pool.execute(
                    () -> {
                        while (System.nanoTime() < end) {
                            try {
                                send(url, body);
                                done.incrementAndGet();
                            } catch (Exception e) {
                                failed.incrementAndGet();
                                firstFailure.compareAndSet(null, e.toString());
                            }
                        }
                    });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        if (failed.get() > 0) {
            System.err.println(
                    "  "
                            + failed.get()
                            + " failed requests to "
                            + url
                            + ", first: "
                            + firstFailure.get());
        }
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Latencies of requests started at a fixed rate regardless of answers (no coordinated
     * omission).
     */
    static List<Long> openLoop(String url, String body, int rate, int seconds) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
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
            inFlight.add(
                    Bench.HTTP
                            .sendAsync(request(url, body), HttpResponse.BodyHandlers.ofString())
                            .thenAccept(r -> latencies.add(System.nanoTime() - due)));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                .get(120, TimeUnit.SECONDS);
        return new ArrayList<>(latencies);
    }
}
