/**
 * Program reports for coordinators over closed calendar periods: aggregates over the coded log,
 * check-ins, connection requests and member-event counts ({@link
 * org.tenfour.bot.report.ReportService}), published once per period and read back ever after,
 * protected by small-count suppression checked against everything already published in the same
 * year ({@link org.tenfour.bot.report.Suppression}), and rendered as charts, CSV or a chat message.
 *
 * <p>Reports never name a peer or member, never show a count below the agency's threshold k, and
 * never let a hidden number be narrowed by subtracting one published report from another.
 */
package org.tenfour.bot.report;
