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
import java.util.concurrent.ConcurrentHashMap;
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
import org.tenfour.storage.Agencies;
import org.tenfour.storage.Agency;
import org.tenfour.storage.Database;
import org.tenfour.storage.DirectoryChanges;
import org.tenfour.storage.DirectoryListener;
import org.tenfour.storage.Member;
import org.tenfour.storage.Members;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.TestData;
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

    /** Changes that move only when told: everything changes at once. */
    private static KnownCallers.Changes everythingAt(AtomicLong clock) {
        return new KnownCallers.Changes() {
            @Override
            public long now() {
                return clock.get();
            }

            @Override
            public boolean unchangedSince(long at, UUID agencyId, UUID memberId) {
                return clock.get() == at;
            }
        };
    }

    @Test
    void a_person_is_read_once_while_nothing_changes_and_again_after_a_change() {
        AtomicLong generation = new AtomicLong();
        AtomicInteger reads = new AtomicInteger();
        KnownCallers known = new KnownCallers(() -> true, everythingAt(generation), () -> 0L);
        KnownCallers.Known first = known.get("slack\nT1\nU1", counted(reads));
        assertThat(known.get("slack\nT1\nU1", counted(reads))).isSameAs(first);
        assertThat(reads).hasValue(1);
        generation.incrementAndGet();
        assertThat(known.get("slack\nT1\nU1", counted(reads))).isNotSameAs(first);
        assertThat(reads).hasValue(2);
    }

    @Test
    void the_moment_is_taken_before_the_read_so_a_change_during_it_counts() {
        AtomicLong generation = new AtomicLong();
        AtomicInteger reads = new AtomicInteger();
        KnownCallers known = new KnownCallers(() -> true, everythingAt(generation), () -> 0L);
        known.get(
                "k",
                () -> {
                    generation.incrementAndGet(); // committed while this read was under way
                    return counted(reads).get();
                });
        known.get("k", counted(reads));
        assertThat(reads).hasValue(2);
    }

    @Test
    void nothing_is_remembered_while_changes_are_not_heard_nor_for_longer_than_a_minute() {
        AtomicBoolean watched = new AtomicBoolean(false);
        AtomicLong now = new AtomicLong();
        AtomicInteger reads = new AtomicInteger();
        KnownCallers known =
                new KnownCallers(watched::get, everythingAt(new AtomicLong(7)), now::get);
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

    /** A replica's view: this JVM's listener, entries read from the database and counted. */
    private final class Replica {
        final KnownCallers known;
        final Map<UUID, AtomicInteger> reads = new ConcurrentHashMap<>();

        Replica(Path dir) {
            database = Database.open(db.settings(dir));
            DirectoryListener listener = database.listenForDirectoryChanges();
            await().atMost(Duration.ofSeconds(10)).until(listener::listening);
            known = new KnownCallers(listener::listening);
        }

        /** Who {@code m} is, read from the database only when the entry is not valid. */
        KnownCallers.Known who(Member m) {
            return known.get(
                    m.id().toString(),
                    () -> {
                        reads.computeIfAbsent(m.id(), k -> new AtomicInteger()).incrementAndGet();
                        Agency agency = db.jdbi().onDemand(Agencies.class).find(m.agencyId()).get();
                        Member fresh =
                                db.jdbi().onDemand(Members.class).find(m.agencyId(), m.id()).get();
                        return new KnownCallers.Known(
                                agency, AgencySettings.DEFAULTS, fresh, false);
                    });
        }

        /** How often {@code m} was read, after asking who they are once more. */
        int readsOf(Member m) {
            who(m);
            return reads.get(m.id()).get();
        }

        /** Waits until asking who {@code m} is reads them again (their change was heard). */
        void awaitForgotten(Member m, int readsBefore) {
            await().atMost(Duration.ofSeconds(10)).until(() -> readsOf(m) > readsBefore);
        }
    }

    /** A statement on a connection of its own: what another replica or an operator would do. */
    private void elsewhere(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /**
     * Waits until every change committed so far was heard: notifications arrive in commit order, so
     * once one sent now is heard, all earlier ones were.
     */
    private void settle() throws Exception {
        UUID agency = UUID.randomUUID();
        UUID nobody = UUID.randomUUID();
        long at = DirectoryChanges.now();
        elsewhere("select pg_notify('tenfour_directory', 'm %s %s')".formatted(agency, nobody));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !DirectoryChanges.unchangedSince(at, agency, nobody));
    }

    /** Reads each of {@code members} once, after the notifications of their creation were heard. */
    private void readEveryone(Replica replica, Member... members) throws Exception {
        settle();
        for (Member m : members) {
            replica.who(m);
            replica.who(m);
            assertThat(replica.readsOf(m)).as("remembered after one read").isEqualTo(1);
        }
    }

    @Test
    void a_change_to_one_member_on_another_replica_forgets_only_that_member(@TempDir Path dir)
            throws Exception {
        Replica replica = new Replica(dir);
        Agency agency = TestData.agency(db.jdbi());
        Member a = TestData.member(db.jdbi(), agency);
        Member b = TestData.member(db.jdbi(), agency);
        readEveryone(replica, a, b);

        elsewhere("update member set is_coordinator = true where id = '" + a.id() + "'");
        replica.awaitForgotten(a, 1);
        assertThat(replica.who(a).member().isCoordinator()).isTrue();
        assertThat(replica.readsOf(b)).as("B did not change").isEqualTo(1);

        elsewhere("update peer set active = false where member_id = '" + b.id() + "'");
        elsewhere(
                "insert into peer (member_id, agency_id) values ('%s', '%s')"
                        .formatted(b.id(), agency.id()));
        replica.awaitForgotten(b, 1);
        assertThat(replica.readsOf(a)).as("a peer row of B is B's").isEqualTo(2);
    }

    @Test
    void a_change_to_one_member_through_this_replica_forgets_that_member_at_once(@TempDir Path dir)
            throws Exception {
        Replica replica = new Replica(dir);
        Agency agency = TestData.agency(db.jdbi());
        Member a = TestData.member(db.jdbi(), agency);
        Member b = TestData.member(db.jdbi(), agency);
        readEveryone(replica, a, b);

        db.jdbi().onDemand(Members.class).setCoordinator(agency.id(), a.id(), true);
        // no waiting: the writer's own JVM knows before the statement returns (and once more when
        // the commit's notification arrives)
        assertThat(replica.who(a).member().isCoordinator()).isTrue();
        assertThat(replica.reads.get(a.id())).hasValueGreaterThanOrEqualTo(2);
        assertThat(replica.readsOf(b)).isEqualTo(1);
    }

    @Test
    void a_change_to_the_agency_forgets_everyone_of_that_agency_only(@TempDir Path dir)
            throws Exception {
        Replica replica = new Replica(dir);
        Agency agency = TestData.agency(db.jdbi());
        Agency other = TestData.agency(db.jdbi());
        Member a = TestData.member(db.jdbi(), agency);
        Member b = TestData.member(db.jdbi(), agency);
        Member c = TestData.member(db.jdbi(), other);
        readEveryone(replica, a, b, c);

        elsewhere("update agency set time_zone = 'Europe/Madrid' where id = '" + agency.id() + "'");
        replica.awaitForgotten(a, 1);
        assertThat(replica.who(a).agency().timeZone()).isEqualTo("Europe/Madrid");
        assertThat(replica.readsOf(b)).isEqualTo(2);
        assertThat(replica.readsOf(c)).as("another agency").isEqualTo(1);
    }

    @Test
    void a_bulk_import_forgets_the_agency_and_a_few_new_members_forget_nobody(@TempDir Path dir)
            throws Exception {
        Replica replica = new Replica(dir);
        Agency agency = TestData.agency(db.jdbi());
        Member a = TestData.member(db.jdbi(), agency);
        Member b = TestData.member(db.jdbi(), agency);
        readEveryone(replica, a, b);

        elsewhere(
                ("insert into member (agency_id, platform_user_id) select '%s', 'UNEW' || i"
                                + " from generate_series(1, 3) i")
                        .formatted(agency.id()));
        settle();
        assertThat(replica.readsOf(a)).as("three new people change nobody known").isEqualTo(1);

        elsewhere(
                ("insert into member (agency_id, platform_user_id) select '%s', 'UBULK' || i"
                                + " from generate_series(1, 500) i")
                        .formatted(agency.id()));
        replica.awaitForgotten(a, 1);
        assertThat(replica.readsOf(b)).as("the agency as a whole").isEqualTo(2);
    }
}
