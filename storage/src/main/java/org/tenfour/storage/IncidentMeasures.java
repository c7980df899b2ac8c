package org.tenfour.storage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The incident follow-up measure: per incident, how many members were involved and how many had a
 * peer contact within 72 hours or within 7 days, as counts only. Every statement names the agency.
 */
@RegisterConstructorMapper(KeyCount.class)
public interface IncidentMeasures {

    /** How many are involved, and the day the incident's 7-day window ends. */
    @SqlUpdate(
            """
            update incident set involved_count = :involved, window_ends_on = :windowEndsOn
            where agency_id = :agencyId and id = :incidentId""")
    int start(UUID agencyId, UUID incidentId, int involved, LocalDate windowEndsOn);

    /**
     * Marks the member with keyed-hash {@code tag} as contacted for the incident; false when they
     * already were (the caller then counts nothing).
     */
    @SqlUpdate(
            """
            insert into incident_contact_mark (agency_id, incident_id, tag)
            select :agencyId, :incidentId, :tag where exists
              (select 1 from incident where agency_id = :agencyId and id = :incidentId)
            on conflict (agency_id, incident_id, tag) do nothing""")
    boolean mark(UUID agencyId, UUID incidentId, String tag);

    /** Counts one contacted member: within 72 hours, or after 72 hours but within 7 days. */
    @SqlUpdate(
            """
            update incident set
              contacted_72h = contacted_72h + case when :within72h then 1 else 0 end,
              contacted_7d = contacted_7d + case when :within72h then 0 else 1 end
            where agency_id = :agencyId and id = :incidentId
              and contacted_72h + contacted_7d < involved_count""")
    int count(UUID agencyId, UUID incidentId, boolean within72h);

    /**
     * The measure of the incidents (not cancelled) whose 7-day window ended within {@code [from,
     * to]}: {@code involved}, {@code within_72h}, {@code within_7d} (after 72 hours) and {@code
     * later} (not within 7 days).
     */
    @SqlQuery(
            """
            select key, count from (
              select coalesce(sum(involved_count), 0)::int as involved,
                     coalesce(sum(contacted_72h), 0)::int as within_72h,
                     coalesce(sum(contacted_7d), 0)::int as within_7d,
                     coalesce(sum(involved_count - contacted_72h - contacted_7d), 0)::int as later
              from incident
              where agency_id = :agencyId and cancelled_at is null
                and window_ends_on >= :from and window_ends_on <= :to) m
            cross join lateral (values ('involved', involved), ('within_72h', within_72h),
                                       ('within_7d', within_7d), ('later', later)) as v (key, count)""")
    List<KeyCount> byWindowEnd(UUID agencyId, LocalDate from, LocalDate to);

    /** Forgets the marks of incidents that began before {@code before} (their window is over). */
    @SqlUpdate(
            """
            delete from incident_contact_mark m using incident i
            where m.agency_id = :agencyId and i.agency_id = :agencyId and i.id = m.incident_id
              and i.created_at < :before""")
    int forgetMarks(UUID agencyId, Instant before);
}
