/**
 * Where every platform's neutral events arrive ({@link org.tenfour.bot.inbound.Inbound}): the
 * agency and the caller are resolved, roles are checked here — never in adapters — and the event is
 * routed to the feature that owns the command, button, form or home. Who is who is remembered
 * between requests ({@code KnownCallers}, a Caffeine cache whose entries are forgotten when the
 * person's own rows, their agency's row, or everything changed); the caller carries the agency's
 * settings, parsed once. {@link org.tenfour.bot.inbound.Values} reads the values any command's
 * arguments carry (zones, spans, dates).
 *
 * <p>{@link org.tenfour.bot.inbound.Subcommand} is the one place a command word is written: the
 * router, {@link org.tenfour.bot.inbound.Help} (by role and task, {@code help <command>}, "did you
 * mean") and, through {@link org.tenfour.bot.inbound.Subcommand#vocabulary()}, every platform's
 * surface are made from it. What the router and help answer a member — help, "I don't know …" and
 * "did you mean", a correction ({@link org.tenfour.bot.inbound.UsageException#said}: a key of the
 * members' bundle, with a translated "Usage:" line), a refusal — is in the member's language; a
 * peer's or coordinator's correction stays English.
 */
package org.tenfour.bot.inbound;
