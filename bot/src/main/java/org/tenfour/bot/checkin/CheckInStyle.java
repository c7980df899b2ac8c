package org.tenfour.bot.checkin;

import java.util.Locale;
import java.util.Optional;
import org.tenfour.storage.CheckInStyles;
import org.tenfour.storage.Tx;

/** Which check-in an agency sends: the three simple answers, or the stress continuum. */
public enum CheckInStyle {
    SIMPLE,
    CONTINUUM;

    /** The stored word. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The agency's style ({@link #SIMPLE} unless coordinators chose the continuum). */
    static CheckInStyle of(Tx h, java.util.UUID agencyId) {
        return h.attach(CheckInStyles.class)
                .find(agencyId)
                .flatMap(CheckInStyle::parse)
                .orElse(SIMPLE);
    }

    static Optional<CheckInStyle> parse(String word) {
        for (CheckInStyle s : values()) {
            if (s.word().equals(word == null ? "" : word.toLowerCase(Locale.ROOT))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
