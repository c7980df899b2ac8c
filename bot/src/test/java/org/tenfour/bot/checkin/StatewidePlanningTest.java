package org.tenfour.bot.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.ChatPlatform;
import org.tenfour.adapters.Delivery;
import org.tenfour.adapters.Form;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Platform;
import org.tenfour.adapters.UserProfile;
import org.tenfour.bot.agency.AgencySettings;
import org.tenfour.bot.agency.Platforms;
import org.tenfour.storage.Agencies;
import org.tenfour.storage.Agency;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.Store;
import org.tenfour.storage.TestData;
import org.tenfour.storage.TestDatabase;

/**
 * Planning a statewide network: rosters read a page at a time, profiles read several at once, and
 * the agencies split into shards that replicas plan separately.
 */
@ExtendWith(PostgresExtension.class)
class StatewidePlanningTest {
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-25T15:00:00Z"), ZoneOffset.UTC);
    private static final String WEEKLY =
            AgencySettings.DEFAULTS
                    .withCadenceDays(7)
                    .withHours(LocalTime.MIN, LocalTime.MAX)
                    .withDays(EnumSet.allOf(DayOfWeek.class))
                    .toJson();

    private static Agency weeklyAgency(Jdbi jdbi, int members) {
        Agency agency = TestData.agency(jdbi);
        jdbi.onDemand(Agencies.class).setSettings(agency.id(), WEEKLY);
        jdbi.useHandle(
                h ->
                        h.createUpdate(
                                        """
                        insert into member (agency_id, platform_user_id, display_name, time_zone, profile_checked_at)
                        select :agency, 'U' || lpad(n::text, 7, '0'), 'Member ' || n, 'UTC', now()
                        from generate_series(1, :n) n""")
                                .bind("agency", agency.id())
                                .bind("n", members)
                                .execute());
        return jdbi.onDemand(Agencies.class).find(agency.id()).orElseThrow();
    }

    private static int count(Jdbi jdbi, String sql, UUID agency) {
        return jdbi.withHandle(
                h -> h.createQuery(sql).bind("agency", agency).mapTo(Integer.class).one());
    }

    @Test
    void a_roster_of_several_pages_is_planned_whole_and_each_member_once(TestDatabase db) {
        Jdbi jdbi = db.jdbi();
        int members = 2 * CheckInPlanner.CHUNK + 7;
        Agency big = weeklyAgency(jdbi, members);
        Agency exact = weeklyAgency(jdbi, CheckInPlanner.CHUNK);
        CheckInPlanner planner = new CheckInPlanner(Store.of(jdbi), CLOCK);

        assertThat(planner.plan(big)).isEqualTo(members);
        assertThat(planner.plan(exact))
                .as("a roster of exactly one page")
                .isEqualTo(CheckInPlanner.CHUNK);
        assertThat(
                        count(
                                jdbi,
                                "select count(distinct member_id) from check_in where agency_id = :agency",
                                big.id()))
                .isEqualTo(members);
        assertThat(
                        count(
                                jdbi,
                                "select count(*) from outbox where agency_id = :agency and kind = 'check_in'",
                                big.id()))
                .as("one message per check-in")
                .isEqualTo(members);
        assertThat(planner.plan(big)).as("the same cycle again").isZero();
    }

    @Test
    void each_shard_plans_only_its_own_agencies_and_the_shards_together_plan_every_agency_once(
            TestDatabase db) {
        Jdbi jdbi = db.jdbi();
        List<Agency> agencies = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            agencies.add(weeklyAgency(jdbi, 3));
        }
        CheckInJobs jobs =
                new CheckInJobs(
                        Store.of(jdbi),
                        CLOCK,
                        new Platforms(Map.of()),
                        new CheckInPlanner(Store.of(jdbi), CLOCK));

        int total = 0;
        for (int shard = 0; shard < CheckInJobs.PLAN_SHARDS; shard++) {
            int created = jobs.planShard(shard, CheckInJobs.PLAN_SHARDS, 1);
            total += created;
            for (Agency agency : agencies) {
                int planned =
                        count(
                                jdbi,
                                "select count(*) from check_in where agency_id = :agency",
                                agency.id());
                if (CheckInJobs.shardOf(agency.id(), CheckInJobs.PLAN_SHARDS) <= shard) {
                    assertThat(planned).as("planned by its shard").isEqualTo(3);
                } else {
                    assertThat(planned).as("not yet: another shard's").isZero();
                }
            }
        }
        assertThat(total).isEqualTo(12 * 3);
        assertThat(jobs.planAll()).as("every shard done already").isZero();
    }

    @Test
    void profiles_are_read_several_at_a_time_not_one_after_the_other(TestDatabase db)
            throws Exception {
        Jdbi jdbi = db.jdbi();
        Agency agency = weeklyAgency(jdbi, 0);
        for (int i = 0; i < 8; i++) {
            TestData.member(jdbi, agency);
        }
        // each read waits until four are in flight: one after the other, none would get past
        // the wait, and the most in flight at once would be one
        CountDownLatch four = new CountDownLatch(4);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ChatPlatform slack =
                new ChatPlatform() {
                    @Override
                    public Platform platform() {
                        return Platform.SLACK;
                    }

                    @Override
                    public Optional<UserProfile> profile(Address user) {
                        most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                        four.countDown();
                        try {
                            four.await(20, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        inFlight.decrementAndGet();
                        return Optional.of(new UserProfile("Read", "Europe/London", false));
                    }

                    @Override
                    public Delivery send(Address to, Message message) {
                        throw new UnsupportedOperationException("planning sends nothing");
                    }

                    @Override
                    public void update(Address to, Delivery sent, Message message) {
                        throw new UnsupportedOperationException("planning sends nothing");
                    }

                    @Override
                    public void openForm(Address user, String triggerId, Form form) {
                        throw new UnsupportedOperationException("planning opens no form");
                    }
                };
        CheckInJobs jobs =
                new CheckInJobs(
                        Store.of(jdbi),
                        CLOCK,
                        new Platforms(Map.of(Platform.SLACK, slack)),
                        new CheckInPlanner(Store.of(jdbi), CLOCK));

        jobs.refreshProfiles(agency);

        assertThat(most.get()).as("profile reads in flight at once").isGreaterThanOrEqualTo(4);
        assertThat(
                        count(
                                jdbi,
                                "select count(*) from member where agency_id = :agency and time_zone = 'Europe/London'",
                                agency.id()))
                .as("every profile read is recorded")
                .isEqualTo(8);
    }
}
