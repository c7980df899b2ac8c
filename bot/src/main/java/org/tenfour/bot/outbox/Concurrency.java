package org.tenfour.bot.outbox;

/**
 * How many platform calls the outbox sender may have in flight: in all, and for one workspace (one
 * agency). Calls mostly wait on the platform (tens to hundreds of milliseconds each), so in flight
 * is what sets the pace: at 150 ms a call, 8 in flight give a workspace about 53 messages a second,
 * a little over Slack's 50; a rate limit then pauses that workspace until its {@code Retry-After}.
 *
 * @param overall calls in flight in all (the sender's threads)
 * @param perWorkspace calls in flight for one workspace
 */
public record Concurrency(int overall, int perWorkspace) {
    /** One call at a time, on the caller's thread: domain tests, and the sender as it was. */
    public static final Concurrency ONE_AT_A_TIME = new Concurrency(1, 1);

    /** Calls in flight for one workspace by default. */
    public static final int PER_WORKSPACE = 8;

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
    }

    /**
     * Sized to the machine: 16 calls in flight per core (threads that mostly wait), between 16 and
     * 64, {@value #PER_WORKSPACE} for one workspace.
     */
    public static Concurrency forMachine() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new Concurrency(Math.max(16, Math.min(64, 16 * cores)), PER_WORKSPACE);
    }

    /** Whether more than one call may be in flight. */
    boolean concurrent() {
        return overall > 1;
    }
}
