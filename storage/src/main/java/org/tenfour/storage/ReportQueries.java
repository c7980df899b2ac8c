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
 *
 * <p>Each method reads one closed calendar month and counts only what was known when that month
 * ended (a log recorded by its last day, a check-in answered or a request accepted before its end),
 * so the figures of a month never change afterwards and a quarter is exactly the sum of its months.
 */
@RegisterConstructorMapper(KeyCount.class)
public interface ReportQueries {
    /** Logs dated {@code from..to} and recorded (UTC day) by {@code to}. */
    String LOGS =
            " agency_id = :agencyId and log_date between :from and :to"
                    + " and (created_at at time zone 'UTC')::date <= :to ";

    @SqlQuery("select count(*) from interaction_log where" + LOGS)
    int logCount(UUID agencyId, LocalDate from, LocalDate to);

    @SqlQuery(
            "select contact_type as key, count(*) as count from interaction_log where"
                    + LOGS
                    + "group by contact_type")
    List<KeyCount> byContactType(UUID agencyId, LocalDate from, LocalDate to);

    @SqlQuery(
            "select duration_band as key, count(*) as count from interaction_log where"
                    + LOGS
                    + "group by duration_band")
    List<KeyCount> byDurationBand(UUID agencyId, LocalDate from, LocalDate to);

    @SqlQuery(
            "select t as key, count(*) as count from interaction_log, unnest(topic_codes) t where"
                    + LOGS
                    + "group by t")
    List<KeyCount> byTopic(UUID agencyId, LocalDate from, LocalDate to);

    @SqlQuery(
            "select r as key, count(*) as count from interaction_log, unnest(referral_codes) r where"
                    + LOGS
                    + "group by r")
    List<KeyCount> byReferral(UUID agencyId, LocalDate from, LocalDate to);

    /** Logs per peer pseudonym (for activity bands, never shown per peer). */
    @SqlQuery(
            "select peer_pseudonym as key, count(*) as count from interaction_log where"
                    + LOGS
                    + "group by peer_pseudonym")
    List<KeyCount> byPseudonym(UUID agencyId, LocalDate from, LocalDate to);

    /**
     * Check-ins sent within {@code [from, until)}: {@code answered} (before {@code until}) or
     * {@code not_answered}; check-ins that have expired (their rows deleted) count from {@code
     * check_in_tally}, by the agency-zone days {@code [fromDay, untilDay)}.
     */
    @SqlQuery(
            """
            select key, cast(sum(count) as integer) as count from (
                select case when answered_at is not null and answered_at < :until then 'answered'
                            else 'not_answered' end as key, count(*) as count
                from check_in where agency_id = :agencyId and sent_at >= :from and sent_at < :until
                group by 1
                union all
                select case when state = 'answered' then 'answered' else 'not_answered' end, sum(count)
                from check_in_tally where agency_id = :agencyId and sent_on >= :fromDay and sent_on < :untilDay
                group by 1) sent
            group by key""")
    List<KeyCount> checkInsSent(
            UUID agencyId, Instant from, Instant until, LocalDate fromDay, LocalDate untilDay);

    /**
     * Connection requests created within {@code [from, until)}, by outcome at {@code until}: {@code
     * accepted} (a peer took it), {@code closed_unaccepted}, {@code open}.
     */
    @SqlQuery(
            """
            select case when accepted_at is not null and accepted_at < :until then 'accepted'
                        when closed_at is not null and closed_at < :until then 'closed_unaccepted'
                        else 'open' end as key, count(*) as count
            from connection_request where agency_id = :agencyId
              and created_at >= :from and created_at < :until group by 1""")
    List<KeyCount> requestOutcomes(UUID agencyId, Instant from, Instant until);

    /**
     * Seconds from creation to acceptance of requests created within {@code [from, until)} and
     * accepted before {@code until}.
     */
    @SqlQuery(
            "select extract(epoch from accepted_at - created_at)::bigint from connection_request "
                    + "where agency_id = :agencyId and created_at >= :from and created_at < :until "
                    + "and accepted_at is not null and accepted_at < :until order by 1")
    List<Long> responseSeconds(UUID agencyId, Instant from, Instant until);

    /** Opt-outs, opt-ins and members who became unreachable in the month starting {@code month}. */
    @SqlQuery(
            "select kind as key, count as count from program_event_count "
                    + "where agency_id = :agencyId and month = :month")
    List<KeyCount> memberEvents(UUID agencyId, LocalDate month);

    /** Member ids of the agency's active peers (the bot turns them into pseudonyms). */
    @SqlQuery("select member_id from peer where agency_id = :agencyId and active")
    List<UUID> activePeers(UUID agencyId);

    /** People on the roster now (a count the coordinator controls; no flag is counted). */
    @SqlQuery("select count(*) from member where agency_id = :agencyId and on_roster")
    int rosterSize(UUID agencyId);

    /**
     * People on the roster TenFour cannot write to now (a delivery fact the coordinator can act on:
     * not a choice made in TenFour).
     */
    @SqlQuery(
            "select count(*) from member where agency_id = :agencyId and on_roster and unreachable")
    int unreachableNow(UUID agencyId);

    /** Active peers now, and how many of them are on a break. */
    @SqlQuery(
            """
            select case when away_until is not null and away_until > :now then 'away' else 'available' end
                   as key, count(*) as count
            from peer where agency_id = :agencyId and active group by 1""")
    List<KeyCount> peerAvailability(UUID agencyId, Instant now);
}
