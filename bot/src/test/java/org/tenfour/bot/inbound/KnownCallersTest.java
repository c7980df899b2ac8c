package org.tenfour.bot.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tenfour.adapters.Reply;
import org.tenfour.adapters.UserProfile;
import org.tenfour.bot.agency.AgencySettings;
import org.tenfour.bot.testing.TestProgram;
import org.tenfour.storage.Agency;
import org.tenfour.storage.Database;
import org.tenfour.storage.DirectoryListener;
import org.tenfour.storage.Member;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.TestDatabase;

@ExtendWith(PostgresExtension.class)
class KnownCallersTest {
    private static final Instant NOON = Instant.parse("2026-11-25T18:00:00Z");
    private final TestDatabase db;
    private Database database;

    KnownCallersTest(TestDatabase db) {
        this.db = db;
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    private static KnownCallers.Known someone() {
        UUID agency = UUID.randomUUID();
        return new KnownCallers.Known(
                new Agency(agency, "slack", "T1", "T1", "UTC", null, "{}", NOON),
                AgencySettings.DEFAULTS,
                new Member(
                        UUID.randomUUID(),
                        agency,
                        "U1",
                        null,
                        "UTC",
                        false,
                        null,
                        false,
                        false,
                        true,
                        NOON,
                        null,
                        null,
                        null,
                        null,
                        Map.of(),
                        null,
                        false,
                        null,
                        false),
                false);
    }

    /** A read of someone new that counts itself in {@code reads}. */
    private static Supplier<KnownCallers.Known> counted(AtomicInteger reads) {
        return () -> {
            reads.incrementAndGet();
            return someone();
        };
    }

    @Test
    void a_person_is_read_once_while_nothing_changes_and_again_after_a_change() {
        AtomicLong generation = new AtomicLong();
        AtomicInteger reads = new AtomicInteger();
        KnownCallers known = new KnownCallers(() -> true, generation::get, () -> 0L);
        KnownCallers.Known first = known.get("slack\nT1\nU1", counted(reads));
        assertThat(known.get("slack\nT1\nU1", counted(reads))).isSameAs(first);
        assertThat(reads).hasValue(1);
        generation.incrementAndGet();
        assertThat(known.get("slack\nT1\nU1", counted(reads))).isNotSameAs(first);
        assertThat(reads).hasValue(2);
    }

    @Test
    void nothing_is_remembered_while_changes_are_not_heard_nor_for_longer_than_a_minute() {
        AtomicBoolean watched = new AtomicBoolean(false);
        AtomicLong now = new AtomicLong();
        AtomicInteger reads = new AtomicInteger();
        KnownCallers known = new KnownCallers(watched::get, () -> 7L, now::get);
        known.get("k", counted(reads));
        known.get("k", counted(reads));
        assertThat(reads).as("not watched: every request reads").hasValue(2);
        watched.set(true);
        known.get("k", counted(reads));
        now.set(TimeUnit.SECONDS.toNanos(59));
        known.get("k", counted(reads));
        assertThat(reads).hasValue(3);
        now.set(TimeUnit.SECONDS.toNanos(61));
        known.get("k", counted(reads));
        assertThat(reads).hasValue(4);
    }

    private static String text(Reply reply) {
        return ((Reply.Private) reply).message().text();
    }

    @Test
    void a_coordinator_removed_on_another_replica_loses_the_role_once_the_change_commits(
            @TempDir Path dir) throws Exception {
        database = Database.open(db.settings(dir));
        DirectoryListener listener = database.listenForDirectoryChanges();
        await().atMost(Duration.ofSeconds(10)).until(listener::listening);
        TestProgram p = new TestProgram(db, NOON, listener::listening);
        p.platform.profile("UADMIN", new UserProfile("Admin", "America/Chicago", true));
        p.setUp("UADMIN");
        assertThat(text(p.coordinator("UADMIN", "status")))
                .doesNotContain("Only the program's coordinators");
        assertThat(text(p.coordinator("UADMIN", "status")))
                .doesNotContain("Only the program's coordinators");

        // another replica (or an operator) changes the roster: not through this JVM's JDBI
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", "");
                Statement s = c.createStatement()) {
            s.executeUpdate(
                    "update member set is_coordinator = false where platform_user_id = 'UADMIN'");
        }
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () ->
                                text(p.coordinator("UADMIN", "status"))
                                        .contains("Only the program's coordinators"));
    }
}
