/**
 * The bot's home (Slack App Home): what each person can do, and what is waiting for them, by role.
 */
package org.tenfour.bot.home;
