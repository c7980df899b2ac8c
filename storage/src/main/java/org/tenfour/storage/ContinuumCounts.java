package org.tenfour.storage;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Stress-continuum answers as counts per agency, week bucket and colour: nothing else is kept of
 * them. Every statement names the agency.
 */
@RegisterConstructorMapper(KeyCount.class)
public interface ContinuumCounts {

    /** Counts one answer; the caller runs it in a transaction of its own. */
    @SqlUpdate(
            """
            insert into continuum_count (agency_id, bucket_start, colour, count)
            values (:agencyId, :bucket, :colour, 1)
            on conflict (agency_id, bucket_start, colour) do update set count = continuum_count.count + 1""")
    int add(UUID agencyId, LocalDate bucket, String colour);

    /** Answers by colour in the buckets that start within {@code [from, to]}. */
    @SqlQuery(
            """
            select colour as key, sum(count)::int as count from continuum_count
            where agency_id = :agencyId and bucket_start >= :from and bucket_start <= :to
            group by colour""")
    List<KeyCount> byColour(UUID agencyId, LocalDate from, LocalDate to);
}
