package org.tenfour.storage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The audit log of configuration changes, per agency. Never holds message content. */
@RegisterConstructorMapper(AuditEntry.class)
public interface AuditLog {

    @SqlUpdate(
            """
            insert into audit_log (agency_id, actor, action, old_value, new_value, at)
            values (:agencyId, :actor, :action, :oldValue, :newValue, :at)""")
    void record(
            UUID agencyId,
            String actor,
            String action,
            String oldValue,
            String newValue,
            Instant at);

    @SqlQuery(
            """
            select id, agency_id, actor, action, old_value, new_value, at from audit_log
            where agency_id = :agencyId order by at desc, id desc limit :limit""")
    List<AuditEntry> recent(UUID agencyId, int limit);
}
