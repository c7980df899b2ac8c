/**
 * TenFour's product: configuration, the command line ({@link org.tenfour.bot.Main}), the one list
 * of features and the services they share ({@link org.tenfour.bot.Program}, which tests use too),
 * and the running process around it: storage, platforms, scheduling and the HTTP server ({@link
 * org.tenfour.bot.Application}). {@code Application} builds the product twice through {@code
 * Program} when the sandbox is on: once for real agencies, once on the sandbox's schema and clock.
 * Feature packages beneath hold the domain; they depend on each other without a cycle, and none
 * writes SQL (both checked by {@code ArchitectureTest}).
 */
package org.tenfour.bot;
