/**
 * Proactive check-ins: when a member is due, in which window to reach them, which peer it is on
 * behalf of (the weekly cap counts people in contact, not check-ins), the message and its buttons,
 * incidents, and the jobs that plan and nudge. At send time ({@code SendTime}, an outbox guard) the
 * window is checked again and a member's due check-ins become one; ended check-ins lose their
 * buttons ({@code CheckInButtons}). {@link org.tenfour.bot.checkin.ScheduleText} reads and prints
 * the schedule values people type (cadences, hours, days).
 */
package org.tenfour.bot.checkin;
