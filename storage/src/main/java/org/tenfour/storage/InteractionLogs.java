package org.tenfour.storage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The coded interaction log. Rows carry a peer pseudonym, never a member id; a peer finds their own
 * rows only through the pseudonym the bot computes. Every method is scoped to one agency, except
 * {@link #agencies()}, which retention uses to visit every agency.
 */
@RegisterConstructorMapper(LogEntry.class)
public interface InteractionLogs {
    String COLUMNS =
            """
            id, agency_id, log_date, contact_type, topic_codes, duration_band, referral_codes,
            follow_up, safety_concern, peer_pseudonym, created_at, sealed_at""";

    /**
     * Stores a log; the row can be corrected until {@code sealedAt} (a UTC midnight). The creation
     * time is kept as its UTC day only, from the start: every row written in one transaction shares
     * {@code now()}, so an exact time would join the log to them.
     */
    @SqlQuery(
            """
            insert into interaction_log (agency_id, log_date, contact_type, topic_codes, duration_band,
                referral_codes, follow_up, safety_concern, peer_pseudonym, created_at, sealed_at)
            values (:agencyId, :logDate, :c.contactType, :c.topicArray, :c.durationBand, :c.referralArray,
                :c.followUp, :c.safetyConcern, :pseudonym, date_trunc('day', cast(:createdAt as timestamptz), 'UTC'),
                :sealedAt)
            returning\s"""
                    + COLUMNS)
    LogEntry insert(
            UUID agencyId,
            LocalDate logDate,
            @BindMethods("c") LogCodes c,
            String pseudonym,
            Instant createdAt,
            Instant sealedAt);

    /**
     * Replaces the codes of an unsealed row of this pseudonym; returns the new row if it was open.
     */
    @SqlQuery(
            """
            update interaction_log set contact_type = :c.contactType, topic_codes = :c.topicArray,
                duration_band = :c.durationBand, referral_codes = :c.referralArray,
                follow_up = :c.followUp, safety_concern = :c.safetyConcern
            where agency_id = :agencyId and id = :id and peer_pseudonym = :pseudonym and sealed_at > :now
            returning\s"""
                    + COLUMNS)
    Optional<LogEntry> correct(
            UUID agencyId, UUID id, String pseudonym, @BindMethods("c") LogCodes c, Instant now);

    @SqlQuery(
            "select " + COLUMNS + " from interaction_log where agency_id = :agencyId and id = :id")
    Optional<LogEntry> find(UUID agencyId, UUID id);

    /** This pseudonym's rows that are still open for correction, newest first. */
    @SqlQuery(
            "select "
                    + COLUMNS
                    + " from interaction_log where agency_id = :agencyId "
                    + "and peer_pseudonym = :pseudonym and sealed_at > :now order by created_at desc, id")
    List<LogEntry> open(UUID agencyId, String pseudonym, Instant now);

    /** This pseudonym's rows dated on or after {@code from}. */
    @SqlQuery(
            "select "
                    + COLUMNS
                    + " from interaction_log where agency_id = :agencyId "
                    + "and peer_pseudonym = :pseudonym and log_date >= :from order by log_date, id")
    List<LogEntry> ofPseudonymSince(UUID agencyId, String pseudonym, LocalDate from);

    /** Rows dated within {@code [from, to]}. */
    @SqlQuery(
            "select "
                    + COLUMNS
                    + " from interaction_log where agency_id = :agencyId "
                    + "and log_date between :from and :to order by log_date, id")
    List<LogEntry> between(UUID agencyId, LocalDate from, LocalDate to);

    /** Every row of the agency (for exports and the de-identification check). */
    @SqlQuery(
            "select "
                    + COLUMNS
                    + " from interaction_log where agency_id = :agencyId order by log_date, id")
    List<LogEntry> list(UUID agencyId);

    /** Contacts per pseudonym dated within {@code [from, to]}. */
    @SqlQuery(
            "select peer_pseudonym as key, count(*) as count from interaction_log "
                    + "where agency_id = :agencyId and log_date between :from and :to group by peer_pseudonym")
    @RegisterConstructorMapper(KeyCount.class)
    List<KeyCount> countsByPseudonym(UUID agencyId, LocalDate from, LocalDate to);

    /** Deletes rows dated before {@code before}; returns how many. */
    @SqlUpdate("delete from interaction_log where agency_id = :agencyId and log_date < :before")
    int purgeBefore(UUID agencyId, LocalDate before);

    /**
     * Coarsens the timestamps of sealed rows to the day, so that after the correction window the
     * exact time of a log (which could be matched against chat activity) is no longer kept.
     */
    @SqlUpdate(
            """
            update interaction_log set created_at = date_trunc('day', created_at, 'UTC'),
                sealed_at = date_trunc('day', sealed_at, 'UTC')
            where agency_id = :agencyId and sealed_at <= :now
              and (created_at <> date_trunc('day', created_at, 'UTC')
                   or sealed_at <> date_trunc('day', sealed_at, 'UTC'))""")
    int coarsenSealed(UUID agencyId, Instant now);

    /** Agencies that have any log rows: the one cross-agency query, for retention. */
    @SqlQuery("select distinct agency_id from interaction_log")
    List<UUID> agencies();
}
