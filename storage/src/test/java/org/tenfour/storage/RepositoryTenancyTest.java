package org.tenfour.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One agency never reads or changes another's rows, through any repository method. */
@ExtendWith(PostgresExtension.class)
class RepositoryTenancyTest {
    private final Jdbi jdbi;
    private final Agency mine;
    private final Agency theirs;

    RepositoryTenancyTest(TestDatabase db) {
        this.jdbi = db.jdbi();
        this.mine = TestData.agency(jdbi);
        this.theirs = TestData.agency(jdbi);
    }

    @Test
    void members_of_one_agency_are_invisible_to_another() {
        Members members = jdbi.onDemand(Members.class);
        Member m = TestData.member(jdbi, theirs);

        assertThat(members.find(mine.id(), m.id())).isEmpty();
        assertThat(members.findByPlatformUser(mine.id(), m.platformUserId())).isEmpty();
        assertThat(members.list(mine.id())).extracting(Member::id).doesNotContain(m.id());
        Member own = TestData.member(jdbi, mine);
        assertThat(members.findAll(mine.id(), new UUID[] {m.id(), own.id()})).containsExactly(own);
        assertThat(members.findAll(theirs.id(), new UUID[] {m.id(), own.id()})).containsExactly(m);
        members.setOnRoster(theirs.id(), m.id(), true);
        members.markUnreachableByPlatformUser(theirs.id(), m.platformUserId());
        assertThat(members.neverReached(theirs.id(), 10)).extracting(Member::id).contains(m.id());
        assertThat(members.neverReached(mine.id(), 10))
                .extracting(Member::id)
                .doesNotContain(m.id());
        assertThat(members.setOptedOut(mine.id(), m.id(), true)).isZero();
        assertThat(members.delete(mine.id(), m.id())).isZero();
        members.setOnRoster(theirs.id(), m.id(), true);
        assertThat(members.leaveRosterUnless(mine.id(), new String[0]))
                .as("another agency's roster is left alone")
                .doesNotContain(m.id());
        assertThat(members.find(theirs.id(), m.id()))
                .get()
                .extracting(Member::onRoster)
                .isEqualTo(true);
        assertThat(members.find(theirs.id(), m.id()))
                .get()
                .extracting(Member::optedOut)
                .isEqualTo(false);
    }

    @Test
    void resources_of_one_agency_are_invisible_to_another_unless_shared_with_a_partner() {
        Resources resources = jdbi.onDemand(Resources.class);
        java.time.LocalDate day = java.time.LocalDate.parse("2026-11-01");
        Resource kept = resources.add(theirs.id(), "Their EAP", "555-0100", "eap", false, day);
        Resource shared =
                resources.add(theirs.id(), "Chaplains", "555-0199", "chaplain", true, day);

        assertThat(resources.own(mine.id())).isEmpty();
        assertThat(resources.sharedWith(mine.id())).as("not partners").isEmpty();
        assertThat(resources.remove(mine.id(), kept.id())).isZero();
        assertThat(resources.share(mine.id(), kept.id(), true)).isZero();
        assertThat(resources.own(theirs.id()))
                .extracting(Resource::shared)
                .containsExactly(false, true);

        jdbi.useHandle(
                h ->
                        h.createUpdate(
                                        "insert into partnership (agency_a, agency_b, state, created_at) "
                                                + "values (:a, :b, 'active', now())")
                                .bind("a", mine.id())
                                .bind("b", theirs.id())
                                .execute());
        assertThat(resources.sharedWith(mine.id())).containsExactly(shared);
        assertThat(resources.sharedWith(theirs.id())).isEmpty();
    }

