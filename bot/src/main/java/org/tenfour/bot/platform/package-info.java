/**
 * The product's side of the platform adapters: their persistence ports implemented on storage
 * (Slack installations and event ids, Teams conversation references), and their construction from
 * settings.
 */
package org.tenfour.bot.platform;
