package org.tenfour.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The database's pools: background work holding every connection it may have leaves requests and
 * readiness theirs.
 */
@ExtendWith(PostgresExtension.class)
class DatabasePoolsTest {
    private final TestDatabase db;
    private final Path dir;
    private final List<Connection> held = new ArrayList<>();

    DatabasePoolsTest(TestDatabase db) throws Exception {
        this.db = db;
        this.dir = Files.createTempDirectory("tenfour-pools");
    }

    @AfterEach
    void release() throws SQLException {
        for (Connection c : held) {
            c.close();
        }
        TestFiles.deleteRecursively(dir);
    }

    private void holdAll(DataSource pool, int size) throws SQLException {
        for (int i = 0; i < size; i++) {
            held.add(pool.getConnection());
        }
    }

    private static int one(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("select 1").mapTo(Integer.class).one());
    }

    @Test
    void requests_get_a_connection_while_background_work_holds_all_of_its_own() throws Exception {
        try (Database database =
                Database.open(new DatabaseSettings(db.jdbcUrl(), "postgres", null, dir, 2, 2))) {
            holdAll(database.backgroundDataSource(), 2);
            assertThat(one(database.jdbi())).isEqualTo(1);
            assertThat(database.reachable()).isTrue();
        }
    }

    @Test
    void with_one_shared_pool_background_work_holding_it_starves_requests() throws Exception {
        try (Database database =
                Database.open(new DatabaseSettings(db.jdbcUrl(), "postgres", null, dir, 2, 0))) {
            assertThat(database.backgroundJdbi()).isSameAs(database.jdbi());
            holdAll(database.backgroundDataSource(), 2);
            assertThatThrownBy(() -> one(database.jdbi()))
                    .satisfies(e -> assertThat(Database.isUnavailable(e)).isTrue());
        }
    }

    @Test
    void readiness_is_answered_while_requests_and_background_work_hold_every_connection()
            throws Exception {
        try (Database database =
                Database.open(new DatabaseSettings(db.jdbcUrl(), "postgres", null, dir, 2, 2))) {
            holdAll(database.dataSource(), 2);
            holdAll(database.backgroundDataSource(), 2);
            assertThat(database.reachable()).isTrue();
            assertThat(database.migrationsUpToDate()).isTrue();
        }
    }
}
