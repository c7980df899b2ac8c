package org.tenfour.storage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.json.Json;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Published report snapshots: one per agency, period kind and start, written once and never
 * changed. {@code cells} holds the published cells only.
 */
@RegisterConstructorMapper(ReportSnapshot.class)
public interface ReportSnapshots {

    /** Stores a snapshot unless one exists; true if this call stored it. */
    @SqlUpdate(
            """
            insert into report_snapshot (agency_id, period, period_start, period_end, k, cells, published_at)
            values (:agencyId, :period, :start, :end, :k, cast(:cells as jsonb), :at)
            on conflict (agency_id, period, period_start) do nothing""")
    boolean publish(
            UUID agencyId,
            String period,
            LocalDate start,
            LocalDate end,
            int k,
            @Json List<ReportSnapshot.Cell> cells,
            Instant at);

    @SqlQuery(
            """
            select agency_id, period, period_start, period_end, k, cells, published_at
            from report_snapshot where agency_id = :agencyId and period = :period and period_start = :start""")
    Optional<ReportSnapshot> find(UUID agencyId, String period, LocalDate start);

    /** Every snapshot that lies within {@code from..to}. */
    @SqlQuery(
            """
            select agency_id, period, period_start, period_end, k, cells, published_at
            from report_snapshot where agency_id = :agencyId and period_start >= :from and period_end <= :to
            order by period_start, period""")
    List<ReportSnapshot> within(UUID agencyId, LocalDate from, LocalDate to);

    /** Serialises publication per agency for the rest of the transaction. */
    @SqlQuery("select 1 from pg_advisory_xact_lock(hashtext('report:' || cast(:agencyId as text)))")
    int lock(UUID agencyId);
}
