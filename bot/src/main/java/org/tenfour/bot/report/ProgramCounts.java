package org.tenfour.bot.report;

/**
 * What live views (status, App Home) say instead of counting people's choices. A live count of
 * opt-outs or answered check-ins moves by one when one member is added to or removed from the
 * roster, and so tells a coordinator that member's choice; closed-period reports count changes
 * instead, published once and suppressed. (Who TenFour cannot reach is a delivery fact, not a
 * choice, and coordinators must act on it: status counts it live.)
 */
public final class ProgramCounts {
    /** One line for status and App Home. */
    public static final String NOT_COUNTED_HERE =
            "Opt-outs and answered check-ins are not counted here, so that"
                    + " adding or removing someone cannot reveal their choice: see `/tenfour report"
                    + " month` (closed months, small numbers suppressed).";

    private ProgramCounts() {}
}
