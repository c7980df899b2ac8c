/**
 * Program reports for coordinators: aggregates over the coded log, check-ins and connection
 * requests ({@link org.tenfour.bot.report.ReportService}), protected by small-count suppression
 * ({@link org.tenfour.bot.report.Suppression}), and rendered as a chart, CSV or a chat message.
 *
 * <p>Reports never name a peer or member and never show a count below the agency's threshold k.
 */
package org.tenfour.bot.report;
