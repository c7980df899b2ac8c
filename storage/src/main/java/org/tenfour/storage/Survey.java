package org.tenfour.storage;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * An anonymous program survey of one agency: which question set, and the days it is open (no time
 * of day is stored).
 *
 * @param number the survey's number within its agency, as coordinators name it
 * @param questionSet {@code needs} or {@code feedback}
 * @param closedOn the day a coordinator closed it early, or null
 * @param respondents how many answered (shown only once it is closed, and only from k on)
 */
public record Survey(
        long id,
        UUID agencyId,
        int number,
        String questionSet,
        LocalDate openedOn,
        LocalDate closesOn,
        LocalDate closedOn,
        int respondents) {
    public Survey {
        Objects.requireNonNull(agencyId, "null agencyId");
        Objects.requireNonNull(questionSet, "null questionSet");
        Objects.requireNonNull(openedOn, "null openedOn");
        Objects.requireNonNull(closesOn, "null closesOn");
    }

    /** Whether answers are over on {@code today}: closed early, or past its last day. */
    public boolean closed(LocalDate today) {
        return closedOn != null || today.isAfter(closesOn);
    }

    /** The day it closed: closed early on, or its last open day. */
    public LocalDate closeDay() {
        return closedOn != null ? closedOn : closesOn;
    }
}
