/**
 * The bot's home (Slack App Home): what each person can do, and what is waiting for them, by role.
 * {@link org.tenfour.bot.home.Home} contributes it to the router as a feature.
 */
package org.tenfour.bot.home;
