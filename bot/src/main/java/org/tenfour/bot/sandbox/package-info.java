/**
 * The browser sandbox's product side: the controllable clock the whole application runs on in
 * sandbox mode, the fast-forward control (which lands in working hours, never at night), the demo
 * people with the guide's first message to each, and the demo agencies seeded through the real
 * commands. Nothing here changes how the domain behaves; the sandbox adds demo data and a way to
 * move time.
 */
package org.tenfour.bot.sandbox;
