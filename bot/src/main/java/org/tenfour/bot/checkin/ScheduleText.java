package org.tenfour.bot.checkin;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tenfour.bot.inbound.UsageException;
import org.tenfour.bot.words.Language;
import org.tenfour.bot.words.Words;

/** The schedule values coordinators and members type, parsed and printed: cadences, hours, days. */
public final class ScheduleText {
    private static final Pattern EVERY =
            Pattern.compile("every\\s+(\\d+)\\s*(day|days|d|week|weeks|w)");
    private static final Pattern RANGE =
            Pattern.compile("(\\d{1,2}):?(\\d{2})\\s*-\\s*(\\d{1,2}):?(\\d{2})");
    private static final List<String> DAY_NAMES =
            List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    // members who read Spanish may write their days in it (lun-vie, sáb,dom, miércoles)
    private static final List<List<String>> DIAS =
            List.of(
                    List.of("lun"),
                    List.of("mar"),
                    List.of("mié", "mie"),
                    List.of("jue"),
                    List.of("vie"),
                    List.of("sáb", "sab"),
                    List.of("dom"));

    private ScheduleText() {}

    /**
     * {@code every 30 days}, {@code weekly}, {@code every 2 weeks}, {@code monthly}, {@code off};
     * null means off.
     */
    public static Integer cadence(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        switch (t) {
            case "off", "none", "stop" -> {
                return null;
            }
            case "weekly", "every week" -> {
                return 7;
            }
            case "fortnightly", "biweekly" -> {
                return 14;
            }
            case "monthly", "every month" -> {
                return 30;
            }
            default -> {
                Matcher m = EVERY.matcher(t);
                if (!m.matches()) {
                    throw new UsageException("I can't read the cadence '" + text + "'.");
                }
                int n = Integer.parseInt(m.group(1));
                int days = m.group(2).startsWith("w") ? n * 7 : n;
                if (days < 1 || days > 366) {
                    throw new UsageException(
                            "A cadence must be between 1 and 366 days, not " + days + ".");
                }
                return days;
            }
        }
    }

    /**
     * {@code 08:00-18:00} (or {@code 0800-1800}); an end before the start means an overnight
     * window.
     */
    public static LocalTime[] hours(String text) {
        Matcher m = RANGE.matcher(text.strip());
        if (!m.matches()) {
            throw UsageException.said("usage.hours", text);
        }
        try {
            LocalTime start =
                    LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            LocalTime end =
                    LocalTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
            if (start.equals(end)) {
                throw UsageException.said("usage.hoursSame");
            }
            return new LocalTime[] {start, end};
        } catch (DateTimeException e) {
            throw UsageException.said("usage.hoursInvalid", text);
        }
    }

    /** {@code mon-fri}, {@code sat-sun}, {@code mon,wed,fri}, {@code every day}. */
    public static Set<DayOfWeek> days(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace(" ", "");
        if (t.equals("everyday") || t.equals("daily") || t.equals("all")) {
            return EnumSet.allOf(DayOfWeek.class);
        }
        if (t.equals("weekdays")) {
            return EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        }
        if (t.equals("weekends")) {
            return EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : t.split(",")) {
            String[] ends = part.split("-");
            if (ends.length == 1) {
                days.add(day(ends[0], text));
            } else if (ends.length == 2) {
                DayOfWeek from = day(ends[0], text);
                DayOfWeek to = day(ends[1], text);
                for (DayOfWeek d = from; ; d = d.plus(1)) {
                    days.add(d);
                    if (d == to) {
                        break;
                    }
                }
            } else {
                throw UsageException.said("usage.days", text);
            }
        }
        return days;
    }

    private static DayOfWeek day(String word, String text) {
        String w = word.length() >= 3 ? word.substring(0, 3) : word;
        int i = DAY_NAMES.indexOf(w);
        for (int d = 0; i < 0 && d < DIAS.size(); d++) {
            if (DIAS.get(d).contains(w)) {
                i = d;
            }
        }
        if (i < 0) {
            throw UsageException.said("usage.dayNames", text);
        }
        return DayOfWeek.of(i + 1);
    }

    /** Days as text, e.g. {@code Mon-Fri}. */
    public static String daysText(Set<DayOfWeek> days) {
        return daysText(days, Words.in(Language.EN));
    }

    /** The days in a member's language. */
    static String daysText(Set<DayOfWeek> days, Words words) {
        Map<Set<DayOfWeek>, String> named =
                Map.of(
                        EnumSet.allOf(DayOfWeek.class),
                        words.get("days.every"),
                        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                        words.get("days.weekdays"),
                        EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                        words.get("days.weekend"));
        String name = named.get(EnumSet.copyOf(days));
        if (name != null) {
            return name;
        }
        return String.join(
                ",",
                days.stream()
                        .sorted()
                        .map(d -> d.getDisplayName(TextStyle.SHORT, words.language().locale()))
                        .toList());
    }
}
