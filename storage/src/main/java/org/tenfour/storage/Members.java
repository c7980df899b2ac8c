package org.tenfour.storage;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.json.Json;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** An agency's roster. Every method is scoped to one agency. */
@RegisterRowMapper(MemberMapper.class)
public interface Members {
    String COLUMNS =
            """
            id, agency_id, platform_user_id, display_name, time_zone, opted_out, snoozed_until,
            unreachable, is_coordinator, on_roster, created_at, window_start, window_end,
            window_days, assigned_peer_id, tags,
            welcomed_at, is_admin, language, language_chosen""";

    /** Adds the person to the agency (not on the roster yet), or refreshes their name and zone. */
    @SqlQuery(
            "insert into member (agency_id, platform_user_id, display_name, time_zone, on_roster) "
                    + "values (:agencyId, :platformUserId, :displayName, :timeZone, false) "
                    + "on conflict (agency_id, platform_user_id) do update set "
                    + "display_name = coalesce(excluded.display_name, member.display_name), "
                    + "time_zone = coalesce(excluded.time_zone, member.time_zone) "
                    + "returning "
                    + COLUMNS)
    Member upsert(UUID agencyId, String platformUserId, String displayName, String timeZone);

    @SqlQuery("select " + COLUMNS + " from member where agency_id = :agencyId and id = :memberId")
    Optional<Member> find(UUID agencyId, UUID memberId);

    /**
     * The agency's members among {@code memberIds} (others' and unknown ids are left out), in one
     * query.
     */
    @SqlQuery(
            "select "
                    + COLUMNS
                    + " from member where agency_id = :agencyId and id = any(:memberIds)")
    List<Member> findAll(UUID agencyId, UUID[] memberIds);

    @SqlQuery(
            "select "
                    + COLUMNS
                    + " from member "
                    + "where agency_id = :agencyId and platform_user_id = :platformUserId")
    Optional<Member> findByPlatformUser(UUID agencyId, String platformUserId);

    @SqlQuery(
            "select "
                    + COLUMNS
                    + " from member where agency_id = :agencyId order by created_at, id")
    List<Member> list(UUID agencyId);

    /**
     * Roster members TenFour has never reached: marked unreachable, not opted out, and no user
     * conversation reference (someone who removed the app has one and is left alone); oldest first,
     * at most {@code limit}.
     */
    @SqlQuery(
            """
            select\s"""
                    + COLUMNS
                    + """
                     from member m
                    where m.agency_id = :agencyId and m.on_roster and m.unreachable and not m.opted_out
                      and not exists (select 1 from conversation_ref r
                                      where r.agency_id = m.agency_id and r.kind = 'user'
                                        and r.platform_id = m.platform_user_id)
                    order by m.created_at, m.id
                    limit :limit""")
    List<Member> neverReached(UUID agencyId, int limit);

    @SqlQuery(
            "select "
                    + COLUMNS
                    + " from member where agency_id = :agencyId and on_roster order by created_at, id")
    List<Member> roster(UUID agencyId);

    /**
     * Takes off the roster everyone on it whose platform user id is not in {@code keep} (a roster
     * source's members), in one statement; returns their ids.
     */
    @SqlQuery(
            "update member set on_roster = false where agency_id = :agencyId and on_roster "
                    + "and not (platform_user_id = any(:keep)) returning id")
    List<UUID> leaveRosterUnless(UUID agencyId, String[] keep);

    /** The agency's coordinators (who are paged when no peer takes a request). */
    @SqlQuery(
            "select "
                    + COLUMNS
                    + " from member where agency_id = :agencyId and is_coordinator order by created_at, id")
    List<Member> coordinators(UUID agencyId);

    @SqlUpdate(
            "update member set opted_out = :optedOut where agency_id = :agencyId and id = :memberId")
    int setOptedOut(UUID agencyId, UUID memberId, boolean optedOut);

    @SqlUpdate(
            "update member set on_roster = :onRoster where agency_id = :agencyId and id = :memberId")
    int setOnRoster(UUID agencyId, UUID memberId, boolean onRoster);

    @SqlUpdate(
            "update member set is_coordinator = :coordinator where agency_id = :agencyId and id = :memberId")
    int setCoordinator(UUID agencyId, UUID memberId, boolean coordinator);

    @SqlUpdate(
            "update member set snoozed_until = :until where agency_id = :agencyId and id = :memberId")
    int setSnoozedUntil(UUID agencyId, UUID memberId, Instant until);

    @SqlUpdate(
            "update member set unreachable = :unreachable where agency_id = :agencyId and id = :memberId")
    int setUnreachable(UUID agencyId, UUID memberId, boolean unreachable);

