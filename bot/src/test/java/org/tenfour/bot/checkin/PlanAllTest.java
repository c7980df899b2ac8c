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
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tenfour.bot.agency.AgencySettings;
import org.tenfour.storage.Agencies;
import org.tenfour.storage.Agency;
import org.tenfour.storage.Members;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.Store;
import org.tenfour.storage.TestData;
import org.tenfour.storage.TestDatabase;

/** The planning pass over many agencies at once. */
@ExtendWith(PostgresExtension.class)
class PlanAllTest {
    private static final String WEEKLY =
            AgencySettings.DEFAULTS
                    .withCadenceDays(7)
                    .withHours(LocalTime.MIN, LocalTime.MAX)
                    .withDays(EnumSet.allOf(DayOfWeek.class))
                    .toJson();

    @Test
    void every_agency_is_planned_once_and_one_that_fails_does_not_stop_the_others(TestDatabase db) {
        Jdbi jdbi = db.jdbi();
        Agencies repo = jdbi.onDemand(Agencies.class);
        List<Agency> agencies = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Agency agency = TestData.agency(jdbi);
            repo.setSettings(agency.id(), WEEKLY);
            for (int m = 0; m < 3; m++) {
                jdbi.onDemand(Members.class)
                        .setOnRoster(agency.id(), TestData.member(jdbi, agency).id(), true);
            }
            agencies.add(repo.find(agency.id()).orElseThrow());
        }
        Agency broken = TestData.agency(jdbi);
        jdbi.onDemand(Members.class)
                .setOnRoster(broken.id(), TestData.member(jdbi, broken).id(), true);
        repo.setSettings(broken.id(), "{\"cadenceDays\": 9999}");
        agencies.add(3, repo.find(broken.id()).orElseThrow());
        CheckInPlanner planner =
                new CheckInPlanner(
                        Store.of(jdbi),
                        Clock.fixed(Instant.parse("2026-11-25T15:00:00Z"), ZoneOffset.UTC));

        assertThat(planner.planAll(agencies))
                .as("7 agencies x 3 members; the broken one skipped")
                .isEqualTo(21);
        int plannedAgencies =
                jdbi.withHandle(
                        h ->
                                h.createQuery(
                                                "select count(distinct agency_id) from check_in where agency_id <> :broken")
                                        .bind("broken", broken.id())
                                        .mapTo(Integer.class)
                                        .one());
        assertThat(plannedAgencies).isEqualTo(7);
        assertThat(planner.planAll(agencies))
                .as("planning the same cycle again creates nothing")
                .isZero();
        assertThat(planner.planAll(List.of())).isZero();
    }
}
