package org.tenfour.storage;

import java.time.Instant;
import java.util.UUID;

/** One configuration change: who (a platform user id), what, old and new values, when. */
public record AuditEntry(
        long id,
        UUID agencyId,
        String actor,
        String action,
        String oldValue,
        String newValue,
        Instant at) {}
