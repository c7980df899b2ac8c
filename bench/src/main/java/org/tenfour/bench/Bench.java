package org.tenfour.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.ds.PGSimpleDataSource;
import org.tenfour.adapters.Platform;
import org.tenfour.bot.agency.AgencySettings;
import org.tenfour.storage.Database;
import org.tenfour.storage.DatabaseSettings;
import org.tenfour.storage.EmbeddedDatabase;
import org.tenfour.storage.Migrations;

/** Shared bits of the benchmarks: an embedded database, seeding, processes, percentiles, RSS. */
final class Bench {
    static final HttpClient HTTP =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();

    /** Where the latest {@link #database()} keeps its data (to find its processes). */
    static String lastDatabaseDir;

    private Bench() {}

    /** A fresh embedded PostgreSQL, migrated, in a temp directory. */
    static EmbeddedDatabase database() throws IOException {
        Path dir = Files.createTempDirectory("tenfour-bench-pg");
        lastDatabaseDir = dir.toString();
        EmbeddedDatabase db = EmbeddedDatabase.start(dir);
        // an interrupted benchmark (Ctrl-C) must not leave its PostgreSQL running
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    try {
                                        db.close();
                                    } catch (RuntimeException e) {
                                        // already stopped
                                    }
                                }));
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(db.jdbcUrl());
        ds.setUser("postgres");
        Migrations.apply(ds);
        return db;
    }

    /** JDBI over a connection pool, as the product runs it (default pool size 10). */
    static Jdbi jdbi(EmbeddedDatabase db) throws IOException {
        Database pooled =
                Database.open(
                        new DatabaseSettings(
                                db.jdbcUrl(),
                                "postgres",
                                null,
                                Files.createTempDirectory("tenfour-bench-unused"),
                                10));
        return pooled.jdbi();
    }

    static String settings(Integer cadenceDays) {
        return AgencySettings.DEFAULTS
                .withCadenceDays(cadenceDays)
                .withHours(LocalTime.MIN, LocalTime.MAX)
                .withDays(EnumSet.allOf(DayOfWeek.class))
                .toJson();
    }

    /**
     * A Slack agency with a coordinator (U0COORD in C0COORD) and {@code members} roster members.
     */
    static UUID agency(Jdbi jdbi, String workspace, int members, Integer cadenceDays) {
        return agency(jdbi, Platform.SLACK, workspace, members, cadenceDays);
    }

    /**
     * An agency on {@code platform} with a coordinator (U0COORD in C0COORD) and {@code members}
     * roster members (U0000001 …).
     */
    static UUID agency(
            Jdbi jdbi, Platform platform, String workspace, int members, Integer cadenceDays) {
        return jdbi.inTransaction(
                h -> {
                    UUID agency =
                            h.createQuery(
                                            """
                    insert into agency (platform, workspace_id, name, time_zone, coordinator_channel_id, settings)
                    values (:platform, :ws, :ws, 'UTC', 'C0COORD', cast(:settings as jsonb)) returning id""")
                                    .bind("platform", platform.id())
                                    .bind("ws", workspace)
                                    .bind("settings", settings(cadenceDays))
                                    .mapTo(UUID.class)
                                    .one();
                    h.createUpdate(
                                    """
                    insert into member (agency_id, platform_user_id, display_name, time_zone, is_coordinator, on_roster)
                    values (:agency, 'U0COORD', 'Coordinator', 'UTC', true, false)""")
                            .bind("agency", agency)
                            .execute();
                    h.createUpdate(
                                    """
                    insert into member (agency_id, platform_user_id, display_name, time_zone)
                    select :agency, 'U' || lpad(n::text, 7, '0'), 'Member ' || n, 'UTC' from generate_series(1, :n) n""")
                            .bind("agency", agency)
                            .bind("n", members)
                            .execute();
                    return agency;
                });
    }

    /**
     * A Teams conversation reference for every member of the agency ({@code a:TENANT:USER}), as the
     * bot keeps them once a person has talked to it.
     */
    static void teamsConversations(Jdbi jdbi, UUID agency, String serviceUrl) {
        jdbi.useHandle(
                h ->
                        h.createUpdate(
                                        """
                    insert into conversation_ref (agency_id, platform_id, kind, service_url, conversation_id)
                    select m.agency_id, m.platform_user_id, 'user', :url, 'a:' || a.workspace_id || ':' || m.platform_user_id
                    from member m join agency a on a.id = m.agency_id where m.agency_id = :agency""")
                                .bind("agency", agency)
                                .bind("url", serviceUrl)
                                .execute());
    }

    /**
     * CPU time used so far by the embedded PostgreSQL of this run ({@code dataDirPart} in the
     * postmaster's command line): the postmaster, its live backends, and the backends that ended.
     */
    /** CPU time this JVM has used, all threads. */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static long postgresCpuNanos(String dataDirPart) {
        long ticks = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            List<Path> pids =
                    procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList();
            String postmaster = null;
            for (Path p : pids) {
                try {
                    String cmd = Files.readString(p.resolve("cmdline")).replace('\0', ' ');
                    if (cmd.contains(dataDirPart) && cmd.contains("postgres")) {
                        postmaster = p.getFileName().toString();
                        String[] f = stat(p);
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                        ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
                        break;
                    }
                } catch (IOException | RuntimeException e) {
                    // gone meanwhile
                }
            }
            if (postmaster == null) {
                return -1;
            }
            for (Path p : pids) {
                try {
                    String[] f = stat(p);
                    if (f[1].equals(postmaster)) {
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (IOException | RuntimeException e) {
                    // gone meanwhile
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return ticks * 10_000_000L; // USER_HZ is 100 on Linux
    }

    /** The fields of /proc/PID/stat after the command name: [0] state, [1] ppid, … */
    private static String[] stat(Path proc) throws IOException {
        String line = Files.readString(proc.resolve("stat"));
        return line.substring(line.lastIndexOf(')') + 2).split(" ");
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The bot as its own JVM ({@code Main serve}) with the bench's class path. */
    static Process bot(Map<String, String> env, Path log) throws IOException {
        List<String> command =
                new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        String opts = System.getenv("BOT_JAVA_OPTS");
        if (opts != null && !opts.isBlank()) {
            command.addAll(List.of(opts.trim().split("\\s+")));
        }
        command.addAll(
                List.of(
                        "-Dlogback.configurationFile=logback.xml",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.tenfour.bot.Main",
                        "serve"));
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    static void awaitReady(String baseUrl, Process process) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("bot exited");
            }
            try {
                if (HTTP.send(
                                        HttpRequest.newBuilder(URI.create(baseUrl + "/readyz"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("bot not ready in 120 s");
    }

    /** Resident set size of a process in MB (Linux /proc). */
    static long rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    /** Proportional set size of a process in MB (shared pages divided among their users). */
    static long pssMb(long pid) {
        return pssKb(pid) / 1024;
    }

    private static long pssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    /**
     * Proportional set size, summed, of the embedded PostgreSQL whose postmaster's command line
     * holds {@code dataDirPart}: the postmaster and every child (backends, checkpointer, …).
     */
    static long postgresPssMb(String dataDirPart) {
        long kb = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            List<Path> pids =
                    procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList();
            String postmaster = null;
            for (Path p : pids) {
                try {
                    String cmd = Files.readString(p.resolve("cmdline")).replace('\0', ' ');
                    if (cmd.contains(dataDirPart) && cmd.contains("postgres")) {
                        postmaster = p.getFileName().toString();
                        break;
                    }
                } catch (IOException | RuntimeException e) {
                    // gone meanwhile
                }
            }
            if (postmaster == null) {
                return -1;
            }
            for (Path p : pids) {
                try {
                    String name = p.getFileName().toString();
                    if (name.equals(postmaster) || stat(p)[1].equals(postmaster)) {
                        kb += Math.max(0, pssKb(Long.parseLong(name)));
                    }
                } catch (IOException | RuntimeException e) {
                    // gone meanwhile
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return kb / 1024;
    }

    static double percentile(List<Long> nanos, double p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1))) / 1e6;
    }

    static String machine() {
        Runtime rt = Runtime.getRuntime();
        return "cpus="
                + rt.availableProcessors()
                + " java="
                + System.getProperty("java.version")
                + " "
                + System.getProperty("java.vm.name")
                + " maxHeap="
                + rt.maxMemory() / (1024 * 1024)
                + "MB";
    }
}
