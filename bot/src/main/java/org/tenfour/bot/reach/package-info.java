/**
 * Proactive reach in Teams: when the operator turns it on ({@code TEAMS_PROACTIVE_INSTALL=on}),
 * {@link org.tenfour.bot.reach.TeamsReach} installs TenFour through Microsoft Graph for roster
 * members it has never reached, at a bounded rate, and sends them the welcome they missed. Nothing
 * calls Graph while it is off.
 */
package org.tenfour.bot.reach;
