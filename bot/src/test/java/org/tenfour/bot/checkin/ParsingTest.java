package org.tenfour.bot.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.tenfour.bot.inbound.UsageException;

class ParsingTest {

    @Test
    void cadences_read_as_people_say_them() {
        assertThat(Parsing.cadence("every 30 days")).isEqualTo(30);
        assertThat(Parsing.cadence("weekly")).isEqualTo(7);
        assertThat(Parsing.cadence("every 2 weeks")).isEqualTo(14);
        assertThat(Parsing.cadence("Monthly")).isEqualTo(30);
        assertThat(Parsing.cadence("off")).isNull();
        assertThatThrownBy(() -> Parsing.cadence("sometimes")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> Parsing.cadence("every 0 days"))
                .isInstanceOf(UsageException.class);
    }

    @Test
    void hours_and_days_parse_and_bad_ones_say_why() {
        assertThat(Parsing.hours("08:00-18:00"))
                .containsExactly(LocalTime.of(8, 0), LocalTime.of(18, 0));
        assertThat(Parsing.hours("2200-0600"))
                .containsExactly(LocalTime.of(22, 0), LocalTime.of(6, 0));
        assertThatThrownBy(() -> Parsing.hours("25:00-26:00"))
                .hasMessageContaining("not a valid time range");
        assertThat(Parsing.days("mon-fri"))
                .isEqualTo(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        assertThat(Parsing.days("sat-sun"))
                .containsExactlyInAnyOrder(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(Parsing.days("fri-mon"))
                .containsExactlyInAnyOrder(
                        DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY);
        assertThat(Parsing.days("mon,wed,fri")).hasSize(3);
        assertThatThrownBy(() -> Parsing.days("someday")).isInstanceOf(UsageException.class);
    }

    @Test
    void spans_and_zones() {
        assertThat(Parsing.span("2w")).isEqualTo(Duration.ofDays(14));
        assertThat(Parsing.span("3d")).isEqualTo(Duration.ofDays(3));
        assertThat(Parsing.span("1m")).isEqualTo(Duration.ofDays(30));
        assertThatThrownBy(() -> Parsing.span("forever")).isInstanceOf(UsageException.class);
        assertThat(Parsing.zone("America/Chicago").getId()).isEqualTo("America/Chicago");
        assertThatThrownBy(() -> Parsing.zone("Mars/Base")).isInstanceOf(UsageException.class);
    }
}
