package org.tenfour.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Repositories attached once per {@code Jdbi} behave as JDBI's own on-demand and attached ones:
 * each call on the handle of its call (its own connection, the thread's open transaction, or a unit
 * of work's), with the interface's and the method's configuration, from many threads at once.
 */
@ExtendWith(PostgresExtension.class)
class RepositoriesTest {
    private final TestDatabase db;
    private final Store store;

    RepositoriesTest(TestDatabase db) {
        this.db = db;
        this.store = db.store();
    }

    @Test
    void a_unit_of_works_repositories_see_its_uncommitted_rows_and_a_rollback_undoes_them() {
        Agency agency = TestData.agency(db.jdbi());
        assertThatThrownBy(
                        () ->
                                store.useTransaction(
                                        tx -> {
                                            tx.attach(Members.class)
                                                    .upsert(agency.id(), "UROLL", "Rolled", "UTC");
                                            assertThat(
                                                            tx.attach(Members.class)
                                                                    .findByPlatformUser(
                                                                            agency.id(), "UROLL"))
                                                    .isPresent();
                                            // JDBI's rule, kept: an on-demand repository inside a
                                            // transaction on this thread joins it
                                            assertThat(
                                                            store.repo(Members.class)
                                                                    .findByPlatformUser(
                                                                            agency.id(), "UROLL"))
                                                    .isPresent();
                                            throw new IllegalStateException("roll back");
                                        }))
                .hasMessage("roll back");
        assertThat(store.repo(Members.class).findByPlatformUser(agency.id(), "UROLL")).isEmpty();
    }

    @Test
    void a_default_method_runs_the_interfaces_other_methods_on_the_same_handle() {
        Agency agency = TestData.agency(db.jdbi());
        Member m = TestData.member(db.jdbi(), agency);
        store.useTransaction(
                tx ->
                        tx.attach(Members.class)
                                .setWindow(
                                        agency.id(),
                                        m.id(),
                                        LocalTime.of(8, 0),
                                        LocalTime.of(16, 0),
                                        Set.of(DayOfWeek.MONDAY)));
        Member read = store.repo(Members.class).find(agency.id(), m.id()).orElseThrow();
        assertThat(read.windowStart()).isEqualTo(LocalTime.of(8, 0));
        assertThat(read.windowDays()).containsExactly(DayOfWeek.MONDAY);
    }

    @Test
    void a_methods_own_configuration_applies_json_arguments_and_mapped_rows() {
        Agency agency = TestData.agency(db.jdbi());
        Member m = TestData.member(db.jdbi(), agency);
        store.repo(Members.class).setTags(agency.id(), m.id(), Map.of("shift", "B"));
        assertThat(store.repo(Members.class).find(agency.id(), m.id()).orElseThrow().tags())
                .containsEntry("shift", "B");
    }

    @Test
    void many_threads_use_one_repository_each_on_its_own_transaction() throws Exception {
        Agency agency = TestData.agency(db.jdbi());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String user = "UPAR" + i;
                boolean rollBack = i % 2 == 0;
                results.add(
                        pool.submit(
                                () -> {
                                    try {
                                        store.useTransaction(
                                                tx -> {
                                                    Members members = tx.attach(Members.class);
                                                    members.upsert(agency.id(), user, user, "UTC");
                                                    if (members.findByPlatformUser(
                                                                    agency.id(), user)
                                                            .isEmpty()) {
                                                        throw new AssertionError("own row unseen");
                                                    }
                                                    if (rollBack) {
                                                        throw new IllegalStateException("undo");
                                                    }
                                                });
                                    } catch (IllegalStateException e) {
                                        return false;
                                    }
                                    return true;
                                }));
            }
            int kept = 0;
            for (Future<Boolean> r : results) {
                kept += r.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(kept).isEqualTo(32);
        } finally {
            pool.shutdownNow();
        }
        List<Member> members = store.repo(Members.class).list(agency.id());
        assertThat(members).hasSize(32);
        assertThat(members)
                .allSatisfy(
                        mm ->
                                assertThat(Integer.parseInt(mm.platformUserId().substring(4)) % 2)
                                        .isEqualTo(1));
    }

    @Test
    void an_attached_repository_outside_its_unit_of_work_is_refused() {
        Members escaped = store.inTransaction(tx -> tx.attach(Members.class));
        assertThatThrownBy(() -> escaped.list(TestData.agency(db.jdbi()).id()))
                .isInstanceOf(RuntimeException.class);
    }
}
