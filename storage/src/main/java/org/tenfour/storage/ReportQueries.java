package org.tenfour.storage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Aggregates for program reports. Returns raw counts: the bot suppresses small ones before anything
 * is shown. Every method is scoped to one agency.
 */
@RegisterConstructorMapper(KeyCount.class)
public interface ReportQueries {

    @SqlQuery(
            "select count(*) from interaction_log where agency_id = :agencyId "
                    + "and log_date between :from and :to")
    int logCount(UUID agencyId, LocalDate from, LocalDate to);

    /** Counts by a single-valued column: {@code contact_type} or {@code duration_band}. */
    @SqlQuery(
            "select contact_type as key, count(*) as count from interaction_log where agency_id = :agencyId "
                    + "and log_date between :from and :to group by contact_type")
    List<KeyCount> byContactType(UUID agencyId, LocalDate from, LocalDate to);

    @SqlQuery(
            "select duration_band as key, count(*) as count from interaction_log where agency_id = :agencyId "
                    + "and log_date between :from and :to group by duration_band")
    List<KeyCount> byDurationBand(UUID agencyId, LocalDate from, LocalDate to);

    @SqlQuery(
            "select t as key, count(*) as count from interaction_log, unnest(topic_codes) t "
                    + "where agency_id = :agencyId and log_date between :from and :to group by t")
    List<KeyCount> byTopic(UUID agencyId, LocalDate from, LocalDate to);

    @SqlQuery(
            "select r as key, count(*) as count from interaction_log, unnest(referral_codes) r "
                    + "where agency_id = :agencyId and log_date between :from and :to group by r")
    List<KeyCount> byReferral(UUID agencyId, LocalDate from, LocalDate to);

    /** Check-ins sent within {@code [from, until)}, by state ({@code sent, answered, expired}). */
    @SqlQuery(
            "select state as key, count(*) as count from check_in where agency_id = :agencyId "
                    + "and sent_at >= :from and sent_at < :until group by state")
    List<KeyCount> checkInsSent(UUID agencyId, Instant from, Instant until);

    /**
     * Members on the roster now, by flag: {@code opted_out}, {@code unreachable}, {@code roster}.
     */
    @SqlQuery(
            """
            select 'roster' as key, count(*) as count from member where agency_id = :agencyId and on_roster
            union all
            select 'opted_out', count(*) from member where agency_id = :agencyId and on_roster and opted_out
            union all
            select 'unreachable', count(*) from member where agency_id = :agencyId and on_roster and unreachable""")
    List<KeyCount> rosterFlags(UUID agencyId);

    /**
     * Connection requests created within {@code [from, until)}, by outcome: {@code accepted} (a
     * peer took it), {@code escalated}, {@code closed_unaccepted}, {@code open}.
     */
    @SqlQuery(
            """
            select case when accepted_at is not null then 'accepted'
                        when state = 'escalated' then 'escalated'
                        when state = 'closed' then 'closed_unaccepted'
                        else 'open' end as key, count(*) as count
            from connection_request where agency_id = :agencyId
              and created_at >= :from and created_at < :until group by 1""")
    List<KeyCount> requestOutcomes(UUID agencyId, Instant from, Instant until);

    /**
     * Seconds from creation to acceptance of accepted requests created within {@code [from,
     * until)}.
     */
    @SqlQuery(
            "select extract(epoch from accepted_at - created_at)::bigint from connection_request "
                    + "where agency_id = :agencyId and created_at >= :from and created_at < :until "
                    + "and accepted_at is not null order by 1")
    List<Long> responseSeconds(UUID agencyId, Instant from, Instant until);

    /** Member ids of the agency's active peers (the bot turns them into pseudonyms). */
    @SqlQuery("select member_id from peer where agency_id = :agencyId and active")
    List<UUID> activePeers(UUID agencyId);
}
