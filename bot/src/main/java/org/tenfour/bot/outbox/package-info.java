/**
 * Outgoing messages: written to the outbox table in the same transaction as the state change that
 * causes them ({@link org.tenfour.bot.outbox.Outgoing}), delivered by the {@link
 * org.tenfour.bot.outbox.OutboxSender} with retries, backoff and rate-limit pauses. Just before
 * sending, {@link org.tenfour.bot.outbox.SendGuard}s decide whether a row goes now, later (outside
 * its member's window) or never.
 */
package org.tenfour.bot.outbox;
