/**
 * The resource directory: where to get help beyond the peer team (EAP, clinicians, chaplains,
 * medical, legal, financial, family, substance use). Coordinators keep it ({@code resources add},
 * {@code remove}, {@code share}); partner agencies may share theirs. Members see it with {@code
 * /tenfour resources}, and the relevant category beneath the crisis lines after a check-in answer
 * or a request; peers see it when they log a referral. Nothing records who looked: reading the
 * directory writes no row, and the contact log keeps only its referral code.
 */
package org.tenfour.bot.resources;
