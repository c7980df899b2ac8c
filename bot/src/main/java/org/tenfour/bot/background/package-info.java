/**
 * Background work (delivery, planning, profile reads, scheduled jobs) runs at a lower CPU priority
 * than requests: when the machine is busy, a person's command is answered first and a check-in is
 * sent a little later; when it is not, background work gets every idle cycle as before ({@link
 * org.tenfour.bot.background.BackgroundPriority}).
 */
package org.tenfour.bot.background;