    @Test
    void surveys_onboarding_and_training_of_one_agency_are_invisible_to_another() {
        java.time.LocalDate day = java.time.LocalDate.parse("2026-11-01");
        Surveys surveys = jdbi.onDemand(Surveys.class);
        Survey theirSurvey = surveys.create(theirs.id(), "needs", day, day.plusDays(13));
        surveys.prepare(theirs.id(), theirSurvey.id(), List.of("knows"), List.of("yes"));
        assertThat(surveys.find(mine.id(), theirSurvey.id())).isEmpty();
        assertThat(surveys.all(mine.id())).isEmpty();
        assertThat(surveys.mark(mine.id(), theirSurvey.id(), "m")).isFalse();
        assertThat(surveys.respond(mine.id(), theirSurvey.id(), day)).isFalse();
        assertThat(
                        surveys.count(
                                mine.id(),
                                theirSurvey.id(),
                                new String[] {"knows"},
                                new String[] {"yes"}))
                .isZero();
        assertThat(surveys.tallies(mine.id(), theirSurvey.id())).isEmpty();
        assertThat(surveys.close(mine.id(), theirSurvey.id(), day)).isZero();
        assertThat(surveys.create(mine.id(), "needs", day, day).number())
                .as("numbers count per agency")
                .isEqualTo(1);

        Member peer = TestData.member(jdbi, theirs);
        PeerOnboarding onboarding = jdbi.onDemand(PeerOnboarding.class);
        assertThat(onboarding.start(theirs.id(), peer.id(), day)).isTrue();
        assertThat(onboarding.acknowledge(mine.id(), peer.id(), day)).isFalse();
        assertThat(onboarding.notReady(mine.id(), day)).isEmpty();
        assertThat(onboarding.notReady(theirs.id(), day)).containsExactly(peer.id());

        TrainingRecords training = jdbi.onDemand(TrainingRecords.class);
        TrainingRecord r =
                training.add(
                        theirs.id(), peer.id(), "CISM", day.minusYears(2), day.minusDays(1), true);
        assertThat(training.all(mine.id())).isEmpty();
        assertThat(training.remove(mine.id(), r.id())).isZero();
        assertThat(training.dueForReminder(mine.id(), day.minusDays(5), day)).isEmpty();
        assertThat(training.reminded(mine.id(), r.id(), day)).isFalse();
        assertThat(training.all(theirs.id())).containsExactly(r);
    }

    @Test
    void report_snapshots_and_event_counts_of_one_agency_are_invisible_to_another() {
        ReportSnapshots snapshots = jdbi.onDemand(ReportSnapshots.class);
        java.time.LocalDate nov = java.time.LocalDate.parse("2026-11-01");
        assertThat(
                        snapshots.publish(
                                theirs.id(),
                                "month",
                                nov,
                                nov.plusDays(29),
                                5,
                                List.of(new ReportSnapshot.Cell("contacts", "PUBLISHED", 7)),
                                Instant.now()))
                .isTrue();
        assertThat(
                        snapshots.publish(
                                theirs.id(),
                                "month",
                                nov,
                                nov.plusDays(29),
                                5,
                                List.of(new ReportSnapshot.Cell("contacts", "PUBLISHED", 9)),
                                Instant.now()))
                .as("a published snapshot is never replaced")
                .isFalse();
        assertThat(snapshots.find(mine.id(), "month", nov)).isEmpty();
        assertThat(snapshots.within(mine.id(), nov, nov.plusDays(29))).isEmpty();
        assertThat(snapshots.find(theirs.id(), "month", nov))
                .get()
                .extracting(ReportSnapshot::cells)
                .isEqualTo(List.of(new ReportSnapshot.Cell("contacts", "PUBLISHED", 7)));

        Member m = TestData.member(jdbi, theirs);
        jdbi.onDemand(Members.class).setOptedOut(theirs.id(), m.id(), true);
        ReportQueries reports = jdbi.onDemand(ReportQueries.class);
        LocalDate month = LocalDate.now(ZoneId.of(theirs.timeZone())).withDayOfMonth(1);
        assertThat(reports.memberEvents(mine.id(), month)).isEmpty();
        assertThat(reports.memberEvents(theirs.id(), month))
                .containsExactly(new KeyCount("opted_out", 1));
        assertThat(reports.rosterSize(mine.id())).isZero();
    }

