package org.tenfour.bot.outbox;

import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.tenfour.storage.OutboxKind;

/**
 * Asked just before a queued message is sent whether it is still wanted (a check-in planned weeks
 * ago may since have been cancelled by an opt-out or snooze). An unwanted row is set aside unsent.
 */
@FunctionalInterface
public interface SendGuard {
    boolean stillWanted(Jdbi jdbi, UUID agencyId, OutboxKind kind, UUID ref);
}
