package org.tenfour.bench;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.tenfour.adapters.Platform;
import org.tenfour.adapters.Reply;
import org.tenfour.adapters.slack.FakeSlackApi;
import org.tenfour.adapters.teams.FakeMicrosoft;
import org.tenfour.bot.Program;
import org.tenfour.bot.Settings;
import org.tenfour.bot.agency.Platforms;
import org.tenfour.bot.limits.CommandRate;
import org.tenfour.bot.log.RetentionPolicy;
import org.tenfour.bot.platform.PlatformWiring;
import org.tenfour.storage.EmbeddedDatabase;
import org.tenfour.storage.KeyedHashes;
import org.tenfour.storage.SecretCipher;
import org.tenfour.storage.SlackInstallationRecord;
import org.tenfour.storage.SlackInstallationRepository;
import org.tenfour.storage.Store;

/**
 * Check-in delivery at real platform latency, through the product's own wiring ({@link Program}:
 * planner, outbox, the concurrent sender) and its real Slack and Teams adapters over HTTP to fakes
 * on loopback that answer after {@code latencyMs}. {@code WORKSPACES} agencies (Slack workspaces or
 * Teams tenants) of {@code MEMBERS} members each are planned at once, then delivered; the fake
 * Slack enforces 1 message a second per conversation and 3,000 a minute per workspace (429 and
 * Retry-After beyond), as Slack does for {@code chat.postMessage}. Everything (sender, fakes,
 * PostgreSQL) shares this machine.
 *
 * <p>Usage: {@code bench/run.sh fanout slack|teams [workspaces=50] [members=200] [latencyMs=150]};
 * {@code TENFOUR_SEND_CONCURRENCY} and {@code TENFOUR_SEND_PER_WORKSPACE} set the sender's calls in
 * flight as in production.
 */
public final class FanOutBench {
    private static final int WORKSPACE_PER_MINUTE = 3_000;
    private static final double ALLOWED = WORKSPACE_PER_MINUTE / 60.0;

    /** One accepted message: whose workspace, which key, when. */
    private record Post(String workspace, String key, long atNanos) {}

    public static void main(String[] args) throws Exception {
        Platform platform = Platform.fromId(args.length > 0 ? args[0] : "slack");
        int workspaces = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int members = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        Duration latency = Duration.ofMillis(args.length > 3 ? Long.parseLong(args[3]) : 150);
        EmbeddedDatabase pg = Bench.database();
        Jdbi jdbi = Bench.jdbi(pg);
        byte[] hashKey = new byte[32];
        new SecureRandom().nextBytes(hashKey);
        jdbi.getConfig(KeyedHashes.class).useKey(hashKey);
        byte[] master = new byte[32];
        new SecureRandom().nextBytes(master);
        SecretCipher cipher = SecretCipher.fromMasterKey(master);
        try (FakeSlackApi slack = new FakeSlackApi();
                FakeMicrosoft teams = new FakeMicrosoft()) {
            slack.limits(1, WORKSPACE_PER_MINUTE);
            slack.latency(latency);
            teams.latency(latency);
            List<String> ids = new ArrayList<>();
            for (int w = 0; w < workspaces; w++) {
                String ws =
                        (platform == Platform.SLACK ? "T" : "tenant-") + String.format("%03d", w);
                UUID agency = Bench.agency(jdbi, platform, ws, members, 7);
                if (platform == Platform.SLACK) {
                    new SlackInstallationRepository(jdbi, cipher)
                            .save(
                                    new SlackInstallationRecord(
                                            agency,
                                            ws,
                                            ws,
                                            "UBOT",
                                            "xoxb-" + ws,
                                            "chat:write",
                                            null,
                                            Instant.now()));
                } else {
                    Bench.teamsConversations(jdbi, agency, teams.serviceUrl());
                }
                ids.add(ws);
            }
            // profiles read already, as on a running deployment: the planning pass otherwise reads
            // 50 a workspace from the platform, one after the other (7.5 s a workspace at 150 ms)
            jdbi.useHandle(h -> h.execute("update member set profile_checked_at = now()"));
            Map<String, String> env = new HashMap<>();
            env.put("SLACK_SIGNING_SECRET", "bench-signing-secret");
            env.put("SLACK_CLIENT_ID", "1234.5678");
            env.put("SLACK_CLIENT_SECRET", "bench-client-secret");
            env.put("SLACK_API_URL", slack.apiUrl());
            env.put("TENFOUR_SECRET_KEY", Base64.getEncoder().encodeToString(master));
            env.put("TEAMS_APP_ID", FakeMicrosoft.CLIENT_ID);
            env.put("TEAMS_APP_PASSWORD", FakeMicrosoft.CLIENT_SECRET);
            env.put("TEAMS_TENANT_ID", "tenant-1");
            env.put("TEAMS_OPENID_METADATA_URL", teams.baseUrl() + "/openid");
            env.put("TEAMS_TOKEN_URL", teams.baseUrl() + "/tenant/token");
            for (String name : List.of(Settings.SEND_CONCURRENCY, Settings.SEND_PER_WORKSPACE)) {
                if (System.getenv(name) != null) {
                    env.put(name, System.getenv(name));
                }
            }
            Settings settings = Settings.fromEnv(env);
            System.err.println(
                    "fan-out bench: "
                            + Bench.machine()
                            + " platform="
                            + platform.id()
                            + " workspaces="
                            + workspaces
                            + " members="
                            + members
                            + " latency="
                            + latency.toMillis()
                            + "ms sending="
                            + settings.sending());
            Clock clock = Clock.systemUTC();
            try (PlatformWiring wiring =
                    new PlatformWiring(
                            settings, cipher, Store.of(jdbi), clock, event -> Reply.none())) {
                Program program =
                        new Program(
                                Store.of(jdbi),
                                new Program.Options(
                                        clock,
                                        new Platforms(wiring.platforms()),
                                        agencyId -> hashKey.clone(),
                                        RetentionPolicy.fixed(RetentionPolicy.DEFAULT),
                                        8,
                                        Runnable::run,
                                        () -> false,
                                        "bench",
                                        true,
                                        CommandRate.off(),
                                        settings.sending()),
                                agency -> {});
                long planStart = System.nanoTime();
                int planned = program.checkIns().planAll();
                System.err.printf(
                        "planned %d check-ins in %.1f s%n",
                        planned, (System.nanoTime() - planStart) / 1e9);
                long cpuBefore = Bench.cpuNanos();
                long pgBefore = Bench.postgresCpuNanos(Bench.lastDatabaseDir);
                long start = System.nanoTime();
                program.sender().start(Duration.ofMillis(200));
                long deadline = start + Duration.ofMinutes(10).toNanos();
                while (System.nanoTime() < deadline && left(jdbi) > 0) {
                    Thread.sleep(500);
                }
                long wall = System.nanoTime() - start;
                long cpu = Bench.cpuNanos() - cpuBefore;
                long pgCpu = Bench.postgresCpuNanos(Bench.lastDatabaseDir) - pgBefore;
                program.sender().close();
                report(platform, jdbi, slack, teams, ids, planned, wall, cpu, pgCpu);
            }
        } finally {
            pg.close();
        }
    }

