package org.tenfour.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class CheckInsTest {
    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    private static final String PLACEHOLDER = "00000000-0000-4000-8000-00000000abcd";
    private final Jdbi jdbi;
    private final CheckIns checkIns;
    private final Outbox outbox;
    private final Agency agency;
    private final Member alice;
    private final Member bob;

    CheckInsTest(TestDatabase db) {
        this.jdbi = db.jdbi();
        this.checkIns = jdbi.onDemand(CheckIns.class);
        this.outbox = jdbi.onDemand(Outbox.class);
        this.agency = TestData.agency(jdbi);
        this.alice = TestData.member(jdbi, agency);
        this.bob = TestData.member(jdbi, agency);
    }

    private int plan(String slot) {
        UUID[] ids = {UUID.randomUUID(), UUID.randomUUID()};
        return checkIns.scheduleCadence(
                agency.id(),
                new CadenceBatch(
                        slot,
                        PLACEHOLDER,
                        List.of(
                                "{\"text\": \"plain\", \"ids\": [\"" + PLACEHOLDER + "\"]}",
                                "{\"text\": \"from bob\", \"ids\": [\""
                                        + PLACEHOLDER
                                        + "\", \""
                                        + PLACEHOLDER
                                        + "\"]}"),
                        List.of(
                                new CadenceBatch.Row(
                                        ids[0],
                                        "k-" + ids[0],
                                        alice.id(),
                                        bob.id(),
                                        T0,
                                        "{\"to\": \"alice\"}",
                                        1),
                                new CadenceBatch.Row(
                                        ids[1],
                                        "k-" + ids[1],
                                        bob.id(),
                                        null,
                                        T0.plusSeconds(3600),
                                        "{\"to\": \"bob\"}",
                                        0))));
    }

    @Test
    void cadence_planning_creates_each_check_in_with_its_own_message_in_one_statement() {
        assertThat(plan("cadence:7:1")).isEqualTo(2);

        CheckIn a = checkIns.forMember(agency.id(), alice.id()).get(0);
        CheckIn b = checkIns.forMember(agency.id(), bob.id()).get(0);
        assertThat(a.peerId()).isEqualTo(bob.id());
        assertThat(b.peerId()).isNull();
        assertThat(List.of(a.kind(), a.state(), a.slotKey(), a.dueAt()))
                .containsExactly(CheckInKind.CADENCE, CheckInState.SCHEDULED, "cadence:7:1", T0);
        assertThat(b.dueAt()).isEqualTo(T0.plusSeconds(3600));

        OutboxEntry toAlice = outbox.findByKey(agency.id(), "k-" + a.id()).orElseThrow();
        assertThat(toAlice.targetJson()).isEqualTo("{\"to\": \"alice\"}");
        assertThat(toAlice.kind()).isEqualTo(OutboxKind.CHECK_IN);
        assertThat(toAlice.ref()).isEqualTo(a.id());
        assertThat(toAlice.messageJson())
                .isEqualTo(
                        "{\"ids\": [\""
                                + a.id()
                                + "\", \""
                                + a.id()
                                + "\"], \"text\": \"from bob\"}");
        assertThat(toAlice.nextAttemptAt()).isEqualTo(T0);
        OutboxEntry toBob = outbox.findByKey(agency.id(), "k-" + b.id()).orElseThrow();
        assertThat(toBob.messageJson())
                .isEqualTo("{\"ids\": [\"" + b.id() + "\"], \"text\": \"plain\"}");
        assertThat(toBob.nextAttemptAt()).isEqualTo(T0.plusSeconds(3600));
    }

    @Test
    void planning_the_same_slot_twice_creates_no_check_in_and_no_message() {
        plan("cadence:7:1");
        assertThat(plan("cadence:7:1")).isZero();
        assertThat(checkIns.forMember(agency.id(), alice.id())).hasSize(1);
        assertThat(outbox.list(agency.id())).hasSize(2);

        assertThat(plan("cadence:7:2")).as("the next cycle").isEqualTo(2);
        assertThat(outbox.list(agency.id())).hasSize(4);
    }

    @Test
    void members_due_for_cadence_are_read_with_every_field_as_elsewhere() {
        jdbi.useHandle(
                h ->
                        h.createUpdate(
                                        """
                update member set snoozed_until = :t, window_start = '07:00', window_end = '09:30',
                       window_days = '{SATURDAY,SUNDAY}', assigned_peer_id = :peer, tags = '{"unit": "B"}',
                       welcomed_at = :t, is_coordinator = true, is_admin = true, time_zone = 'Europe/Paris', on_roster = true
                where id = :id""")
                                .bind("t", T0)
                                .bind("peer", bob.id())
                                .bind("id", alice.id())
                                .execute());
        // the reference: JDBI's own constructor mapper over the same columns
        Member expected =
                jdbi.withHandle(
                        h ->
                                h.registerRowMapper(ConstructorMapper.factory(Member.class))
                                        .createQuery(
                                                "select "
                                                        + Members.COLUMNS
                                                        + " from member where id = :id")
                                        .bind("id", alice.id())
                                        .mapTo(Member.class)
                                        .one());
        assertThat(jdbi.onDemand(Members.class).find(agency.id(), alice.id())).contains(expected);
        assertThat(expected.tags())
                .as("the tags column, mapped as JSON")
                .containsExactly(Map.entry("unit", "B"));

        List<Member> due =
                checkIns.dueForCadence(
                        agency.id(), T0.minusSeconds(86_400), T0.plusSeconds(86_400));

        assertThat(due).contains(expected);
        assertThat(expected.windowDays()).containsExactly(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(expected.snoozedUntil()).isEqualTo(T0);
    }

    @Test
    void members_due_are_read_a_page_at_a_time_in_roster_order_each_once() {
        Members members = jdbi.onDemand(Members.class);
        for (Member m : List.of(alice, bob)) {
            members.setOnRoster(agency.id(), m.id(), true);
        }
        for (int i = 0; i < 3; i++) {
            members.setOnRoster(agency.id(), TestData.member(jdbi, agency).id(), true);
        }
        List<Member> whole =
                checkIns.dueForCadence(
                        agency.id(), T0.minusSeconds(86_400), T0.plusSeconds(86_400));
        List<Member> paged = new ArrayList<>();
        Member after = null;
        int pages = 0;
        while (true) {
            List<Member> page =
                    checkIns.dueForCadence(
                            agency.id(), T0.minusSeconds(86_400), T0.plusSeconds(86_400), after, 2);
            pages++;
            paged.addAll(page);
            if (page.size() < 2) {
                break;
            }
            after = page.get(page.size() - 1);
        }

        assertThat(whole).hasSize(5);
        assertThat(paged).as("the pages, one after the other").isEqualTo(whole);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void leaving_the_roster_takes_off_everyone_not_kept_and_says_who() {
        Members members = jdbi.onDemand(Members.class);
        members.setOnRoster(agency.id(), alice.id(), true);
        members.setOnRoster(agency.id(), bob.id(), true);

        assertThat(members.leaveRosterUnless(agency.id(), new String[] {alice.platformUserId()}))
                .containsExactly(bob.id());
        assertThat(members.roster(agency.id())).extracting(Member::id).containsExactly(alice.id());
        assertThat(members.leaveRosterUnless(agency.id(), new String[] {alice.platformUserId()}))
                .as("nobody left to take off")
                .isEmpty();
    }
}
