package org.tenfour.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class MigrationsTest {

    @Test
    void migrations_create_every_table_of_the_product_and_of_quartz(TestDatabase db) {
        List<String> tables =
                db.jdbi()
                        .withHandle(
                                h ->
                                        h.createQuery(
                                                        "select table_name from information_schema.tables where table_schema = 'public'")
                                                .mapTo(String.class)
                                                .list());
        assertThat(tables)
                .contains(
                        "agency",
                        "member",
                        "peer",
                        "partnership",
                        "check_in",
                        "connection_request",
                        "interaction_log",
                        "outbox",
                        "platform_installation",
                        "audit_log",
                        "processed_event",
                        "conversation_ref",
                        "slack_oauth_state",
                        "qrtz_job_details",
                        "qrtz_triggers",
                        "qrtz_locks",
                        "qrtz_scheduler_state");
        assertThat(Migrations.upToDate(db.dataSource())).isTrue();
    }

    @Test
    void the_interaction_log_has_no_column_that_could_name_a_member_or_peer(TestDatabase db) {
        List<String> columns =
                db.jdbi()
                        .withHandle(
                                h ->
                                        h.createQuery(
                                                        "select column_name from information_schema.columns where table_name = 'interaction_log'")
                                                .mapTo(String.class)
                                                .list());
        assertThat(columns)
                .isNotEmpty()
                .noneMatch(
                        c ->
                                c.contains("member")
                                        || c.equals("peer_id")
                                        || c.contains("name")
                                        || c.contains("text")
                                        || c.contains("request"));
    }

    @Test
    void applying_migrations_again_changes_nothing(TestDatabase db) {
        assertThat(Migrations.apply(db.dataSource())).isZero();
    }
}
