package org.tenfour.bot.log;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.tenfour.bot.log.Codes.ContactType;
import org.tenfour.storage.LogCodes;

/** One of a peer's own logs that is still open for correction. */
public record LoggedContact(UUID logId, LocalDate date, LogCodes codes, Instant editableUntil) {
    public LoggedContact {
        Objects.requireNonNull(logId, "null logId");
        Objects.requireNonNull(date, "null date");
        Objects.requireNonNull(codes, "null codes");
        Objects.requireNonNull(editableUntil, "null editableUntil");
    }

    /**
     * A one-line description for the peer's own list, e.g. "2026-03-10 · Member request · 2
     * topics".
     */
    public String summary() {
        return date
                + " · "
                + Codes.label(ContactType.class, codes.contactType())
                + " · "
                + codes.topicCodes().size()
                + (codes.topicCodes().size() == 1 ? " topic" : " topics");
    }
}
