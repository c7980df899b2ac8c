package org.tenfour.bot.report;

/**
 * What live views (status, App Home) say instead of counting people's choices. A live count of
 * opt-outs, answered check-ins or unreachable members moves by one when one member is added to or
 * removed from the roster, and so tells a coordinator that member's state; closed-period reports
 * count changes instead, published once and suppressed.
 */
public final class ProgramCounts {
    /** One line for status and App Home. */
    public static final String NOT_COUNTED_HERE =
            "Opt-outs, answered check-ins and unreachable members are not counted here, so that"
                    + " adding or removing someone cannot reveal their choice: see `/tenfour report"
                    + " month` (closed months, small numbers suppressed).";

    private ProgramCounts() {}
}
