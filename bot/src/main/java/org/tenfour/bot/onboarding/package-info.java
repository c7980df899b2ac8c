/**
 * Peer onboarding and training records. A peer added to the team first receives the program's
 * confidentiality policy with its written exceptions and the scope of the role (a peer is not a
 * counsellor; when and how to refer) and acknowledges it; until then no offer or check-in goes out
 * in their name. Coordinators keep training records ({@code training add|list|remove}); a required
 * course past its last day takes the peer out of rotation, with a reminder to the peer 30 days
 * before and counts for coordinators. {@link RotationGate} is the one place the rotation asks.
 */
package org.tenfour.bot.onboarding;
