package org.tenfour.bot.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quartz.JobKey;
import org.tenfour.bot.schedule.Scheduling;
import org.tenfour.bot.testing.TestProgram;
import org.tenfour.storage.CheckIns;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.TestDatabase;

/**
 * The planning job runs on real clustered Quartz on PostgreSQL, and two schedulers never double it.
 */
@ExtendWith(PostgresExtension.class)
class CheckInJobsOnQuartzTest {

    @Test
    void two_clustered_schedulers_plan_each_member_once(TestDatabase db) throws Exception {
        TestProgram p = new TestProgram(db, Instant.parse("2026-11-25T12:00:00Z"));
        p.setUp("UADMIN");
        p.coordinator("UADMIN", "roster add <@UM1> <@UM2> <@UM3>");
        p.coordinator("UADMIN", "cadence weekly");
        CheckInJobs jobs = p.jobs;
        try (Scheduling a = Scheduling.start(db.dataSource(), "replica-a", jobs.tasks());
                Scheduling b = Scheduling.start(db.dataSource(), "replica-b", jobs.tasks())) {
            // every shard's job, from both replicas: Quartz runs each once at a time
            for (JobKey job : CheckInJobs.PLAN_JOBS) {
                a.scheduler().triggerJob(job);
                b.scheduler().triggerJob(job);
            }
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(
                            () ->
                                    p.jdbi.withHandle(
                                                    h ->
                                                            h.createQuery(
                                                                            "select count(*) from check_in")
                                                                    .mapTo(Integer.class)
                                                                    .one())
                                            == 3);
            for (JobKey job : CheckInJobs.PLAN_JOBS) {
                assertThat(a.scheduler().getJobDetail(job)).as(job.toString()).isNotNull();
            }
        }
        for (String u : new String[] {"UM1", "UM2", "UM3"}) {
            assertThat(p.jdbi.onDemand(CheckIns.class).forMember(p.agency().id(), p.member(u).id()))
                    .hasSize(1);
        }
    }
}
