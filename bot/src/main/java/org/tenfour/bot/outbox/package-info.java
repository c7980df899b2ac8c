/**
 * Outgoing messages: written to the outbox table in the same transaction as the state change that
 * causes them ({@link org.tenfour.bot.outbox.Outgoing}), delivered by the {@link
 * org.tenfour.bot.outbox.OutboxSender} with retries, backoff and rate-limit pauses, paced per
 * conversation ({@code Pacer}: a row that must wait is booked its conversation's next free slot),
 * several calls in flight at once: bounded in all and per workspace, each workspace's share sized
 * by its latency ({@link org.tenfour.bot.outbox.Concurrency}, {@code InFlight}). A row says what it
 * is for by a typed kind and a ref ({@link org.tenfour.bot.outbox.OutboxKey}); its stored key is a
 * keyed hash, and once delivered it keeps neither text nor addressee. Just before sending, {@link
 * org.tenfour.bot.outbox.SendGuard}s decide whether a row goes now, later (outside its member's
 * window) or never.
 */
package org.tenfour.bot.outbox;