    @Test
    void the_same_platform_user_in_two_agencies_is_two_members() {
        Members members = jdbi.onDemand(Members.class);
        Member a = members.upsert(mine.id(), "USHARED", "A", null);
        Member b = members.upsert(theirs.id(), "USHARED", "B", null);
        assertThat(a.id()).isNotEqualTo(b.id());
        assertThat(members.findByPlatformUser(mine.id(), "USHARED"))
                .map(Member::displayName)
                .contains("A");
    }

    @Test
    void outbox_rows_of_one_agency_are_invisible_to_another() {
        Outbox outbox = jdbi.onDemand(Outbox.class);
        outbox.enqueue(
                theirs.id(), "tenancy-key", "other", null, "{}", "{\"text\":\"x\"}", Instant.now());
        assertThat(outbox.findByKey(mine.id(), "tenancy-key")).isEmpty();
        assertThat(outbox.list(mine.id())).isEmpty();
        assertThat(outbox.count(mine.id(), "pending")).isZero();
        assertThat(outbox.count(theirs.id(), "pending")).isEqualTo(1);
    }

    @Test
    void audit_entries_of_one_agency_are_invisible_to_another() {
        AuditLog audit = jdbi.onDemand(AuditLog.class);
        audit.record(theirs.id(), "UCOORD", "cadence", "off", "every 30 days", Instant.now());
        assertThat(audit.recent(mine.id(), 10)).isEmpty();
        assertThat(audit.recent(theirs.id(), 10))
                .extracting(AuditEntry::newValue)
                .containsExactly("every 30 days");
    }

    @Test
    void agency_settings_change_only_the_named_agency() {
        Agencies agencies = jdbi.onDemand(Agencies.class);
        agencies.setTimeZone(mine.id(), "America/Denver");
        assertThat(agencies.find(theirs.id())).map(Agency::timeZone).contains("UTC");
        assertThat(agencies.find(mine.id())).map(Agency::timeZone).contains("America/Denver");
    }

    @Test
    void a_peers_work_in_one_agency_is_not_counted_in_another() {
        Member peer = TestData.member(jdbi, theirs);
        Member member = TestData.member(jdbi, theirs);
        Instant now = Instant.now();
        jdbi.useHandle(
                h -> {
                    h.createUpdate(
                                    "insert into connection_request (agency_id, member_id, source, scope, urgency, "
                                            + "contact_pref, state, current_peer_id) values (:a, :m, 'member', "
                                            + "'internal', 'today', 'chat', 'accepted', :p)")
                            .bind("a", theirs.id())
                            .bind("m", member.id())
                            .bind("p", peer.id())
                            .execute();
                    h.createUpdate(
                                    "insert into check_in (agency_id, member_id, peer_id, kind, slot_key, due_at, "
                                            + "state, nudged_at) values (:a, :m, :p, 'cadence', 'slot', :t, "
                                            + "'expired', :t)")
                            .bind("a", theirs.id())
                            .bind("m", member.id())
                            .bind("p", peer.id())
                            .bind("t", now)
                            .execute();
                });
        PeerWork work = jdbi.onDemand(PeerWork.class);

        assertThat(work.openRequests(mine.id(), peer.id())).isZero();
        assertThat(work.unansweredToFollowUp(mine.id(), peer.id(), now.minusSeconds(60))).isZero();
        assertThat(work.openRequests(theirs.id(), peer.id())).isEqualTo(1);
        assertThat(work.unansweredToFollowUp(theirs.id(), peer.id(), now.minusSeconds(60)))
                .isEqualTo(1);
    }

