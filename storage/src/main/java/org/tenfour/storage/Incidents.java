package org.tenfour.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Critical incidents of an agency. Every statement names the agency. */
@RegisterConstructorMapper(Incident.class)
public interface Incidents {

    /**
     * Creates an incident. Who created it is not stored here (the audit log has the coordinator's
     * change); the label is cleared when its follow-ups are over ({@link Expiry}).
     */
    @SqlQuery(
            "insert into incident (agency_id, label, created_at) values (:agencyId, :label, :at) "
                    + "returning id, agency_id, label, created_by, created_at, cancelled_at")
    Incident create(UUID agencyId, String label, Instant at);

    @SqlQuery(
            "select id, agency_id, label, created_by, created_at, cancelled_at from incident "
                    + "where agency_id = :agencyId and id = :id")
    Optional<Incident> find(UUID agencyId, UUID id);

    @SqlQuery(
            "select id, agency_id, label, created_by, created_at, cancelled_at from incident "
                    + "where agency_id = :agencyId and cancelled_at is null order by created_at desc")
    List<Incident> open(UUID agencyId);

    @SqlUpdate(
            "update incident set cancelled_at = :at where agency_id = :agencyId and id = :id and cancelled_at is null")
    int cancel(UUID agencyId, UUID id, Instant at);
}
