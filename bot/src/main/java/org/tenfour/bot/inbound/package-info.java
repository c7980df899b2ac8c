/**
 * Where every platform's neutral events arrive ({@link org.tenfour.bot.inbound.Inbound}): the
 * agency and the caller are resolved, roles are checked here — never in adapters — and the event is
 * routed to the feature that owns the command, button or form.
 */
package org.tenfour.bot.inbound;
