package org.tenfour.bot.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tenfour.adapters.Actor;
import org.tenfour.adapters.InboundEvent;
import org.tenfour.adapters.Reply;
import org.tenfour.bot.testing.RecordingPlatform;
import org.tenfour.bot.testing.TestProgram;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.Store;
import org.tenfour.storage.TestDatabase;

/**
 * The agency's database administrator, with {@code psql} and nothing else (no key, no platform
 * access), tries to learn who used the program: dumps every table (Quartz's aside), joins the coded
 * log to every row that names a person, and looks for an erased member everywhere.
 */
@ExtendWith(PostgresExtension.class)
class DatabaseAdministratorAttackTest {
    private final Scenario s;
    private final Jdbi jdbi;
    private final TestDatabase db;

    DatabaseAdministratorAttackTest(TestDatabase db) {
        this.db = db;
        s = new Scenario(db);
        jdbi = s.p.jdbi;
    }

    @Test
    void after_forgetme_no_table_holds_anything_of_the_erased_member() {
        s.run().forget();

        Map<String, List<String>> dump = Dump.everyTable(jdbi);
        List<String> found = new ArrayList<>();
        dump.forEach(
                (table, rows) -> {
                    for (String row : rows) {
                        for (String id : s.alex) {
                            if (row.toLowerCase(Locale.ROOT)
                                    .contains(id.toLowerCase(Locale.ROOT))) {
                                found.add(table + " holds '" + id + "': " + row);
                            }
                        }
                    }
                });
        assertThat(found).isEmpty();
    }

    @Test
    void a_delivered_message_keeps_neither_its_text_nor_its_addressee() {
        s.run();

        List<String> kept =
                jdbi.withHandle(
                        h ->
                                h.createQuery(
                                                "select row_to_json(o)::text from outbox o where state <> 'pending' "
                                                        + "and (message is not null or target is not null)")
                                        .mapTo(String.class)
                                        .list());
        assertThat(kept).isEmpty();
    }

    @Test
    void no_outbox_key_carries_a_member_a_peer_or_a_check_in() {
        s.run();

        List<String> ids =
                jdbi.withHandle(
                        h ->
                                h.createQuery(
                                                "select id::text from member union all select id::text from check_in "
                                                        + "union all select id::text from connection_request "
                                                        + "union all select platform_user_id from member")
                                        .mapTo(String.class)
                                        .list());
        List<String> keys =
                jdbi.withHandle(
                        h ->
                                h.createQuery("select idempotency_key from outbox")
                                        .mapTo(String.class)
                                        .list());
        assertThat(keys).isNotEmpty();
        for (String key : keys) {
            for (String id : ids) {
                assertThat(key).as("outbox key").doesNotContain(id);
            }
        }
    }

    @Test
    void a_log_timestamp_is_a_day_from_the_moment_it_is_written() {
        s.run();

        List<String> precise =
                jdbi.withHandle(
                        h ->
                                h.createQuery(
                                                "select row_to_json(l)::text from interaction_log l "
                                                        + "where created_at <> date_trunc('day', created_at, 'UTC') "
                                                        + "or sealed_at <> date_trunc('day', sealed_at, 'UTC')")
                                        .mapTo(String.class)
                                        .list());
        assertThat(precise).isEmpty();
    }

    @Test
    void no_timestamp_of_a_person_linked_row_equals_a_log_timestamp() {
        s.run();

        List<String> joined = new ArrayList<>();
        for (Dump.Column c : Dump.timestampColumns(jdbi)) {
            if (c.table().equals("interaction_log")) {
                continue;
            }
            joined.addAll(
                    jdbi.withHandle(
                            h ->
                                    h.createQuery(
                                                    "select '"
                                                            + c
                                                            + "' || ' = log ' || l.id from interaction_log l join "
                                                            + c.table()
                                                            + " x on x."
                                                            + c.column()
                                                            + " in (l.created_at, l.sealed_at) "
                                                            + "where x."
                                                            + c.column()
                                                            + " <> date_trunc('day', x."
                                                            + c.column()
                                                            + ", 'UTC')")
                                            .mapTo(String.class)
                                            .list()));
        }
        assertThat(joined).isEmpty();
    }

