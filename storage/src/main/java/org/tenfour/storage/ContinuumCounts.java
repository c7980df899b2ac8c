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

    /**
     * Marks the check-in with keyed-hash {@code tag} as counted; false when it already was (the
     * caller then counts nothing).
     */
    @SqlUpdate(
            """
            insert into continuum_counted (agency_id, tag, bucket_start) values (:agencyId, :tag, :bucket)
            on conflict (agency_id, tag) do nothing""")
    boolean markCounted(UUID agencyId, String tag, LocalDate bucket);

    /**
     * Counts one answer of {@code colour}: every colour row of the week is written (the others by
     * zero), so that the rows' transaction ids cannot tell which colour it was. The caller runs it
     * with {@link #markCounted} in a transaction of its own.
     */
    @SqlUpdate(
            """
            insert into continuum_count (agency_id, bucket_start, colour, count)
            select :agencyId, :bucket, c, case when c = :colour then 1 else 0 end
            from unnest(cast(:colours as text[])) as c
            on conflict (agency_id, bucket_start, colour)
            do update set count = continuum_count.count + excluded.count""")
    int add(UUID agencyId, LocalDate bucket, String colour, String[] colours);

    /** Answers by colour in the buckets that start within {@code [from, to]}. */
    @SqlQuery(
            """
            select colour as key, sum(count)::int as count from continuum_count
            where agency_id = :agencyId and bucket_start >= :from and bucket_start <= :to
            group by colour having sum(count) > 0""")
    List<KeyCount> byColour(UUID agencyId, LocalDate from, LocalDate to);

    /** Forgets the counted-tags of weeks before {@code before}: those check-ins have expired. */
    @SqlUpdate(
            "delete from continuum_counted where agency_id = :agencyId and bucket_start < :before")
    int forgetCountedBefore(UUID agencyId, LocalDate before);
}
