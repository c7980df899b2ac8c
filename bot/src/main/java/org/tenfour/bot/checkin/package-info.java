/**
 * Proactive check-ins: when a member is due, in which window to reach them, which peer it is on
 * behalf of, the message and its buttons, incidents, and the jobs that plan and nudge. {@link
 * org.tenfour.bot.checkin.ScheduleText} reads and prints the schedule values people type (cadences,
 * hours, days).
 */
package org.tenfour.bot.checkin;
