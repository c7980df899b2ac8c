package org.tenfour.bot.fault;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.tenfour.bot.Main;

/** The real bot as a separate JVM ({@code Main serve}), as an operator runs it. */
final class BotProcess implements AutoCloseable {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private BotProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts {@code serve} with {@code env} on a free port; returns once {@code /readyz} answers
     * 200.
     */
    static BotProcess start(Path dir, String name, Map<String, String> env) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.add("serve");
        Path log = dir.resolve(name + "-" + System.nanoTime() + ".log");
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> all = new HashMap<>(env);
        all.put("PORT", Integer.toString(port));
        all.putIfAbsent("TENFOUR_MANAGEMENT_ADDRESS", "127.0.0.1:0");
        all.putIfAbsent("TENFOUR_DATA_DIR", dir.resolve(name + "-data").toString());
        pb.environment()
                .keySet()
                .removeIf(
                        k ->
                                k.startsWith("SLACK_")
                                        || k.startsWith("TEAMS_")
                                        || k.startsWith("DATABASE_"));
        pb.environment().putAll(all);
        BotProcess bot = new BotProcess(pb.start(), port, log);
        Awaitility.await("bot " + name + " ready")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            if (!bot.process.isAlive()) {
                                throw new IllegalStateException(
                                        "bot " + name + " exited: " + bot.output());
                            }
                            return bot.status("/readyz") == 200;
                        });
        return bot;
    }

    int port() {
        return port;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The status of a GET, or -1 when nothing answers. */
    int status(String path) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create(baseUrl() + path))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** SIGKILL: no shutdown hook, no finally, no graceful anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** SIGTERM and wait. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
