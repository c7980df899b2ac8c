/**
 * Connection requests, the reactive and coactive side of TenFour: a member asks for a peer ({@code
 * /peer}, Teams {@code talk}, or "I'd like to talk" on a check-in); peers are offered the request
 * one at a time with Accept / Decline; the first accept wins; unanswered offers time out to the
 * next peer and, after three, to the coordinators. Accepted requests become an introduction (same
 * agency and platform, name shared) or an anonymous relay whose messages are never stored. Also:
 * the peer directory and profiles, peers' availability, supervisor referrals, partner agencies,
 * safety concerns, and the retention purge.
 */
package org.tenfour.bot.connect;
