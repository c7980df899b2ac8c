package org.tenfour.bot.checkin;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.tenfour.bot.agency.AgencySettings;
import org.tenfour.bot.agency.TimeZones;
import org.tenfour.storage.Agency;
import org.tenfour.storage.Member;

/**
 * The contact window of a member: their own preferred window if they chose one, else the agency's
 * hours; never on one of the agency's holidays.
 */
public final class Windows {
    private Windows() {}

    /** The member's zone: their own, else the agency's, else UTC. */
    public static ZoneId zone(Agency agency, Member member) {
        return TimeZones.of(agency, member);
    }

    /** Where and when this member may be contacted. */
    public static ContactWindow of(Agency agency, AgencySettings settings, Member member) {
        return of(agency.timeZone(), settings, member);
    }

    /** Where and when this member may be contacted, given the agency's zone. */
    static ContactWindow of(String agencyZone, AgencySettings settings, Member member) {
        ZoneId zone = TimeZones.of(agencyZone, member);
        if (member.windowStart() != null && member.windowEnd() != null) {
            return new ContactWindow(
                    member.windowStart(),
                    member.windowEnd(),
                    days(member.windowDays(), settings),
                    zone,
                    holidays(settings));
        }
        return new ContactWindow(
                settings.hoursStart(),
                settings.hoursEnd(),
                settings.days(),
                zone,
                holidays(settings));
    }

    /** The agency's holidays: no proactive check-in goes out on them, in the member's zone. */
    private static Set<LocalDate> holidays(AgencySettings settings) {
        return Set.copyOf(settings.schedule().holidays());
    }

    private static Set<DayOfWeek> days(Set<DayOfWeek> chosen, AgencySettings settings) {
        return chosen.isEmpty() ? settings.days() : chosen;
    }
}
