package org.tenfour.bot.background;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers the CPU priority of background threads (Linux "nice", {@code TENFOUR_BACKGROUND_NICE},
 * default {@value #DEFAULT_NICE}; 0 leaves them as they are), so that on a busy machine request
 * threads get the cores first: measured on two cores, planning and delivering at full speed left
 * requests waiting for a core, not for a connection (README, Performance).
 *
 * <p>Java's own thread priorities do nothing on Linux unless the JVM runs with a flag and as root;
 * so each background thread lowers itself once, when it starts or first runs background work, with
 * the system's {@code renice} on its own thread id (raising one's niceness needs no privilege).
 * Threads it starts inherit it. Where that is not possible (not Linux, no {@code renice}) the work
 * runs at normal priority and this is said once in the log.
 */
public final class BackgroundPriority {
    private static final Logger log = LoggerFactory.getLogger(BackgroundPriority.class);

    /** How much nicer than requests background threads are, by default (0–19). */
    public static final int DEFAULT_NICE = 10;

    private static final Path THREAD_SELF = Path.of("/proc/thread-self");
    private static final ThreadLocal<Boolean> LOWERED = ThreadLocal.withInitial(() -> false);
    private static final AtomicBoolean UNAVAILABLE_SAID = new AtomicBoolean();
    private static volatile int nice = DEFAULT_NICE;

    private BackgroundPriority() {}

    /** Sets how nice background threads become from now on (0: not at all). */
    public static void configure(int niceness) {
        if (niceness < 0 || niceness > 19) {
            throw new IllegalArgumentException("niceness must be 0–19: " + niceness);
        }
        nice = niceness;
    }

    /** Lowers the calling thread's priority, once per thread (cheap after the first call). */
    public static void lowerThisThread() {
        if (LOWERED.get()) {
            return;
        }
        LOWERED.set(true);
        int n = nice;
        if (n == 0) {
            return;
        }
        try {
            String tid = Files.readSymbolicLink(THREAD_SELF).getFileName().toString();
            Process renice =
                    new ProcessBuilder("renice", "-n", String.valueOf(n), "-p", tid)
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .start();
            if (!renice.waitFor(5, TimeUnit.SECONDS) || renice.exitValue() != 0) {
                renice.destroyForcibly();
                unavailable("renice failed");
            }
        } catch (IOException | UnsupportedOperationException e) {
            unavailable(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Threads named {@code prefix-1}, {@code prefix-2}, … that lower themselves as they start. */
    public static ThreadFactory threads(String prefix, boolean daemon) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t =
                    new Thread(
                            () -> {
                                lowerThisThread();
                                r.run();
                            },
                            prefix + "-" + n.incrementAndGet());
            t.setDaemon(daemon);
            return t;
        };
    }

    /** The calling thread's niceness as the kernel has it, or -1 where it cannot be read. */
    public static int niceOfThisThread() {
        try {
            String tid = Files.readSymbolicLink(THREAD_SELF).getFileName().toString();
            String stat = Files.readString(Path.of("/proc/self/task", tid, "stat"));
            // fields after "(comm)": state is field 3; nice is field 19
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(f[16]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static void unavailable(String why) {
        if (UNAVAILABLE_SAID.compareAndSet(false, true)) {
            log.info("background work runs at normal priority ({})", why);
        }
    }
}