    private static int left(Jdbi jdbi) {
        return jdbi.withHandle(
                h ->
                        h.createQuery("select count(*) from outbox where state = 'pending'")
                                .mapTo(Integer.class)
                                .one());
    }

    private static void report(
            Platform platform,
            Jdbi jdbi,
            FakeSlackApi slack,
            FakeMicrosoft teams,
            List<String> workspaces,
            int planned,
            long wallNanos,
            long cpuNanos,
            long pgCpuNanos) {
        Set<String> keys =
                jdbi.withHandle(
                        h ->
                                h.createQuery(
                                                "select idempotency_key from outbox where kind = 'check_in'")
                                        .mapTo(String.class)
                                        .set());
        List<Post> posts =
                platform == Platform.SLACK
                        ? slack.posted().stream()
                                .filter(p -> p.key() != null && keys.contains(p.key()))
                                .map(p -> new Post(p.token().substring(5), p.key(), p.atNanos()))
                                .toList()
                        // Teams carries no key: one check-in per member, one conversation each
                        : teams.posted().stream()
                                .map(
                                        p ->
                                                new Post(
                                                        p.conversationId().split(":")[1],
                                                        p.conversationId(),
                                                        p.atNanos()))
                                .toList();
        Map<String, Long> perKey =
                posts.stream().collect(Collectors.groupingBy(Post::key, Collectors.counting()));
        long doubled = perKey.values().stream().filter(n -> n > 1).count();
        Map<String, List<Post>> byWorkspace =
                posts.stream().collect(Collectors.groupingBy(Post::workspace));
        List<Double> rates = new ArrayList<>();
        for (String ws : workspaces) {
            List<Post> mine = byWorkspace.getOrDefault(ws, List.of());
            if (mine.size() < 2) {
                rates.add(0.0);
                continue;
            }
            ToLongFunction<Post> at = Post::atNanos;
            long first = mine.stream().mapToLong(at).min().orElseThrow();
            long last = mine.stream().mapToLong(at).max().orElseThrow();
            rates.add((mine.size() - 1) / ((last - first) / 1e9));
        }
        Collections.sort(rates);
        double seconds = wallNanos / 1e9;
        int cores = Runtime.getRuntime().availableProcessors();
        System.err.printf(
                "delivered %d of %d planned (lost %d, doubled %d) in %.1f s = %.1f msg/s in all; "
                        + "429s %d%n",
                perKey.size(),
                planned,
                planned - perKey.size(),
                doubled,
                seconds,
                posts.size() / seconds,
                slack.limited().size());
        System.err.printf(
                "per workspace msg/s: min %.1f, median %.1f, max %.1f vs allowed %.1f "
                        + "(min %.0f%%, median %.0f%%)%n",
                rates.get(0),
                rates.get(rates.size() / 2),
                rates.get(rates.size() - 1),
                ALLOWED,
                100 * rates.get(0) / ALLOWED,
                100 * rates.get(rates.size() / 2) / ALLOWED);
        double busy = (cpuNanos + pgCpuNanos) / 1e9;
        System.err.printf(
                "CPU: this JVM (sender, adapters and both fakes) %.1f s + PostgreSQL %.1f s = %.1f s "
                        + "in %.1f s on %d cores (%.0f%% of the machine); %.0f msg per CPU-second "
                        + "(the ceiling per core when the machine is the limit)%n",
                cpuNanos / 1e9,
                pgCpuNanos / 1e9,
                busy,
                seconds,
                cores,
                100 * busy / (seconds * cores),
                posts.size() / busy);
    }
}
