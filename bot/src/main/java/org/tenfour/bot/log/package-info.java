/**
 * The coded interaction log: the quick form a peer fills after a contact ({@link
 * org.tenfour.bot.log.InteractionLogForms}), its validation and storage under a keyed peer
 * pseudonym ({@link org.tenfour.bot.log.InteractionLogService}), follow-up reminders kept apart
 * from the log, the peer-wellness nudge ({@link org.tenfour.bot.log.PeerWellness}) and retention
 * ({@link org.tenfour.bot.log.Retention}).
 *
 * <p>Nothing here stores or logs a name, a member id next to a code, or free text.
 */
package org.tenfour.bot.log;
