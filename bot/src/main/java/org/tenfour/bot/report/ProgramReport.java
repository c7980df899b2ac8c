package org.tenfour.bot.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A suppressed program report: every number in it is safe to show. Holds no true value of a
 * suppressed cell, no name and no pseudonym.
 *
 * @param contacts the number of logged contacts, with the previous period's
 */
public record ProgramReport(
        UUID agencyId,
        Period period,
        Period.Range current,
        Period.Range previous,
        int k,
        Line contacts,
        List<Breakdown> breakdowns) {
    public ProgramReport {
        Objects.requireNonNull(agencyId, "null agencyId");
        Objects.requireNonNull(period, "null period");
        Objects.requireNonNull(current, "null current");
        Objects.requireNonNull(previous, "null previous");
        Objects.requireNonNull(contacts, "null contacts");
        breakdowns = List.copyOf(Objects.requireNonNull(breakdowns, "null breakdowns"));
        if (k < Suppression.MIN_K) {
            throw new IllegalArgumentException("k below " + Suppression.MIN_K + ": " + k);
        }
    }

    /** The breakdown with this id. */
    public Optional<Breakdown> breakdown(String id) {
        return breakdowns.stream().filter(b -> b.id().equals(id)).findFirst();
    }
}
