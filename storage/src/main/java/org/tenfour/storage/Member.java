package org.tenfour.storage;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.json.Json;

/**
 * A person on an agency's roster (members, peers and coordinators alike).
 *
 * @param windowDays the days of the preferred window; empty when the member chose none
 * @param tags unit / crew / supervisor tags ({@code unit}, {@code supervisor}: a platform user id),
 *     from the {@code tags} JSON column; empty when none
 * @param isAdmin always false: the lasting "installer" flag it was grants nothing any more (see
 *     {@link SetupGrants})
 * @param language the code of the language TenFour writes to them in ({@code en}, {@code es}), or
 *     null when not known
 * @param languageChosen whether they chose it ({@code language es|en}) rather than their platform
 */
public record Member(
        UUID id,
        UUID agencyId,
        String platformUserId,
        String displayName,
        String timeZone,
        boolean optedOut,
        Instant snoozedUntil,
        boolean unreachable,
        boolean isCoordinator,
        boolean onRoster,
        Instant createdAt,
        LocalTime windowStart,
        LocalTime windowEnd,
        Set<DayOfWeek> windowDays,
        UUID assignedPeerId,
        @Json Map<String, String> tags,
        Instant welcomedAt,
        boolean isAdmin,
        String language,
        boolean languageChosen) {
    public Member {
        Objects.requireNonNull(id, "null id");
        Objects.requireNonNull(agencyId, "null agencyId");
        Objects.requireNonNull(platformUserId, "null platformUserId");
        windowDays =
                windowDays == null || windowDays.isEmpty()
                        ? Set.of()
                        : Collections.unmodifiableSet(EnumSet.copyOf(windowDays));
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }
}
