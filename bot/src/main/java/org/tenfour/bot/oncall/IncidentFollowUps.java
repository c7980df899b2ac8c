package org.tenfour.bot.oncall;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.tenfour.storage.Agency;
import org.tenfour.storage.CallOuts;
import org.tenfour.storage.Incident;
import org.tenfour.storage.IncidentMeasures;
import org.tenfour.storage.Incidents;
import org.tenfour.storage.Tx;

/**
 * The incident follow-up measure: of the members involved in an incident, how many had a peer
 * contact within 72 hours, and within 7 days, of the incident (elapsed time, so a change of clocks
 * neither adds nor takes an hour). A contact is an answered follow-up check-in or the lead peer's
 * log of a critical-incident follow-up. Only counts are kept on the incident; a member is counted
 * once through a mark that is a keyed hash of the incident and the member.
 */
public final class IncidentFollowUps {
    /** The first window of the measure. */
    public static final Duration WITHIN_72H = Duration.ofHours(72);

    /** The second window of the measure. */
    public static final Duration WITHIN_7D = Duration.ofDays(7);

    private IncidentFollowUps() {}

    /**
     * At the incident's start, after its follow-up check-ins were planned: how many are involved
     * (the members with a follow-up check-in) and the day, in the agency's zone, its 7-day window
     * ends (the report month it counts in).
     */
    public static void start(Tx h, Agency agency, Incident incident) {
        int involved = h.attach(CallOuts.class).involved(agency.id(), incident.id()).size();
        LocalDate ends = incident.createdAt().plus(WITHIN_7D).atZone(zone(agency)).toLocalDate();
        h.attach(IncidentMeasures.class).start(agency.id(), incident.id(), involved, ends);
    }

    /**
     * A peer contact with {@code memberId} at {@code at} for the incident, on the caller's
     * transaction; true when it was counted (first contact within 7 days of a live incident).
     */
    public static boolean contacted(
            Tx h, UUID agencyId, UUID incidentId, UUID memberId, Instant at) {
        Optional<Incident> incident = h.attach(Incidents.class).find(agencyId, incidentId);
        if (incident.isEmpty() || incident.get().cancelledAt() != null) {
            return false;
        }
        Duration since = Duration.between(incident.get().createdAt(), at);
        if (since.isNegative() || since.compareTo(WITHIN_7D) > 0) {
            return false;
        }
        String tag = h.keyedHashes().of("incident-contact", agencyId, incidentId + ":" + memberId);
        IncidentMeasures measures = h.attach(IncidentMeasures.class);
        return measures.mark(agencyId, incidentId, tag)
                && measures.count(agencyId, incidentId, since.compareTo(WITHIN_72H) <= 0) == 1;
    }

    private static ZoneId zone(Agency agency) {
        try {
            return agency.timeZone() == null || agency.timeZone().isBlank()
                    ? ZoneId.of("UTC")
                    : ZoneId.of(agency.timeZone());
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
