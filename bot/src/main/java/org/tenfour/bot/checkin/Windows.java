package org.tenfour.bot.checkin;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.tenfour.bot.agency.AgencySettings;
import org.tenfour.storage.Agency;
import org.tenfour.storage.Member;

/**
 * The contact window of a member: their own preferred window if they chose one, else the agency's
 * hours.
 */
public final class Windows {
    private Windows() {}

    /** The member's zone: their own, else the agency's, else UTC. */
    public static ZoneId zone(Agency agency, Member member) {
        return zone(agency.timeZone(), member);
    }

    private static ZoneId zone(String agencyZone, Member member) {
        for (String id : new String[] {member.timeZone(), agencyZone}) {
            if (id != null && !id.isBlank()) {
                try {
                    return ZoneId.of(id);
                } catch (DateTimeException ignored) {
                    // an unknown zone from a platform profile: fall through to the next
                }
            }
        }
        return ZoneId.of("UTC");
    }

    /** Where and when this member may be contacted. */
    public static ContactWindow of(Agency agency, AgencySettings settings, Member member) {
        return of(agency.timeZone(), settings, member);
    }

    /** Where and when this member may be contacted, given the agency's zone. */
    static ContactWindow of(String agencyZone, AgencySettings settings, Member member) {
        ZoneId zone = zone(agencyZone, member);
        if (member.windowStart() != null && member.windowEnd() != null) {
            return new ContactWindow(
                    member.windowStart(),
                    member.windowEnd(),
                    days(member.windowDays(), settings),
                    zone);
        }
        return new ContactWindow(settings.hoursStart(), settings.hoursEnd(), settings.days(), zone);
    }

    private static Set<DayOfWeek> days(String csv, AgencySettings settings) {
        if (csv == null || csv.isBlank()) {
            return settings.days();
        }
        return Arrays.stream(csv.split(","))
                .map(String::trim)
                .map(DayOfWeek::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
    }
}
