package org.tenfour.bot.outbox;

/**
 * How many platform calls the outbox sender may have in flight: in all, and for one workspace (one
 * agency). Calls mostly wait on the platform, so for one workspace the sender keeps as many in
 * flight as a row's time needs to reach {@code perWorkspaceRate} (Little's law: rate × the time a
 * row takes, guard, call and record), one at first and never more than {@code perWorkspace}: at 150
 * ms a call and about 210 ms a row that is 11 (a little over Slack's 50 a second, so the
 * workspace's own limit and {@code Retry-After} have the last word); where one call at a time
 * already reaches the rate (2 ms) it stays one, as before. A rate limit pauses the workspace until
 * its {@code Retry-After}.
 *
 * @param overall calls in flight in all (the sender's threads)
 * @param perWorkspace calls in flight for one workspace, at most
 * @param perWorkspaceRate messages a second one workspace is aimed at; 0: always {@code
 *     perWorkspace} in flight, whatever the latency
 */
public record Concurrency(int overall, int perWorkspace, double perWorkspaceRate) {
    /** One call at a time, on the caller's thread: domain tests, and the sender as it was. */
    public static final Concurrency ONE_AT_A_TIME = new Concurrency(1, 1, 0);

    /** Calls in flight for one workspace at most, by default (11 reach 50 a second at 150 ms). */
    public static final int PER_WORKSPACE = 12;

    /**
     * Messages a second one workspace is aimed at: Slack allows about 50 {@code chat.postMessage} a
     * second per workspace (one a second per conversation); Teams publishes per-conversation limits
     * only, and gets the same.
     */
    public static final double WORKSPACE_RATE = 50;

    public Concurrency {
        if (overall < 1) {
            throw new IllegalArgumentException("overall must be at least 1: " + overall);
        }
        if (perWorkspace < 1 || perWorkspace > overall) {
            throw new IllegalArgumentException(
                    "perWorkspace must be between 1 and overall ("
                            + overall
                            + "): "
                            + perWorkspace);
        }
        if (!(perWorkspaceRate >= 0)) {
            throw new IllegalArgumentException(
                    "perWorkspaceRate must not be negative: " + perWorkspaceRate);
        }
    }

    /** At most {@code overall} in all and {@code perWorkspace} per workspace, paced by latency. */
    public Concurrency(int overall, int perWorkspace) {
        this(overall, perWorkspace, WORKSPACE_RATE);
    }

    /**
     * Sized to the machine: 16 calls in flight per core (threads that mostly wait), between 16 and
     * 64; {@value #PER_WORKSPACE} at most for one workspace.
     */
    public static Concurrency forMachine() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new Concurrency(Math.max(16, Math.min(64, 16 * cores)), PER_WORKSPACE);
    }

    /** Whether more than one call may be in flight. */
    boolean concurrent() {
        return overall > 1;
    }

    /**
     * Calls in flight one workspace gets when its calls take {@code callNanos} and its rows {@code
     * rowNanos} in all (unknown: -1).
     */
    int window(long callNanos, long rowNanos) {
        if (perWorkspaceRate == 0) {
            return perWorkspace;
        }
        if (callNanos < 0 || Math.ceil(perWorkspaceRate * callNanos / 1e9) <= 1) {
            return 1; // unknown yet, or one call at a time already reaches the rate
        }
        long needed = (long) Math.ceil(perWorkspaceRate * Math.max(callNanos, rowNanos) / 1e9);
        return (int) Math.max(1, Math.min(perWorkspace, needed));
    }
}