    @Test
    void a_follow_up_reminder_cannot_be_joined_to_its_log() {
        s.run();

        // by a person column, by the follow-up day against the log's, by the transaction that
        // wrote both (see rows_written_in_the_same_transaction_as_a_log_name_nobody)
        List<String> inClear =
                jdbi.withHandle(
                        h ->
                                h.createQuery(
                                                "select row_to_json(r)::text from follow_up_reminder r "
                                                        + "where peer_member_id is not null")
                                        .mapTo(String.class)
                                        .list());
        assertThat(inClear).as("a reminder names no member or peer in clear").isEmpty();
        assertThat(count("select count(*) from follow_up_reminder"))
                .as("the scenario's reminder exists")
                .isEqualTo(1);
        List<String> logColumns =
                jdbi.withHandle(
                        h ->
                                h.createQuery(
                                                "select column_name from information_schema.columns "
                                                        + "where table_name = 'interaction_log' and data_type = 'date'")
                                        .mapTo(String.class)
                                        .list());
        assertThat(logColumns).as("the log keeps its own day only").containsExactly("log_date");
    }

    @Test
    void rows_written_in_the_same_transaction_as_a_log_name_nobody() {
        s.run();

        List<String> found = new ArrayList<>();
        List<String> people = people();
        for (String table : Dump.tables(jdbi)) {
            if (table.equals("interaction_log")) {
                continue;
            }
            List<String> rows =
                    jdbi.withHandle(
                            h ->
                                    h.createQuery(
                                                    "select row_to_json(x)::text from "
                                                            + table
                                                            + " x where x.xmin::text in (select xmin::text from interaction_log)")
                                            .mapTo(String.class)
                                            .list());
            for (String row : rows) {
                for (String person : people) {
                    if (row.contains(person)) {
                        found.add(table + ": " + row);
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void the_peer_who_logged_a_safety_concern_cannot_be_found_from_the_log() {
        s.run();

        // every person-linked row that shares a day-or-finer value with the safety log, through
        // any column of a person-linked table, must not single the peer out
        String pseudonym =
                jdbi.withHandle(
                        h ->
                                h.createQuery(
                                                "select peer_pseudonym from interaction_log where safety_concern")
                                        .mapTo(String.class)
                                        .one());
        List<String> rows = new ArrayList<>();
        Dump.everyTable(jdbi)
                .forEach(
                        (table, all) -> {
                            if (!table.equals("interaction_log")) {
                                all.stream().filter(r -> r.contains(pseudonym)).forEach(rows::add);
                            }
                        });
        assertThat(rows).as("the pseudonym appears outside the log").isEmpty();
        List<String> outboxWithPeer =
                jdbi.withHandle(
                        h ->
                                h.createQuery(
                                                "select idempotency_key from outbox where idempotency_key like '%' || :peer || '%'")
                                        .bind("peer", s.peer.id().toString())
                                        .mapTo(String.class)
                                        .list());
        assertThat(outboxWithPeer).as("keys naming the peer").isEmpty();
    }

    @Test
    void check_ins_and_their_answers_expire_after_ninety_days() {
        s.run();
        s.p.clock.advance(Duration.ofDays(91));

        retention();

        assertThat(count("select count(*) from check_in where due_at < :cutoff")).isZero();
        assertThat(
                        count(
                                "select count(*) from outbox where state <> 'pending' and sent_at < :cutoff"))
                .isZero();
    }

    @Test
    void an_incident_keeps_no_member_id_and_loses_its_label_after_its_last_follow_up() {
        s.run();
        List<String> people = people();
        List<String> createdBy =
                jdbi.withHandle(
                        h ->
                                h.createQuery("select coalesce(created_by, '') from incident")
                                        .mapTo(String.class)
                                        .list());
        assertThat(createdBy).isNotEmpty();
        for (String c : createdBy) {
            for (String person : people) {
                assertThat(c).doesNotContain(person);
            }
        }
        assertThat(Dump.everyTable(jdbi).get("audit_log"))
                .as("the label is not copied into the audit log")
                .noneMatch(r -> r.contains("Crash on I-25"));

        retention();
        assertThat(count("select count(*) from incident where label is not null"))
                .as("follow-ups still to come")
                .isEqualTo(1);
        s.p.coordinator("UADMIN", "incident cancel 1");
        retention();
        assertThat(count("select count(*) from incident where label is not null"))
                .as("no follow-up left")
                .isZero();
    }

    @Test
    void an_incident_label_is_short_and_the_coordinator_is_told_not_to_use_names() {
        s.run();

        String reply =
                ((Reply.Private)
                                s.p.coordinator(
                                        "UADMIN",
                                        "incident \"Vehicle crash involving Jordan Lee and Sam Morgan on I-25 north\" <@"
                                                + Scenario.JO
                                                + ">"))
                        .message()
                        .text();
        assertThat(reply).contains("60 characters").contains("no names");
        assertThat(count("select count(*) from incident")).isEqualTo(1);
    }

    private int count(String sql) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(sql)
                                .bindMap(
                                        sql.contains(":cutoff")
                                                ? Map.of(
                                                        "cutoff",
                                                        s.p.clock
                                                                .instant()
                                                                .minus(Duration.ofDays(90)))
                                                : Map.of())
                                .mapTo(Integer.class)
                                .one());
    }

    @Test
    void reading_the_resource_directory_leaves_no_row_that_says_who_read_it() {
        s.run();
        s.p.coordinator("UADMIN", "resources add \"County EAP\" \"call 555-0100\" category:eap");
        s.p.deliver();
        Map<String, List<String>> before = Dump.everyTable(jdbi);

        s.p.tenfour(Scenario.JO, null, "resources");
        s.p.tenfour(Scenario.JO, null, "resources eap");
        s.p.deliver();

        assertThat(Dump.everyTable(jdbi)).isEqualTo(before);
    }

    @Test
    void a_survey_answer_changes_nothing_but_totals_and_nothing_it_writes_names_anyone() {
        s.run();
        s.p.coordinator("UADMIN", "survey start needs");
        s.p.deliver();
        RecordingPlatform.Sent invitation = s.p.lastWithButton(Scenario.JO, "survey.answer");
        Reply form = s.p.press(Scenario.JO, invitation, "survey.answer");
        assertThat(form).isInstanceOf(Reply.ShowForm.class);
        Map<String, List<String>> before = withoutSurveys(Dump.everyTable(jdbi));

        s.p.submit(
                Scenario.JO,
                "survey.form",
                Map.of("knows", List.of("yes"), "barriers", List.of("career", "stigma")),
                ((Reply.ShowForm) form).form().context());
        s.p.deliver();

        assertThat(withoutSurveys(Dump.everyTable(jdbi)))
                .as("no table but the survey's changes when a member answers")
                .isEqualTo(before);
        assertThat(count("select coalesce(sum(answers), 0) from survey_tally"))
                .as("the answer was counted: three choices and three skipped questions")
                .isEqualTo(6);
        List<String> people = people();
        Map<String, List<String>> dump = Dump.everyTable(jdbi);
        for (String table : List.of("survey", "survey_tally", "survey_answered")) {
            for (String row : dump.get(table)) {
                assertThat(people).noneMatch(row::contains);
            }
        }
        List<String> sameTransaction =
                Dump.tables(jdbi).stream()
                        .filter(t -> !t.startsWith("survey"))
                        .flatMap(
                                t ->
                                        jdbi
                                                .withHandle(
                                                        h ->
                                                                h.createQuery(
                                                                                "select row_to_json(x)::text from "
                                                                                        + t
                                                                                        + " x where x.xmin::text in (select xmin::text from survey_tally where answers > 0)")
                                                                        .mapTo(String.class)
                                                                        .list())
                                                .stream())
                        .toList();
        assertThat(sameTransaction).as("rows written with the answer").isEmpty();
        assertThat(
                        jdbi.<List<String>, RuntimeException>withHandle(
                                h ->
                                        h.createQuery(
                                                        "select table_name || '.' || column_name from information_schema.columns "
                                                                + "where table_schema = current_schema() and table_name like 'survey%' "
                                                                + "and data_type not in ('bigint', 'integer', 'text', 'uuid', 'date', 'boolean')")
                                                .mapTo(String.class)
                                                .list()))
                .as("no time of day anywhere in the survey's tables")
                .isEmpty();

        s.p.coordinator("UADMIN", "survey close 1");
        assertThat(count("select count(*) from survey_answered"))
                .as("the 'already answered' marks go at the close")
                .isZero();
    }

    @Test
    void a_peers_training_and_onboarding_say_nothing_of_whom_they_helped_and_go_with_the_peer() {
        s.run();
        s.p.coordinator(
                "UADMIN",
                "training add <@"
                        + Scenario.PEER2
                        + "> \"CISM individual\" 2026-03-01 expires 2028-03-01");
        s.p.coordinator(
                "UADMIN", "training add <@" + Scenario.PEER + "> \"Suicide awareness\" 2026-01-10");
        s.p.deliver();
        List<String> peers =
                jdbi.withHandle(
                        h ->
                                h.createQuery("select member_id::text from peer")
                                        .mapTo(String.class)
                                        .list());
        List<String> others = new ArrayList<>(people());
        others.removeAll(peers);
        others.removeIf(id -> id.equals(Scenario.PEER) || id.equals(Scenario.PEER2));
        Map<String, List<String>> dump = Dump.everyTable(jdbi);
        assertThat(dump.get("training_record")).hasSize(2);
        for (String table : List.of("training_record", "peer_onboarding")) {
            for (String row : dump.get(table)) {
                assertThat(others).as(table).noneMatch(row::contains);
            }
        }

        // a member's request passes over a peer out of rotation and writes nothing about it there
        s.p.coordinator(
                "UADMIN",
                "training add <@"
                        + Scenario.PEER2
                        + "> \"Critical incident stress\" 2025-01-01 expires 2025-06-01");
        Map<String, List<String>> before = Dump.everyTable(jdbi);
        s.p.submit(
                Scenario.JO,
                "connect.ask",
                Map.of(
                        "who", List.of("internal"),
                        "urgency", List.of("today"),
                        "contact", List.of("chat")),
                "");
        s.p.deliver();
        Map<String, List<String>> after = Dump.everyTable(jdbi);
        for (String table : List.of("training_record", "peer_onboarding")) {
            assertThat(after.get(table)).as(table).isEqualTo(before.get(table));
        }

        String erased = s.p.member(Scenario.PEER2).id().toString();
        var ask = (Reply.Private) s.p.tenfour(Scenario.PEER2, null, "forgetme");
        var button = ask.message().buttons().get(0);
        s.p.inbound.handle(
                new InboundEvent.ButtonPressed(
                        new Actor(s.p.user(Scenario.PEER2), false),
                        button.actionId(),
                        button.value(),
                        s.p.user(Scenario.PEER2),
                        null,
                        null));
        s.p.deliver();
        Map<String, List<String>> gone = Dump.everyTable(jdbi);
        for (String table : List.of("training_record", "peer_onboarding")) {
            assertThat(gone.get(table))
                    .as("%s after the peer's forgetme", table)
                    .noneMatch(row -> row.contains(erased));
        }
        assertThat(gone.get("training_record")).as("the other peer's record stays").hasSize(1);
    }

    private static Map<String, List<String>> withoutSurveys(Map<String, List<String>> dump) {
        Map<String, List<String>> rest = new TreeMap<>(dump);
        rest.keySet().removeIf(t -> t.startsWith("survey"));
        return rest;
    }

    /** Every member's platform id and internal id. */
    private List<String> people() {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        "select id::text from member union all select platform_user_id from member")
                                .mapTo(String.class)
                                .list());
    }

    /** The daily retention jobs, as the scheduler runs them. */
    private void retention() {
        s.logJobs.purge();
        new PrivacyRetention(Store.of(jdbi), s.p.clock).run();
    }

    @Test
    void a_stress_continuum_answer_leaves_no_row_that_ties_its_colour_to_anyone() {
        TestProgram p = new TestProgram(db, java.time.Instant.parse("2026-12-01T15:00:00Z"));
        p.setUp("UADMIN");
        p.coordinator("UADMIN", "timezone America/Chicago");
        p.coordinator("UADMIN", "roster add <@UCOLOUR1> <@UCOLOUR2>");
        p.coordinator("UADMIN", "peers add <@UPEERC>");
        p.coordinator("UADMIN", "checkin style continuum");
        p.coordinator("UADMIN", "cadence weekly");
        p.jobs.planAll();
        p.deliver();
        p.press("UCOLOUR1", p.lastWithButton("UCOLOUR1", "checkin.injured"), "checkin.injured");
        p.press("UCOLOUR2", p.lastWithButton("UCOLOUR2", "checkin.ready"), "checkin.ready");
        p.deliver();
        Jdbi j = p.jdbi;

        // the colour is only in the weekly count, which names nobody
        List<String> found = new ArrayList<>();
        Dump.everyTable(j)
                .forEach(
                        (table, rows) -> {
                            if (table.equals("continuum_count") || table.equals("audit_log")) {
                                return;
                            }
                            for (String row : rows) {
                                for (String colour :
                                        List.of(
                                                "injured", "ready", "orange", "green", "Injured",
                                                "Ready")) {
                                    if (row.contains(colour)) {
                                        found.add(table + " holds '" + colour + "': " + row);
                                    }
                                }
                            }
                        });
        assertThat(found).isEmpty();
        List<String> answers =
                j.withHandle(
                        h ->
                                h.createQuery(
                                                "select answer from check_in where answer is not null")
                                        .mapTo(String.class)
                                        .list());
        assertThat(answers).containsExactly("continuum", "continuum");
        List<String> counts =
                j.withHandle(
                        h ->
                                h.createQuery("select row_to_json(c)::text from continuum_count c")
                                        .mapTo(String.class)
                                        .list());
        assertThat(counts)
                .as("all four colours of the week")
                .hasSize(4)
                .noneMatch(row -> row.contains(p.member("UCOLOUR1").id().toString()))
                .noneMatch(row -> row.contains(p.member("UCOLOUR2").id().toString()));

        // the colour rows' transaction ids cannot tell which colour the last answer was: every
        // count writes all four rows of its week
        int transactions =
                j.withHandle(
                        h ->
                                h.createQuery(
                                                "select count(distinct xmin::text) from"
                                                        + " continuum_count")
                                        .mapTo(Integer.class)
                                        .one());
        assertThat(transactions).isEqualTo(1);

        // the marks that keep a count from doubling hold a keyed hash, not a check-in or a member
        List<String> ids = new ArrayList<>();
        for (String user : List.of("UCOLOUR1", "UCOLOUR2")) {
            ids.add(p.member(user).id().toString());
            p.jdbi.onDemand(org.tenfour.storage.CheckIns.class)
                    .forMember(p.agency().id(), p.member(user).id())
                    .forEach(c -> ids.add(c.id().toString()));
        }
        List<String> marks =
                j.withHandle(
                        h ->
                                h.createQuery(
                                                "select row_to_json(c)::text from continuum_counted c")
                                        .mapTo(String.class)
                                        .list());
        assertThat(marks).hasSize(2);
        assertThat(ids).hasSize(4);
        for (String id : ids) {
            assertThat(marks).noneMatch(m -> m.contains(id));
        }

        // and no other row written in the transaction that counted a colour names anyone
        List<String> sameTransaction = new ArrayList<>();
        for (String table : Dump.tables(j)) {
            if (table.equals("continuum_count") || table.equals("continuum_counted")) {
                continue;
            }
            sameTransaction.addAll(
                    j.withHandle(
                            h ->
                                    h.createQuery(
                                                    "select '"
                                                            + table
                                                            + ": ' || row_to_json(x)::text from "
                                                            + table
                                                            + " x where x.xmin::text in (select xmin::text from continuum_count)")
                                            .mapTo(String.class)
                                            .list()));
        }
        assertThat(sameTransaction).isEmpty();
    }

    @Test
    void the_lead_peers_incident_contact_leaves_only_counts_and_a_keyed_mark() {
        TestProgram p = new TestProgram(db, java.time.Instant.parse("2026-12-01T15:00:00Z"));
        p.setUp("UADMIN");
        p.coordinator("UADMIN", "timezone America/Chicago");
        p.coordinator("UADMIN", "roster add <@UINV1> <@UINV2>");
        p.coordinator("UADMIN", "peers add <@UPEERL>");
        p.coordinator("UADMIN", "oncall add <@UPEERL>");
        p.coordinator("UADMIN", "incident \"Vehicle fire\" <@UINV1> <@UINV2>");
        p.deliver();
        p.press("UPEERL", p.lastWithButton("UPEERL", "callout.take"), "callout.take");
        p.deliver();
        Reply shown = p.press("UPEERL", p.lastWithButton("UPEERL", "callout.log"), "callout.log");
        org.tenfour.adapters.Form form = ((Reply.ShowForm) shown).form();
        Reply saved =
                p.submit(
                        "UPEERL",
                        form.formId(),
                        Map.of(
                                "who", List.of(p.member("UINV1").id().toString()),
                                "contact_type", List.of("critical_incident_follow_up"),
                                "topics", List.of("critical_incident"),
                                "duration", List.of("30_60"),
                                "referrals", List.of("none")),
                        form.context());
        assertThat(saved).isInstanceOf(Reply.FormAccepted.class);
        Jdbi j = p.jdbi;

        List<String> who = new ArrayList<>();
        who.add(p.member("UINV1").id().toString());
        who.add("UINV1");
        p.jdbi.onDemand(org.tenfour.storage.CheckIns.class)
                .forMember(p.agency().id(), p.member("UINV1").id())
                .forEach(c -> who.add(c.id().toString()));
        // the mark and every row written with it (the incident's counts) name nobody
        List<String> withTheMark = new ArrayList<>();
        for (String table : Dump.tables(j)) {
            withTheMark.addAll(
                    j.withHandle(
                            h ->
                                    h.createQuery(
                                                    "select '"
                                                            + table
                                                            + ": ' || row_to_json(x)::text from "
                                                            + table
                                                            + " x where x.xmin::text in (select"
                                                            + " xmin::text from incident_contact_mark)")
                                            .mapTo(String.class)
                                            .list()));
        }
        assertThat(withTheMark)
                .anyMatch(r -> r.startsWith("incident_contact_mark: "))
                .anyMatch(r -> r.startsWith("incident: ") && r.contains("\"contacted_72h\":1"));
        for (String id : who) {
            assertThat(withTheMark).noneMatch(r -> r.contains(id));
        }
        // and the log row is as anonymous as any: no incident, no member
        List<String> logs =
                j.withHandle(
                        h ->
                                h.createQuery("select row_to_json(l)::text from interaction_log l")
                                        .mapTo(String.class)
                                        .list());
        String incident =
                p.jdbi.onDemand(org.tenfour.storage.Incidents.class)
                        .open(p.agency().id())
                        .get(0)
                        .id()
                        .toString();
        assertThat(logs).hasSize(1).noneMatch(l -> l.contains(incident));
        for (String id : who) {
            assertThat(logs).noneMatch(l -> l.contains(id));
        }
    }
}
