package org.tenfour.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run from the zonky binaries, with its data under {@code <dataDir>/pg}, reused
 * across starts.
 *
 * <p>A run that was killed (SIGKILL, power loss) leaves its postgres child running or a stale
 * {@code postmaster.pid}. We hold an exclusive lock on {@code <dataDir>/tenfour.lock} for as long
 * as we use the directory, so a postgres still running on it when we get that lock was orphaned by
 * a dead run: we stop it and start our own. A second live TenFour on the same directory is refused.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(20);

    private final EmbeddedPostgres postgres;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private EmbeddedDatabase(EmbeddedPostgres postgres, FileChannel lockChannel, FileLock lock) {
        this.postgres = postgres;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Starts (creating on first use) the embedded server whose data lives under {@code dataDir},
     * durable: a commit is on disk before it returns (the embedded server's own default is not).
     */
    public static EmbeddedDatabase start(Path dataDir) {
        return start(dataDir, true);
    }

    /**
     * Starts the embedded server; {@code durable} false lets commits return before their WAL
     * reaches the disk (a crash of the machine may lose the last fraction of a second), which only
     * throw-away test databases may use.
     */
    public static EmbeddedDatabase start(Path dataDir, boolean durable) {
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDir);
            channel =
                    FileChannel.open(
                            dataDir.resolve("tenfour.lock"),
                            StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new StorageException(
                        "another TenFour process is using the data directory "
                                + dataDir.toAbsolutePath()
                                + "; stop it or set TENFOUR_DATA_DIR",
                        null);
            }
            Path pgData = dataDir.resolve("pg");
            clearStaleServer(pgData);
            EmbeddedPostgres pg =
                    EmbeddedPostgres.builder()
                            .setDataDirectory(pgData)
                            .setCleanDataDirectory(false)
                            .setRegisterShutdownHook(false)
                            .setPGStartupWait(Duration.ofSeconds(60))
                            .setServerConfig("listen_addresses", "127.0.0.1")
                            .setServerConfig("synchronous_commit", durable ? "on" : "off")
                            // the product's server holds one small service's data: a quarter of
                            // PostgreSQL's default cache (the kernel's page cache is behind it)
                            .setServerConfig("shared_buffers", durable ? "32MB" : "128MB")
                            .start();
            log.info(
                    "embedded PostgreSQL started on 127.0.0.1:{} with data in {}",
                    pg.getPort(),
                    pgData.toAbsolutePath());
            return new EmbeddedDatabase(pg, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StorageException(
                    "could not start the embedded PostgreSQL in " + dataDir + ": " + e.getMessage(),
                    e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this very JVM
        }
    }

    /**
     * Stops a postgres left running on {@code pgData} by a killed run and removes a stale {@code
     * postmaster.pid} whose process is gone (or whose pid now belongs to something else).
     */
    static void clearStaleServer(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        long pid = lines.isEmpty() ? -1 : parsePid(lines.get(0));
        Optional<ProcessHandle> process = pid > 0 ? ProcessHandle.of(pid) : Optional.empty();
        if (process.isPresent() && process.get().isAlive() && isPostgres(process.get())) {
            log.warn("stopping a PostgreSQL (pid {}) left running by a previous run", pid);
            process.get().destroy(); // SIGTERM: postgres shuts down cleanly
            try {
                process.get().onExit().get(ORPHAN_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                process.get().destroyForcibly();
            }
        }
        if (Files.exists(pidFile)
                && (process.isEmpty() || !process.get().isAlive() || !isPostgres(process.get()))) {
            log.warn("removing a stale postmaster.pid left by a previous run");
            Files.deleteIfExists(pidFile);
        }
    }

    private static long parsePid(String line) {
        try {
            return Long.parseLong(line.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isPostgres(ProcessHandle handle) {
        return handle.info().command().map(c -> c.endsWith("postgres")).orElse(false);
    }

    /** The JDBC URL of the {@code postgres} database on this server. */
    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /** The JDBC URL of the named database on this server. */
    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl("postgres", database);
    }

    /** The port the server listens on (loopback only). */
    public int port() {
        return postgres.getPort();
    }

    /** Stops the server cleanly and releases the data directory. */
    @Override
    public void close() {
        try {
            postgres.close();
            log.info("embedded PostgreSQL stopped");
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop the embedded PostgreSQL", e);
        } finally {
            try {
                lock.release();
            } catch (IOException ignored) {
                // the channel close below releases it anyway
            }
            closeQuietly(lockChannel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing useful to do
            }
        }
    }
}
