/**
 * Proactive check-ins: when a member is due, in which window to reach them, which peer it is on
 * behalf of, the message and its buttons, incidents, and the jobs that plan and nudge.
 */
package org.tenfour.bot.checkin;
