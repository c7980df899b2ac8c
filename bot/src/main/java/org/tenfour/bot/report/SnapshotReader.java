package org.tenfour.bot.report;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.tenfour.bot.log.Pseudonyms;
import org.tenfour.storage.InteractionLogs;
import org.tenfour.storage.KeyCount;
import org.tenfour.storage.ReportQueries;

/** Reads one period's true numbers for one agency. */
final class SnapshotReader {
    static final List<String> ANSWERS = List.of("answered", "not_answered");
    static final List<String> OUTCOMES =
            List.of("accepted", "escalated", "closed_unaccepted", "open");
    static final List<String> BUCKETS = List.of("0", "1_3", "4_6", "7_plus");

    private final Pseudonyms pseudonyms;

    SnapshotReader(Pseudonyms pseudonyms) {
        this.pseudonyms = pseudonyms;
    }

    Snapshot read(Handle h, UUID agency, Period.Range range, ZoneId zone) {
        ReportQueries q = h.attach(ReportQueries.class);
        Instant from = range.from().atStartOfDay(zone).toInstant();
        Instant until = range.to().plusDays(1).atStartOfDay(zone).toInstant();
        Map<String, Integer> checkIns = map(q.checkInsSent(agency, from, until));
        int answered = checkIns.getOrDefault("answered", 0);
        int sent = checkIns.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, Integer> outcomes = map(q.requestOutcomes(agency, from, until));
        List<Long> seconds = q.responseSeconds(agency, from, until);
        Map<String, Integer> roster = map(q.rosterFlags(agency));
        int[] caseload = caseload(h, q, agency, range);
        return new Snapshot(
                q.logCount(agency, range.from(), range.to()),
                ordered(
                        q.byContactType(agency, range.from(), range.to()),
                        ReportCodes.CONTACT_TYPES),
                ordered(q.byDurationBand(agency, range.from(), range.to()), ReportCodes.DURATIONS),
                ordered(q.byTopic(agency, range.from(), range.to()), ReportCodes.TOPICS),
                ordered(q.byReferral(agency, range.from(), range.to()), ReportCodes.REFERRALS),
                sent,
                List.of(answered, sent - answered),
                outcomes.values().stream().mapToInt(Integer::intValue).sum(),
                OUTCOMES.stream().map(o -> outcomes.getOrDefault(o, 0)).toList(),
                seconds.size(),
                percentileMinutes(seconds, 50),
                percentileMinutes(seconds, 90),
                caseload[0] + caseload[1] + caseload[2] + caseload[3],
                List.of(caseload[0], caseload[1], caseload[2], caseload[3]),
                roster.getOrDefault("opted_out", 0),
                roster.getOrDefault("unreachable", 0));
    }

    /**
     * Peers by number of contacts: current active peers (0 if no logs) and any pseudonym with logs.
     */
    private int[] caseload(Handle h, ReportQueries q, UUID agency, Period.Range range) {
        Map<String, Integer> byPseudonym = new HashMap<>();
        for (KeyCount kc :
                h.attach(InteractionLogs.class)
                        .countsByPseudonym(agency, range.from(), range.to())) {
            byPseudonym.put(kc.key(), kc.count());
        }
        Set<String> all = new HashSet<>(byPseudonym.keySet());
        q.activePeers(agency).forEach(p -> all.add(pseudonyms.of(agency, p)));
        int[] buckets = new int[4];
        for (String p : all) {
            int n = byPseudonym.getOrDefault(p, 0);
            buckets[n == 0 ? 0 : n <= 3 ? 1 : n <= 6 ? 2 : 3]++;
        }
        return buckets;
    }

    static long percentileMinutes(List<Long> sortedSeconds, int percentile) {
        if (sortedSeconds.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sortedSeconds.size()) - 1;
        return Math.round(sortedSeconds.get(Math.max(0, index)) / 60.0);
    }

    private static List<Integer> ordered(List<KeyCount> counts, List<String> codes) {
        Map<String, Integer> m = map(counts);
        return codes.stream().map(c -> m.getOrDefault(c, 0)).toList();
    }

    private static Map<String, Integer> map(List<KeyCount> counts) {
        Map<String, Integer> m = new HashMap<>();
        counts.forEach(kc -> m.merge(kc.key(), kc.count(), Integer::sum));
        return m;
    }
}
