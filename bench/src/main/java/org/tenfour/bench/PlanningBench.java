package org.tenfour.bench;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.tenfour.bot.checkin.CheckInPlanner;
import org.tenfour.storage.Agencies;
import org.tenfour.storage.Agency;
import org.tenfour.storage.EmbeddedDatabase;
import org.tenfour.storage.Store;

/**
 * Planning at scale: {@code AGENCIES} × {@code PER_AGENCY} enrolled members. First a raw {@code
 * INSERT … SELECT} of the same rows (a check-in and its outbox message per member), as the floor;
 * then {@link CheckInPlanner#planAll} (contact windows, peer assignment, one transaction per chunk
 * of members, agencies in parallel as the planning job runs them), through a connection pool as in
 * production. Reports rows/s of each, their ratio, and heap/RSS of this JVM while planning.
 *
 * <p>Usage: {@code bench/run.sh planning [agencies=100] [perAgency=1000]}
 */
public final class PlanningBench {
    public static void main(String[] args) throws Exception {
        int agencies = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int perAgency = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        System.err.println(
                "planning bench: "
                        + Bench.machine()
                        + " agencies="
                        + agencies
                        + " perAgency="
                        + perAgency);
        EmbeddedDatabase pg = Bench.database();
        Jdbi jdbi = Bench.jdbi(pg);
        for (int i = 0; i < agencies; i++) {
            Bench.agency(jdbi, "T" + (100_000 + i), perAgency, 7);
        }
        int total = agencies * perAgency;

        long t0 = System.nanoTime();
        jdbi.useTransaction(
                h -> {
                    h.execute(
                            """
                    insert into check_in (agency_id, member_id, kind, slot_key, due_at, state)
                    select agency_id, id, 'cadence', 'raw', now(), 'scheduled' from member where on_roster""");
                    h.execute(
                            """
                    insert into outbox (agency_id, idempotency_key, target, message, next_attempt_at)
                    select c.agency_id, 'raw:' || c.id,
                           jsonb_build_object('platform', 'slack', 'workspaceId', a.workspace_id, 'kind', 'USER', 'targetId', m.platform_user_id),
                           jsonb_build_object('message', jsonb_build_object('text', 'How are you doing?')), c.due_at
                    from check_in c join member m on m.id = c.member_id join agency a on a.id = c.agency_id""");
                });
        double rawSeconds = (System.nanoTime() - t0) / 1e9;
        System.err.printf(
                "raw INSERT … SELECT: %d check-ins + outbox rows in %.2f s = %.0f rows/s%n",
                total, rawSeconds, total / rawSeconds);
        jdbi.useHandle(
                h -> {
                    h.execute("delete from outbox");
                    h.execute("delete from check_in");
                    h.execute("vacuum analyze");
                });

        CheckInPlanner planner = new CheckInPlanner(Store.of(jdbi), Clock.systemUTC());
        List<Agency> all = jdbi.onDemand(Agencies.class).all();
        AtomicLong maxHeap = new AtomicLong();
        AtomicLong maxRss = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        var unused =
                sampler.scheduleAtFixedRate(
                        () -> {
                            Runtime rt = Runtime.getRuntime();
                            maxHeap.accumulateAndGet(
                                    (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024),
                                    Math::max);
                            maxRss.accumulateAndGet(
                                    Bench.rssMb(ProcessHandle.current().pid()), Math::max);
                        },
                        0,
                        100,
                        TimeUnit.MILLISECONDS);
        long t1 = System.nanoTime();
        // the product's planning pass over all agencies (the scheduled job runs this after roster
        // syncs)
        int created = planner.planAll(all);
        sampler.shutdownNow();
        double plannerSeconds = (System.nanoTime() - t1) / 1e9;
        System.err.printf(
                "CheckInPlanner: %d check-ins in %.2f s = %.0f rows/s; ratio to raw %.3f%n",
                created,
                plannerSeconds,
                created / plannerSeconds,
                (created / plannerSeconds) / (total / rawSeconds));
        System.err.println(
                "while planning: heap used max "
                        + maxHeap.get()
                        + " MB, RSS max "
                        + maxRss.get()
                        + " MB (this JVM; PostgreSQL separate)");
        pg.close();
    }
}
