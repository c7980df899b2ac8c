package org.tenfour.bot.agency;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.tenfour.adapters.internal.Jackson;
import org.tenfour.bot.http.JsonBody;

/**
 * What an agency's coordinators configured. Stored as JSON in {@code agency.settings}.
 *
 * @param cadenceDays maximum days between check-ins of a member; null when check-ins are off
 * @param hoursStart start of the agency's working hours (in the member's zone)
 * @param hoursEnd end of the agency's working hours
 * @param days working days
 * @param crisisLines shown beneath every check-in and urgent request
 * @param suppressionK counts below this are suppressed in reports (at least 3)
 * @param nudgeAfterDays days without an answer before the assigned peer is nudged
 * @param rosterSource {@code <!subteam^S…>} or {@code <#C…>} the roster follows, or null
 * @param confidentialityPolicy what members are told about confidentiality and its exceptions;
 *     shown on first contact with a peer, in help, and to coordinators on a safety concern
 * @param connect connection-request timing and retention; defaults when absent
 * @param schedule incident follow-up offsets and holidays; defaults when absent
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AgencySettings(
        Integer cadenceDays,
        LocalTime hoursStart,
        LocalTime hoursEnd,
        Set<DayOfWeek> days,
        List<String> crisisLines,
        int suppressionK,
        int nudgeAfterDays,
        String rosterSource,
        String confidentialityPolicy,
        ConnectSettings connect,
        ScheduleRules schedule) {

    /** The policy text when coordinators wrote none. */
    public static final String DEFAULT_POLICY =
            "Confidential: what you say to a peer stays between you and the "
                    + "peer. TenFour stores no message text and nothing goes to personnel files. The exceptions: an "
                    + "immediate threat to yourself or others, and the admission of a crime; then a peer may need to "
                    + "involve a coordinator or emergency services.";

    /** The defaults of a new agency: check-ins off until coordinators choose a cadence. */
    public static final AgencySettings DEFAULTS =
            new AgencySettings(
                    null,
                    LocalTime.of(8, 0),
                    LocalTime.of(18, 0),
                    EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                    List.of(
                            "988 Suicide & Crisis Lifeline: call or text 988",
                            "In immediate danger: call 911"),
                    5,
                    3,
                    null,
                    DEFAULT_POLICY,
                    ConnectSettings.DEFAULTS,
                    ScheduleRules.DEFAULTS);

    /** Settings without the connection-request parts (their defaults apply). */
    public AgencySettings(
            Integer cadenceDays,
            LocalTime hoursStart,
            LocalTime hoursEnd,
            Set<DayOfWeek> days,
            List<String> crisisLines,
            int suppressionK,
            int nudgeAfterDays,
            String rosterSource) {
        this(
                cadenceDays,
                hoursStart,
                hoursEnd,
                days,
                crisisLines,
                suppressionK,
                nudgeAfterDays,
                rosterSource,
                null,
                null,
                null);
    }

    @JsonCreator
    public AgencySettings {
        if (cadenceDays != null && (cadenceDays < 1 || cadenceDays > 366)) {
            throw new IllegalArgumentException("cadenceDays must be 1..366: " + cadenceDays);
        }
        hoursStart = Objects.requireNonNullElse(hoursStart, DEFAULTS_START);
        hoursEnd = Objects.requireNonNullElse(hoursEnd, DEFAULTS_END);
        days =
                Collections.unmodifiableSet(
                        days == null || days.isEmpty()
                                ? EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)
                                : EnumSet.copyOf(days));
        crisisLines = crisisLines == null ? List.of() : List.copyOf(crisisLines);
        suppressionK = suppressionK == 0 ? 5 : suppressionK;
        if (suppressionK < 3) {
            throw new IllegalArgumentException("suppressionK must be at least 3: " + suppressionK);
        }
        nudgeAfterDays = nudgeAfterDays == 0 ? 3 : nudgeAfterDays;
        confidentialityPolicy =
                confidentialityPolicy == null || confidentialityPolicy.isBlank()
                        ? DEFAULT_POLICY
                        : confidentialityPolicy;
        connect = connect == null ? ConnectSettings.DEFAULTS : connect;
        schedule = schedule == null ? ScheduleRules.DEFAULTS : schedule;
    }

    private static final LocalTime DEFAULTS_START = LocalTime.of(8, 0);
    private static final LocalTime DEFAULTS_END = LocalTime.of(18, 0);

    /**
     * Reads stored settings; an empty object gives the defaults. The request path parses them once
     * per read of the agency (they travel with the {@code Caller}); jobs once per agency and pass.
     */
    public static AgencySettings fromJson(String json) {
        if (json == null || json.isBlank() || json.equals("{}")) {
            return DEFAULTS;
        }
        try {
            return Jackson.MAPPER.readValue(json, AgencySettings.class);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable agency settings", e);
        }
    }

    /** The JSON stored in the database. */
    public String toJson() {
        return JsonBody.write(this);
    }

    public AgencySettings withCadenceDays(Integer value) {
        return new AgencySettings(
                value,
                hoursStart,
                hoursEnd,
                days,
                crisisLines,
                suppressionK,
                nudgeAfterDays,
                rosterSource,
                confidentialityPolicy,
                connect,
                schedule);
    }

    public AgencySettings withHours(LocalTime start, LocalTime end) {
        return new AgencySettings(
                cadenceDays,
                start,
                end,
                days,
                crisisLines,
                suppressionK,
                nudgeAfterDays,
                rosterSource,
                confidentialityPolicy,
                connect,
                schedule);
    }

    public AgencySettings withDays(Set<DayOfWeek> value) {
        return new AgencySettings(
                cadenceDays,
                hoursStart,
                hoursEnd,
                value,
                crisisLines,
                suppressionK,
                nudgeAfterDays,
                rosterSource,
                confidentialityPolicy,
                connect,
                schedule);
    }

    public AgencySettings withCrisisLines(List<String> value) {
        return new AgencySettings(
                cadenceDays,
                hoursStart,
                hoursEnd,
                days,
                value,
                suppressionK,
                nudgeAfterDays,
                rosterSource,
                confidentialityPolicy,
                connect,
                schedule);
    }

    public AgencySettings withRosterSource(String value) {
        return new AgencySettings(
                cadenceDays,
                hoursStart,
                hoursEnd,
                days,
                crisisLines,
                suppressionK,
                nudgeAfterDays,
                value,
                confidentialityPolicy,
                connect,
                schedule);
    }

    public AgencySettings withConnect(ConnectSettings value) {
        return new AgencySettings(
                cadenceDays,
                hoursStart,
                hoursEnd,
                days,
                crisisLines,
                suppressionK,
                nudgeAfterDays,
                rosterSource,
                confidentialityPolicy,
                value,
                schedule);
    }

    public AgencySettings withSchedule(ScheduleRules value) {
        return new AgencySettings(
                cadenceDays,
                hoursStart,
                hoursEnd,
                days,
                crisisLines,
                suppressionK,
                nudgeAfterDays,
                rosterSource,
                confidentialityPolicy,
                connect,
                value);
    }

    /** Cadence as people say it. */
    public String cadenceText() {
        if (cadenceDays == null) {
            return "off";
        }
        return switch (cadenceDays) {
            case 7 -> "weekly";
            case 14 -> "every 2 weeks";
            case 30 -> "monthly (every 30 days)";
            default -> "every " + cadenceDays + " days";
        };
    }
}
