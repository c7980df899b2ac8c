/**
 * Abuse limits for authenticated people: a per-person command rate ({@link
 * org.tenfour.bot.limits.CommandRate}), and the coordinators' once-a-day notice, with counts and
 * never names, when a limit trips ({@link org.tenfour.bot.limits.LimitNotices}).
 */
package org.tenfour.bot.limits;
