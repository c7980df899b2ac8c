package org.tenfour.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A peer's caseload counts the people they are in contact with, not check-ins in their name. */
@ExtendWith(PostgresExtension.class)
class CaseloadsTest {
    private static final Instant NOW = Instant.parse("2026-06-10T15:00:00Z");
    private final Jdbi jdbi;
    private final Agency agency;
    private final Member peer;

    CaseloadsTest(TestDatabase db) {
        this.jdbi = db.jdbi();
        this.agency = TestData.agency(jdbi);
        this.peer = PeerTestData.peer(jdbi, agency);
    }

    private int contacts() {
        return jdbi.onDemand(Caseloads.class)
                .contacts(agency.id(), NOW.minus(Duration.ofDays(7)), NOW)
                .get(peer.id());
    }

    private CheckIn checkIn(Member member, String slot, Instant due) {
        return jdbi.onDemand(CheckIns.class)
                .schedule(agency.id(), member.id(), peer.id(), CheckInKind.CADENCE, slot, due, null)
                .orElseThrow();
    }

    @Test
    void check_ins_sent_or_planned_in_a_peers_name_are_not_contacts() {
        for (int i = 0; i < 8; i++) {
            Member m = TestData.member(jdbi, agency);
            CheckIn past = checkIn(m, "past", NOW.minus(Duration.ofDays(2)));
            jdbi.onDemand(CheckIns.class).markSent(agency.id(), past.id(), past.dueAt());
            checkIn(m, "future", NOW.plus(Duration.ofDays(3)));
        }
        assertThat(contacts()).isZero();
    }

    @Test
    void talk_answers_and_accepted_requests_count_each_person_once() {
        Member alex = TestData.member(jdbi, agency);
        Member jordan = TestData.member(jdbi, agency);
        CheckIn c = checkIn(alex, "s", NOW.minus(Duration.ofDays(1)));
        jdbi.onDemand(CheckIns.class)
                .answer(agency.id(), c.id(), CheckInAnswer.TALK, NOW.minus(Duration.ofHours(20)));
        for (Member m : new Member[] {alex, jordan}) {
            ConnectionRequest r =
                    jdbi.onDemand(ConnectionRequests.class)
                            .open(
                                    agency.id(),
                                    m.id(),
                                    RequestSource.MEMBER,
                                    RequestScope.INTERNAL,
                                    Urgency.TODAY,
                                    ContactPreference.CHAT,
                                    false,
                                    null,
                                    null,
                                    null,
                                    NOW.minus(Duration.ofHours(3)))
                            .orElseThrow();
            jdbi.onDemand(ConnectionRequests.class)
                    .offer(agency.id(), r.id(), 0, peer.id(), agency.id(), NOW.plusSeconds(60));
            jdbi.onDemand(ConnectionRequests.class)
                    .accept(r.id(), peer.id(), NOW.minus(Duration.ofHours(2)));
        }
        assertThat(contacts()).as("Alex (talk answer and request) and Jordan").isEqualTo(2);
    }

    @Test
    void a_contact_older_than_the_week_no_longer_counts_unless_it_is_still_open() {
        Member alex = TestData.member(jdbi, agency);
        CheckIn c = checkIn(alex, "s", NOW.minus(Duration.ofDays(9)));
        jdbi.onDemand(CheckIns.class)
                .answer(agency.id(), c.id(), CheckInAnswer.TALK, NOW.minus(Duration.ofDays(8)));
        assertThat(contacts()).isZero();
        ConnectionRequest r =
                jdbi.onDemand(ConnectionRequests.class)
                        .open(
                                agency.id(),
                                alex.id(),
                                RequestSource.MEMBER,
                                RequestScope.INTERNAL,
                                Urgency.TODAY,
                                ContactPreference.CHAT,
                                false,
                                null,
                                null,
                                null,
                                NOW.minus(Duration.ofDays(10)))
                        .orElseThrow();
        jdbi.onDemand(ConnectionRequests.class)
                .offer(agency.id(), r.id(), 0, peer.id(), agency.id(), NOW.plusSeconds(60));
        jdbi.onDemand(ConnectionRequests.class)
                .accept(r.id(), peer.id(), NOW.minus(Duration.ofDays(10)));
        assertThat(contacts()).as("a conversation accepted ten days ago and still open").isOne();
    }

    @Test
    void assignments_and_caseloads_stay_inside_their_agency() {
        Agency other = TestData.agency(jdbi);
        Member theirs = TestData.member(jdbi, other);
        Member mine = TestData.member(jdbi, agency);
        Caseloads caseloads = jdbi.onDemand(Caseloads.class);
        assertThat(caseloads.assign(other.id(), new UUID[] {mine.id()}, new UUID[] {peer.id()}))
                .as("a member of another agency")
                .isZero();
        assertThat(caseloads.assign(agency.id(), new UUID[] {theirs.id()}, new UUID[] {peer.id()}))
                .isZero();
        assertThat(caseloads.assign(agency.id(), new UUID[] {mine.id()}, new UUID[] {peer.id()}))
                .isOne();
        assertThat(jdbi.onDemand(Members.class).find(agency.id(), mine.id()))
                .map(Member::assignedPeerId)
                .contains(peer.id());
        assertThat(caseloads.contacts(other.id(), NOW.minus(Duration.ofDays(7)), NOW)).isEmpty();
    }
}
