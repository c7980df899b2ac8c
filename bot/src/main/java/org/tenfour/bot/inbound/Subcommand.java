package org.tenfour.bot.inbound;

import java.util.Objects;
import org.tenfour.adapters.Reply;

/**
 * One {@code /tenfour} subcommand: who may use it, where, its usage line, and what it does.
 *
 * @param name the first word ({@code cadence})
 * @param usage the right form, shown by help and on a mistake
 * @param summary one line for help
 * @param role the role needed
 * @param coordinatorChannelOnly whether it only works in the coordinator channel
 * @param action what it does
 */
public record Subcommand(
        String name,
        String usage,
        String summary,
        Role role,
        boolean coordinatorChannelOnly,
        Action action) {

    /** What a subcommand does with its arguments. */
    @FunctionalInterface
    public interface Action {
        Reply run(Caller caller, Args args, String triggerId);
    }

    public Subcommand {
        Objects.requireNonNull(name, "null name");
        Objects.requireNonNull(usage, "null usage");
        Objects.requireNonNull(summary, "null summary");
        Objects.requireNonNull(role, "null role");
        Objects.requireNonNull(action, "null action");
    }
}
