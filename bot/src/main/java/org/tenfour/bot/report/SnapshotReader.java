package org.tenfour.bot.report;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tenfour.bot.log.Pseudonyms;
import org.tenfour.storage.ContinuumCounts;
import org.tenfour.storage.IncidentMeasures;
import org.tenfour.storage.KeyCount;
import org.tenfour.storage.ReportQueries;
import org.tenfour.storage.Tx;

/**
 * Reads one closed period's true numbers for one agency: month by month, each month counting only
 * what was known when it ended, so that a quarter is exactly the sum of its months and a period's
 * numbers are the same whenever they are read.
 */
final class SnapshotReader {
    private final Pseudonyms pseudonyms;

    SnapshotReader(Pseudonyms pseudonyms) {
        this.pseudonyms = pseudonyms;
    }

    Figures read(Tx h, UUID agency, Period.Range range, ZoneId zone) {
        ReportQueries q = h.attach(ReportQueries.class);
        Map<String, Integer> counts = new HashMap<>();
        List<Long> seconds = new ArrayList<>();
        for (Period.Range month : range.months()) {
            Instant from = month.from().atStartOfDay(zone).toInstant();
            Instant until = month.to().plusDays(1).atStartOfDay(zone).toInstant();
            add(counts, ReportLayout.CONTACTS, q.logCount(agency, month.from(), month.to()));
            add(counts, "contact_type", q.byContactType(agency, month.from(), month.to()));
            add(counts, "duration", q.byDurationBand(agency, month.from(), month.to()));
            add(counts, "topic", q.byTopic(agency, month.from(), month.to()));
            add(counts, "referral", q.byReferral(agency, month.from(), month.to()));
            List<KeyCount> checkIns =
                    q.checkInsSent(agency, from, until, month.from(), month.to().plusDays(1));
            add(counts, "check_in", checkIns);
            add(counts, ReportLayout.CHECK_INS, sum(checkIns));
            List<KeyCount> zones =
                    h.attach(ContinuumCounts.class).byColour(agency, month.from(), month.to());
            add(counts, "continuum", zones);
            add(counts, ReportLayout.ZONES, sum(zones));
            add(
                    counts,
                    "incident_follow_up",
                    h.attach(IncidentMeasures.class).byWindowEnd(agency, month.from(), month.to()));
            add(counts, "members", q.memberEvents(agency, month.from()));
            List<KeyCount> requests = q.requestOutcomes(agency, from, until);
            add(counts, "request", requests);
            add(counts, ReportLayout.REQUESTS, sum(requests));
            seconds.addAll(q.responseSeconds(agency, from, until));
        }
        int[] bands = caseload(q, agency, range);
        for (int i = 0; i < bands.length; i++) {
            add(counts, ReportLayout.CASELOAD.key(ReportLayout.CASELOAD.codes().get(i)), bands[i]);
            add(counts, ReportLayout.PEERS, bands[i]);
        }
        seconds.sort(null);
        counts.put("accepted", seconds.size());
        return new Figures(counts, percentileMinutes(seconds, 50), percentileMinutes(seconds, 90));
    }

    /**
     * Peers by number of contacts: active peers (0 if no logs) and any pseudonym with logs. The
     * active peers are those of the day the period is first published (no history is kept).
     */
    private int[] caseload(ReportQueries q, UUID agency, Period.Range range) {
        Map<String, Integer> byPseudonym = new HashMap<>();
        for (KeyCount kc : q.byPseudonym(agency, range.from(), range.to())) {
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

    private static int sum(List<KeyCount> counts) {
        return counts.stream().mapToInt(KeyCount::count).sum();
    }

    private static void add(Map<String, Integer> counts, String key, int n) {
        counts.merge(key, n, Integer::sum);
    }

    private static void add(Map<String, Integer> counts, String section, List<KeyCount> rows) {
        rows.forEach(kc -> add(counts, section + "/" + kc.key(), kc.count()));
    }
}
