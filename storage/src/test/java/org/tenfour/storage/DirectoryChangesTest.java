package org.tenfour.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

@ExtendWith(PostgresExtension.class)
class DirectoryChangesTest {
    private static final String ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private final TestDatabase db;
    private final Jdbi jdbi;
    private DirectoryListener listener;

    DirectoryChangesTest(TestDatabase db) {
        this.db = db;
        this.jdbi = db.jdbi();
    }

    @AfterEach
    void stop() {
        if (listener != null) {
            listener.close();
        }
    }

    /** A plain JDBC connection: what another replica or an operator's psql would use. */
    private Connection elsewhere() throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), "postgres", "");
    }

    private void elsewhere(String sql) throws SQLException {
        try (Connection c = elsewhere();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private void startListening() {
        listener = DirectoryListener.start(db.jdbcUrl(), "postgres", null);
        await().atMost(Duration.ofSeconds(10)).until(listener::listening);
    }

    @Test
    void a_write_through_this_jvm_s_jdbi_is_known_at_once_for_that_member_only() {
        Agency agency = TestData.agency(jdbi);
        Member a = TestData.member(jdbi, agency);
        Member b = TestData.member(jdbi, agency);
        long at = DirectoryChanges.now();
        jdbi.onDemand(Members.class).setOptedOut(agency.id(), a.id(), true);
        assertThat(DirectoryChanges.unchangedSince(at, agency.id(), a.id())).isFalse();
        assertThat(DirectoryChanges.unchangedSince(at, agency.id(), b.id())).isTrue();

        long later = DirectoryChanges.now();
        jdbi.onDemand(Peers.class).add(agency.id(), b.id());
        assertThat(DirectoryChanges.unchangedSince(later, agency.id(), b.id()))
                .as("a peer row is its member's")
                .isFalse();
        assertThat(DirectoryChanges.unchangedSince(later, agency.id(), a.id())).isTrue();

        long last = DirectoryChanges.now();
        jdbi.onDemand(Agencies.class).rename(agency.id(), "Renamed");
        assertThat(DirectoryChanges.unchangedSince(last, agency.id(), a.id())).isFalse();
        assertThat(DirectoryChanges.unchangedSince(last, agency.id(), b.id())).isFalse();
        Agency other = TestData.agency(jdbi);
        Member c = TestData.member(jdbi, other);
        long after = DirectoryChanges.now();
        jdbi.onDemand(Agencies.class).rename(agency.id(), "Renamed again");
        assertThat(DirectoryChanges.unchangedSince(after, other.id(), c.id())).isTrue();
    }

    @Test
    void reads_writes_elsewhere_and_updates_that_change_nothing_do_not_count() {
        Agency agency = TestData.agency(jdbi);
        Member member = TestData.member(jdbi, agency);
        long at = DirectoryChanges.now();
        jdbi.onDemand(Members.class).list(agency.id());
        jdbi.useHandle(
                h ->
                        h.execute(
                                "insert into processed_event (platform, event_id) values ('slack', 'EvDir1')"));
        jdbi.useHandle(
                h ->
                        h.execute(
                                "update member set display_name = display_name where agency_id = ? and id = ?",
                                agency.id(),
                                member.id()));
        assertThat(DirectoryChanges.unchangedSince(at, agency.id(), member.id())).isTrue();
    }

    @Test
    void which_statements_count_as_directory_writes() {
        assertThat(
                        DirectoryChanges.writesDirectory(
                                "update member set opted_out = true where id = :id"))
                .isTrue();
        assertThat(DirectoryChanges.writesDirectory("INSERT INTO peer (agency_id) values (:a)"))
                .isTrue();
        assertThat(
                        DirectoryChanges.writesDirectory(
                                "with x as (select 1) delete from agency where id = :id"))
                .isTrue();
        assertThat(DirectoryChanges.writesDirectory("select * from member where id = :id"))
                .isFalse();
        assertThat(DirectoryChanges.writesDirectory("update member_note set x = 1")).isFalse();
        assertThat(DirectoryChanges.writesDirectory("insert into outbox (member) values (1)"))
                .isFalse();
    }

    @Test
    void the_listener_hears_which_member_changed_outside_this_jvm_s_jdbi() throws Exception {
        Agency agency = TestData.agency(jdbi);
        Member a = TestData.member(jdbi, agency);
        Member b = TestData.member(jdbi, agency);
        Member c = TestData.member(jdbi, agency);
        startListening();
        long at = DirectoryChanges.now();
        elsewhere("update member set opted_out = true where id = '" + a.id() + "'");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !DirectoryChanges.unchangedSince(at, agency.id(), a.id()));
        // notifications arrive in commit order: once c's is heard, a's and b's were too
        elsewhere("update peer set active = active where member_id = '" + b.id() + "'");
        elsewhere("update member set opted_out = true where id = '" + c.id() + "'");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !DirectoryChanges.unchangedSince(at, agency.id(), c.id()));
        assertThat(DirectoryChanges.unchangedSince(at, agency.id(), b.id())).isTrue();
    }

    @Test
    void a_change_to_the_agency_row_outside_this_jvm_counts_for_all_its_members() throws Exception {
        Agency agency = TestData.agency(jdbi);
        Member member = TestData.member(jdbi, agency);
        startListening();
        long at = DirectoryChanges.now();
        elsewhere("update agency set name = 'Renamed' where id = '" + agency.id() + "'");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !DirectoryChanges.unchangedSince(at, agency.id(), member.id()));
    }

    @Test
    void a_bulk_import_is_one_notification_for_the_agency_with_ids_only() throws Exception {
        Agency agency = TestData.agency(jdbi);
        Agency other = TestData.agency(jdbi);
        Member member = TestData.member(jdbi, agency);
        Member elsewhereMember = TestData.member(jdbi, other);
        List<String> heard = new ArrayList<>();
        try (Connection watcher = elsewhere()) {
            try (Statement s = watcher.createStatement()) {
                s.execute("listen tenfour_directory");
            }
            long at = DirectoryChanges.now();
            elsewhere(
                    "insert into member (agency_id, platform_user_id, display_name) "
                            + "select '"
                            + agency.id()
                            + "', 'UBULK' || i, 'Secret Name ' || i from generate_series(1, 500) i");
            elsewhere(
                    "insert into member (agency_id, platform_user_id, display_name) "
                            + "select '"
                            + agency.id()
                            + "', 'USMALL' || i, 'Secret Name ' || i from generate_series(1, 3) i");
            PGConnection pg = watcher.unwrap(PGConnection.class);
            await().atMost(Duration.ofSeconds(10))
                    .until(
                            () -> {
                                PGNotification[] notes = pg.getNotifications(100);
                                if (notes != null) {
                                    for (PGNotification n : notes) {
                                        heard.add(n.getParameter());
                                    }
                                }
                                return heard.size() >= 2;
                            });
            assertThat(heard.get(0)).isEqualTo("a " + agency.id());
            assertThat(heard.get(1)).matches("m " + agency.id() + "( " + ID + "){3}");
            assertThat(String.join(";", heard))
                    .doesNotContain("Secret")
                    .doesNotContain("UBULK")
                    .doesNotContain("USMALL");
            // this JVM did not write: nothing known here until a listener hears it
            assertThat(DirectoryChanges.unchangedSince(at, agency.id(), member.id())).isTrue();
        }
        startListening();
        long at = DirectoryChanges.now();
        jdbi.useHandle(
                h ->
                        h.execute(
                                "update member set opted_out = true where agency_id = ? and platform_user_id like 'UBULK%'",
                                agency.id()));
        assertThat(DirectoryChanges.unchangedSince(at, agency.id(), member.id()))
                .as("more than 100 of an agency's rows: the agency")
                .isFalse();
        assertThat(DirectoryChanges.unchangedSince(at, other.id(), elsewhereMember.id())).isTrue();
    }

    @Test
    void a_truncate_counts_as_everything() throws Exception {
        Agency agency = TestData.agency(jdbi);
        Member member = TestData.member(jdbi, agency);
        startListening();
        long at = DirectoryChanges.now();
        elsewhere("truncate peer cascade");
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () ->
                                !DirectoryChanges.unchangedSince(
                                        at, UUID.randomUUID(), UUID.randomUUID()));
        assertThat(DirectoryChanges.unchangedSince(at, agency.id(), member.id())).isFalse();
    }

    @Test
    void words_it_cannot_read_count_as_everything() {
        UUID agency = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        long at = DirectoryChanges.now();
        DirectoryChanges.heard("m " + agency + " " + UUID.randomUUID());
        assertThat(DirectoryChanges.unchangedSince(at, agency, member)).isTrue();
        DirectoryChanges.heard("member"); // what V9 said
        assertThat(DirectoryChanges.unchangedSince(at, agency, member)).isFalse();
        long later = DirectoryChanges.now();
        DirectoryChanges.heard("m " + agency + " not-an-id");
        assertThat(DirectoryChanges.unchangedSince(later, agency, member)).isFalse();
    }

    @Test
    void a_lost_listener_connection_says_so_and_comes_back() throws Exception {
        startListening();
        long at = DirectoryChanges.now();
        jdbi.useHandle(
                h ->
                        h.createQuery(
                                        """
                select pg_terminate_backend(pid) from pg_stat_activity
                where application_name = 'tenfour-directory-listener' and datname = current_database()""")
                                .mapTo(Boolean.class)
                                .list());
        await().atMost(Duration.ofSeconds(10)).until(() -> !listener.listening());
        assertThat(DirectoryChanges.unchangedSince(at, UUID.randomUUID(), UUID.randomUUID()))
                .isFalse();
        await().atMost(Duration.ofSeconds(10)).until(listener::listening);
    }
}
