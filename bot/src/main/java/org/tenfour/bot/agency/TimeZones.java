package org.tenfour.bot.agency;

import java.time.DateTimeException;
import java.time.ZoneId;
import org.tenfour.storage.Agency;
import org.tenfour.storage.Member;

/** Which time zone a member's times are read and written in. */
public final class TimeZones {
    private TimeZones() {}

    /** The member's zone: their own, else the agency's, else UTC. */
    public static ZoneId of(Agency agency, Member member) {
        return of(agency.timeZone(), member);
    }

    /** The member's zone: their own, else {@code agencyZone}, else UTC. */
    public static ZoneId of(String agencyZone, Member member) {
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
}