    @SqlUpdate(
            "update member set unreachable = true where agency_id = :agencyId and platform_user_id = :platformUserId")
    int markUnreachableByPlatformUser(UUID agencyId, String platformUserId);

    /**
     * Whether the person is marked unreachable: asked before {@link #markReachableByPlatformUser},
     * because any update of {@code member}, even of no row, tells every replica's cache to forget.
     */
    @SqlQuery(
            "select exists (select 1 from member where agency_id = :agencyId and platform_user_id = :platformUserId and unreachable)")
    boolean isUnreachableByPlatformUser(UUID agencyId, String platformUserId);

    /** Reachable again: the person wrote, installed the app, or a message reached them. */
    @SqlUpdate(
            "update member set unreachable = false where agency_id = :agencyId and platform_user_id = :platformUserId and unreachable")
    int markReachableByPlatformUser(UUID agencyId, String platformUserId);

    @SqlUpdate(
            "update member set time_zone = :timeZone where agency_id = :agencyId and id = :memberId")
    int setTimeZone(UUID agencyId, UUID memberId, String timeZone);

    /** The member's own window; {@code days} empty (with no start and end) clears it. */
    default int setWindow(
            UUID agencyId, UUID memberId, LocalTime start, LocalTime end, Set<DayOfWeek> days) {
        return setWindowDays(
                agencyId,
                memberId,
                start,
                end,
                days.isEmpty()
                        ? null
                        : days.stream().sorted().map(DayOfWeek::name).toArray(String[]::new));
    }

    @SqlUpdate(
            "update member set window_start = :start, window_end = :end, window_days = :days "
                    + "where agency_id = :agencyId and id = :memberId")
    int setWindowDays(UUID agencyId, UUID memberId, LocalTime start, LocalTime end, String[] days);

    @SqlUpdate(
            "update member set assigned_peer_id = :peerId where agency_id = :agencyId and id = :memberId")
    int setAssignedPeer(UUID agencyId, UUID memberId, UUID peerId);

    @SqlUpdate(
            "update member set tags = cast(:tags as jsonb) where agency_id = :agencyId and id = :memberId")
    int setTags(UUID agencyId, UUID memberId, @Json Map<String, String> tags);

    @SqlUpdate(
            "update member set welcomed_at = :at where agency_id = :agencyId and id = :memberId and welcomed_at is null")
    int markWelcomed(UUID agencyId, UUID memberId, Instant at);

    /** People whose profile was never read, or not since {@code before}: oldest first. */
    @SqlQuery(
            "select "
                    + COLUMNS
                    + " from member where agency_id = :agencyId "
                    + "and (profile_checked_at is null or profile_checked_at < :before) "
                    + "order by profile_checked_at nulls first, id limit :limit")
    List<Member> profilesToRefresh(UUID agencyId, Instant before, int limit);

    /** The name the platform showed with the person's last event, when it changed. */
    @SqlUpdate(
            "update member set display_name = :displayName where agency_id = :agencyId and id = :memberId "
                    + "and display_name is distinct from :displayName")
    int renamed(UUID agencyId, UUID memberId, String displayName);

    /**
     * Records a profile read (names, zones and languages of the platform are kept when it gave
     * them; a language the member chose is kept whatever the platform says).
     */
    @SqlUpdate(
            "update member set display_name = coalesce(:displayName, display_name), "
                    + "time_zone = coalesce(:timeZone, time_zone), profile_checked_at = :at, "
                    + "language = case when language_chosen then language"
                    + " else coalesce(:language, language) end "
                    + "where agency_id = :agencyId and id = :memberId")
    int profileChecked(
            UUID agencyId,
            UUID memberId,
            String displayName,
            String timeZone,
            String language,
            Instant at);

    /** The member chose the language TenFour writes to them in ({@code en}, {@code es}). */
    @SqlUpdate(
            "update member set language = :language, language_chosen = true "
                    + "where agency_id = :agencyId and id = :memberId")
    int chooseLanguage(UUID agencyId, UUID memberId, String language);

    /**
     * The language of the platform's locale with the member's last event, when they chose none and
     * it changed; 1 when it was kept.
     */
    @SqlUpdate(
            "update member set language = :language where agency_id = :agencyId and id = :memberId "
                    + "and not language_chosen and language is distinct from :language")
    int platformLanguage(UUID agencyId, UUID memberId, String language);

    @SqlUpdate("delete from member where agency_id = :agencyId and id = :memberId")
    int delete(UUID agencyId, UUID memberId);
}
