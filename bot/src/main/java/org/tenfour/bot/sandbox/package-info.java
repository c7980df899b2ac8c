/**
 * The browser sandbox's product side. {@link org.tenfour.bot.sandbox.Sandbox} runs a second copy of
 * the product, built by the same {@link org.tenfour.bot.Program} as the real one, on its own schema
 * ({@code sandbox}), its own controllable clock, its own outbox sender and its own in-process jobs;
 * real agencies keep running on the real clock and are out of its reach. Here too: the fast-forward
 * control (which lands in working hours, never at night), the demo people with the guide's first
 * message to each, and the demo agencies seeded through the real commands.
 */
package org.tenfour.bot.sandbox;
