/**
 * TenFour's product: configuration, the command line ({@link org.tenfour.bot.Main}) and the wiring
 * of storage, platforms, scheduling and the HTTP server ({@link org.tenfour.bot.Application}).
 * Feature packages beneath hold the domain.
 */
package org.tenfour.bot;
