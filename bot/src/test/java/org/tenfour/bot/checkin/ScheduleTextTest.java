package org.tenfour.bot.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.tenfour.bot.inbound.UsageException;

class ScheduleTextTest {

    @Test
    void cadences_read_as_people_say_them() {
        assertThat(ScheduleText.cadence("every 30 days")).isEqualTo(30);
        assertThat(ScheduleText.cadence("weekly")).isEqualTo(7);
        assertThat(ScheduleText.cadence("every 2 weeks")).isEqualTo(14);
        assertThat(ScheduleText.cadence("Monthly")).isEqualTo(30);
        assertThat(ScheduleText.cadence("off")).isNull();
        assertThatThrownBy(() -> ScheduleText.cadence("sometimes"))
                .isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> ScheduleText.cadence("every 0 days"))
                .isInstanceOf(UsageException.class);
    }

    @Test
    void hours_and_days_parse_and_bad_ones_say_why() {
        assertThat(ScheduleText.hours("08:00-18:00"))
                .containsExactly(LocalTime.of(8, 0), LocalTime.of(18, 0));
        assertThat(ScheduleText.hours("2200-0600"))
                .containsExactly(LocalTime.of(22, 0), LocalTime.of(6, 0));
        assertThatThrownBy(() -> ScheduleText.hours("25:00-26:00"))
                .hasMessageContaining("not a valid time range");
        assertThat(ScheduleText.days("mon-fri"))
                .isEqualTo(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        assertThat(ScheduleText.days("sat-sun"))
                .containsExactlyInAnyOrder(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(ScheduleText.days("fri-mon"))
                .containsExactlyInAnyOrder(
                        DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY);
        assertThat(ScheduleText.days("mon,wed,fri")).hasSize(3);
        assertThatThrownBy(() -> ScheduleText.days("someday")).isInstanceOf(UsageException.class);
    }
}