    @Test
    void on_call_rotas_of_one_agency_are_invisible_to_another() {
        OnCallRotas rotas = jdbi.onDemand(OnCallRotas.class);
        Member peer = TestData.member(jdbi, theirs);
        java.time.LocalDate monday = java.time.LocalDate.parse("2026-11-30");
        assertThat(rotas.create(theirs.id(), monday)).isTrue();
        assertThat(rotas.addPeer(theirs.id(), peer.id())).isTrue();
        assertThat(rotas.setSwap(theirs.id(), monday, peer.id())).isEqualTo(1);
        assertThat(rotas.setLastResort(theirs.id(), peer.id())).isEqualTo(1);

        assertThat(rotas.find(mine.id())).isEmpty();
        assertThat(rotas.peers(mine.id())).isEmpty();
        assertThat(rotas.swaps(mine.id(), monday)).isEmpty();
        assertThat(rotas.setLastResort(mine.id(), null)).isZero();
        assertThat(rotas.setHandoff(mine.id(), 5, LocalTime.NOON, monday)).isZero();
        assertThat(rotas.removePeer(mine.id(), peer.id())).isFalse();
        assertThat(rotas.forgetSwaps(mine.id(), monday.plusWeeks(9))).isZero();
        // adding their peer to my rota would be a foreign member on it: the rota is per agency
        assertThat(rotas.peers(theirs.id())).containsExactly(peer.id());
        assertThat(rotas.swaps(theirs.id(), monday)).containsEntry(monday, peer.id());
        assertThat(rotas.find(theirs.id()).orElseThrow().lastResortMemberId()).isEqualTo(peer.id());
    }

    @Test
    void call_outs_of_one_agency_are_invisible_to_another() {
        CallOuts calls = jdbi.onDemand(CallOuts.class);
        Incident incident =
                jdbi.onDemand(Incidents.class).create(theirs.id(), "Fire", Instant.now());
        Member peer = TestData.member(jdbi, theirs);
        assertThat(calls.start(mine.id(), incident.id(), Instant.now()))
                .as("my agency cannot start a call-out for their incident")
                .isFalse();
        assertThat(calls.start(theirs.id(), incident.id(), Instant.now())).isTrue();
        assertThat(calls.paged(mine.id(), incident.id(), peer.id(), Instant.now())).isFalse();
        assertThat(calls.paged(theirs.id(), incident.id(), peer.id(), Instant.now())).isTrue();

        assertThat(calls.find(mine.id(), incident.id())).isEmpty();
        assertThat(calls.lock(mine.id(), incident.id())).isEmpty();
        assertThat(calls.take(mine.id(), incident.id(), peer.id())).isFalse();
        assertThat(calls.decline(mine.id(), incident.id(), peer.id())).isFalse();
        assertThat(calls.end(mine.id(), incident.id(), "closed")).isFalse();
        assertThat(calls.due(mine.id(), Instant.now().plusSeconds(60))).isEmpty();
        assertThat(calls.involved(mine.id(), incident.id())).isEmpty();
        assertThat(calls.led(mine.id())).isEmpty();
        assertThat(calls.forgetFinished(mine.id())).isZero();
        assertThat(calls.find(theirs.id(), incident.id()).orElseThrow().paging()).isTrue();
        assertThat(calls.take(theirs.id(), incident.id(), peer.id())).isTrue();
        assertThat(calls.led(theirs.id()))
                .extracting(CallOut::leadPeerId)
                .containsExactly(peer.id());
    }

    @Test
    void continuum_counts_and_marks_of_one_agency_are_invisible_to_another() {
        ContinuumCounts counts = jdbi.onDemand(ContinuumCounts.class);
        java.time.LocalDate week = java.time.LocalDate.parse("2026-11-30");
        String[] colours = {"ready", "reacting", "injured", "ill"};
        assertThat(counts.markCounted(theirs.id(), "tag-1", week)).isTrue();
        assertThat(counts.add(theirs.id(), week, "ill", colours)).isEqualTo(4);

        assertThat(counts.byColour(mine.id(), week, week)).isEmpty();
        assertThat(counts.markCounted(mine.id(), "tag-1", week))
                .as("the same tag in my agency is another check-in")
                .isTrue();
        assertThat(counts.forgetCountedBefore(mine.id(), week.plusDays(1))).isEqualTo(1);
        assertThat(counts.markCounted(theirs.id(), "tag-1", week)).isFalse();
        assertThat(counts.byColour(theirs.id(), week, week))
                .containsExactly(new KeyCount("ill", 1));
    }
}
