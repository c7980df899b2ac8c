package org.tenfour.storage;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * One entry of an agency's resource directory: a service and how to reach it, written by a
 * coordinator.
 *
 * @param category one of the directory's category codes ({@code eap}, {@code clinician} …)
 * @param shared whether partner agencies' members see it too
 */
public record Resource(
        long id,
        UUID agencyId,
        String name,
        String reach,
        String category,
        boolean shared,
        LocalDate addedOn) {
    public Resource {
        Objects.requireNonNull(agencyId, "null agencyId");
        Objects.requireNonNull(name, "null name");
        Objects.requireNonNull(reach, "null reach");
        Objects.requireNonNull(category, "null category");
        Objects.requireNonNull(addedOn, "null addedOn");
    }
}
