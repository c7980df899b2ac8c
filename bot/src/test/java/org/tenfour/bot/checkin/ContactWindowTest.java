package org.tenfour.bot.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ContactWindowTest {
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final ContactWindow WEEKDAYS =
            new ContactWindow(
                    LocalTime.of(8, 0),
                    LocalTime.of(18, 0),
                    EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                    CHICAGO);

    private static Instant chicago(String local) {
        return ZonedDateTime.of(LocalDateTime.parse(local), CHICAGO).toInstant();
    }

    @Test
    void a_time_inside_the_window_is_kept() {
        Instant wed10 = chicago("2026-11-25T10:00");
        assertThat(WEEKDAYS.next(wed10)).isEqualTo(wed10);
        assertThat(WEEKDAYS.contains(wed10)).isTrue();
    }

    @Test
    void before_the_window_waits_for_its_start_in_the_members_zone() {
        assertThat(WEEKDAYS.next(chicago("2026-11-25T06:30")))
                .isEqualTo(chicago("2026-11-25T08:00"));
    }

    @Test
    void after_the_window_and_over_the_weekend_moves_to_monday() {
        assertThat(WEEKDAYS.next(chicago("2026-11-27T18:00")))
                .isEqualTo(chicago("2026-11-30T08:00"));
        assertThat(WEEKDAYS.next(chicago("2026-11-28T12:00")))
                .isEqualTo(chicago("2026-11-30T08:00"));
    }

    @Test
    void an_overnight_window_spans_midnight() {
        ContactWindow nights =
                new ContactWindow(
                        LocalTime.of(22, 0),
                        LocalTime.of(6, 0),
                        EnumSet.of(DayOfWeek.SATURDAY),
                        CHICAGO);
        assertThat(nights.next(chicago("2026-11-28T12:00"))).isEqualTo(chicago("2026-11-28T22:00"));
        Instant sundayThreeAm = chicago("2026-11-29T03:00");
        assertThat(nights.next(sundayThreeAm))
                .as("Saturday night's window is still open")
                .isEqualTo(sundayThreeAm);
        assertThat(nights.next(chicago("2026-11-29T07:00"))).isEqualTo(chicago("2026-12-05T22:00"));
    }

    @Test
    void the_spring_forward_day_keeps_the_wall_clock_window() {
        // 2026-03-08: Chicago jumps from 02:00 to 03:00
        ContactWindow early =
                new ContactWindow(
                        LocalTime.of(8, 0),
                        LocalTime.of(9, 0),
                        EnumSet.allOf(DayOfWeek.class),
                        CHICAGO);
        Instant next = early.next(chicago("2026-03-08T01:00"));
        assertThat(next.atZone(CHICAGO).toLocalTime()).isEqualTo(LocalTime.of(8, 0));
        assertThat(next).isEqualTo(Instant.parse("2026-03-08T13:00:00Z")); // CDT, UTC-5
    }

    @Test
    void the_fall_back_day_keeps_the_wall_clock_window() {
        ContactWindow early =
                new ContactWindow(
                        LocalTime.of(8, 0),
                        LocalTime.of(9, 0),
                        EnumSet.allOf(DayOfWeek.class),
                        CHICAGO);
        Instant next = early.next(Instant.parse("2026-11-01T06:00:00Z"));
        assertThat(next).isEqualTo(Instant.parse("2026-11-01T14:00:00Z")); // CST, UTC-6
    }

    @Test
    void a_window_starting_in_the_skipped_hour_opens_when_the_clock_resumes() {
        ContactWindow gap =
                new ContactWindow(
                        LocalTime.of(2, 30),
                        LocalTime.of(4, 0),
                        EnumSet.allOf(DayOfWeek.class),
                        CHICAGO);
        assertThat(gap.next(chicago("2026-03-08T00:00")))
                .isEqualTo(Instant.parse("2026-03-08T08:30:00Z"));
    }

    @Test
    void an_empty_window_is_refused() {
        assertThatThrownBy(
                        () ->
                                new ContactWindow(
                                        LocalTime.NOON,
                                        LocalTime.NOON,
                                        EnumSet.allOf(DayOfWeek.class),
                                        CHICAGO))
                .hasMessageContaining("empty contact window");
    }
}
