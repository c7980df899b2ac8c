package org.tenfour.bot.oncall;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.tenfour.bot.words.Language;
import org.tenfour.storage.OnCallRota;

/** How the rota's days and times read in messages ({@code Mon 7 Dec 08:00}). */
final class RotaText {
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    private RotaText() {}

    /** {@code when} in {@code language}: {@code Mon 7 Dec 08:00}, {@code lun 7 dic 08:00}. */
    static String when(ZonedDateTime t, Language language) {
        return WHEN.withLocale(language.locale()).format(t);
    }

    static String day(ZonedDateTime t) {
        return DAY.format(t);
    }

    static String when(ZonedDateTime t) {
        return WHEN.format(t);
    }

    /** {@code Mondays at 08:00}. */
    static String handoff(OnCallRota rota) {
        return rota.day().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                + "s at "
                + rota.handoffTime();
    }

    /** {@code mon}, {@code monday} (any case). */
    static Optional<DayOfWeek> dayOfWeek(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.length() < 3) {
            return Optional.empty();
        }
        return Arrays.stream(DayOfWeek.values())
                .filter(d -> d.name().toLowerCase(Locale.ROOT).startsWith(w))
                .findFirst();
    }
}
