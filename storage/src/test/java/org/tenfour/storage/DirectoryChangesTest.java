package org.tenfour.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class DirectoryChangesTest {
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

    @Test
    void a_write_to_the_directory_through_jdbi_moves_the_generation_at_once() {
        Agency agency = TestData.agency(jdbi);
        long before = DirectoryChanges.generation();
        TestData.member(jdbi, agency);
        assertThat(DirectoryChanges.generation()).isGreaterThan(before);
    }

    @Test
    void reads_and_writes_elsewhere_do_not_move_it() {
        Agency agency = TestData.agency(jdbi);
        long before = DirectoryChanges.generation();
        jdbi.onDemand(Members.class).list(agency.id());
        jdbi.useHandle(
                h ->
                        h.execute(
                                "insert into processed_event (platform, event_id) values ('slack', 'EvDir1')"));
        assertThat(DirectoryChanges.generation()).isEqualTo(before);
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
    void the_listener_hears_a_change_committed_outside_this_jvm_s_jdbi() throws Exception {
        Agency agency = TestData.agency(jdbi);
        listener = DirectoryListener.start(db.jdbcUrl(), "postgres", null);
        await().atMost(Duration.ofSeconds(10)).until(listener::listening);
        long before = DirectoryChanges.generation();
        // a plain JDBC connection: what another replica or an operator's psql would do
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", "");
                Statement s = c.createStatement()) {
            s.executeUpdate("update agency set name = 'Renamed' where id = '" + agency.id() + "'");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> DirectoryChanges.generation() > before);
    }

    @Test
    void a_lost_listener_connection_says_so_and_comes_back() throws Exception {
        listener = DirectoryListener.start(db.jdbcUrl(), "postgres", null);
        await().atMost(Duration.ofSeconds(10)).until(listener::listening);
        long before = DirectoryChanges.generation();
        jdbi.useHandle(
                h ->
                        h.createQuery(
                                        """
                select pg_terminate_backend(pid) from pg_stat_activity
                where application_name = 'tenfour-directory-listener' and datname = current_database()""")
                                .mapTo(Boolean.class)
                                .list());
        await().atMost(Duration.ofSeconds(10)).until(() -> !listener.listening());
        assertThat(DirectoryChanges.generation()).isGreaterThan(before);
        await().atMost(Duration.ofSeconds(10)).until(listener::listening);
    }
}
