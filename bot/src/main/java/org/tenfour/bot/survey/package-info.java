/**
 * The anonymous program survey the guidelines ask for: a needs survey before and during a program,
 * feedback after contacts. A coordinator starts one ({@code survey start needs|feedback [days]});
 * every enrolled member who has not opted out gets it once, privately, in their own contact window.
 * An answer only adds one to totals per question and choice; a keyed hash per member and survey
 * (unlinkable without the bot's key, deleted at the close) stops a second answer. Results come only
 * after the close and only with at least k respondents, every cell suppressed like the reports.
 */
package org.tenfour.bot.survey;
