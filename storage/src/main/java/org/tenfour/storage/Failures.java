package org.tenfour.storage;

import java.sql.SQLException;
import java.util.StringJoiner;

/**
 * A failure described for a log line without its messages: exception messages can carry bound
 * values, names or text (a driver's "Key (name)=(…) already exists", a validation message quoting
 * input), so only the classes, SQL states and the first frame in TenFour's own code are shown.
 *
 * <pre>{@code
 * log.warn("planning failed for agency {}: {}", agency.id(), Failures.describe(e));
 * // planning failed for agency 7f…: UnableToExecuteStatementException < PSQLException[23505]
 * //   at org.tenfour.bot.checkin.CheckInPlanner.plan(CheckInPlanner.java:88)
 * }</pre>
 */
public final class Failures {
    private static final int MAX_CAUSES = 6;

    private Failures() {}

    /** The cause chain's classes (with SQL states) and where in TenFour it was thrown. */
    public static String describe(Throwable failure) {
        if (failure == null) {
            return "unknown failure";
        }
        StringJoiner chain = new StringJoiner(" < ");
        int depth = 0;
        for (Throwable t = failure;
                t != null && depth < MAX_CAUSES;
                t = t.getCause() == t ? null : t.getCause(), depth++) {
            String name = t.getClass().getSimpleName();
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                name += "[" + sql.getSQLState() + "]";
            }
            chain.add(name);
        }
        return chain + where(failure);
    }

    private static String where(Throwable failure) {
        for (StackTraceElement frame : failure.getStackTrace()) {
            if (frame.getClassName().startsWith("org.tenfour.")) {
                return " at " + frame;
            }
        }
        return "";
    }
}
