/**
 * Round-the-clock coverage: the weekly on-call rota of peers ({@code /tenfour oncall}), its handoff
 * DMs and empty-week notices ({@link org.tenfour.bot.oncall.OnCallJobs}), and {@link
 * org.tenfour.bot.oncall.OnCall}, which tells request routing who is on call now: urgent requests
 * and requests outside the agency's hours are offered to that peer first. The rota names peers
 * (staff of the program), never the members they help.
 */
package org.tenfour.bot.oncall;
