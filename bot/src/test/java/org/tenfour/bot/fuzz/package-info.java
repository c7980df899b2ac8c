/**
 * Property-based fuzzing (jqwik, bounded tries) of command parsing and of the HTTP payload paths.
 */
package org.tenfour.bot.fuzz;
