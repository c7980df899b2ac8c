/**
 * Fault tests: the real bot (as a separate JVM where it says so) on real PostgreSQL against fake
 * platforms on loopback, killed, doubled, stormed, cut off from its database, replayed and
 * attacked.
 */
package org.tenfour.bot.fault;
