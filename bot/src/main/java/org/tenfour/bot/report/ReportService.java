package org.tenfour.bot.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.tenfour.bot.TenFourException;
import org.tenfour.bot.log.Codes;
import org.tenfour.bot.log.PseudonymKeys;
import org.tenfour.bot.log.Pseudonyms;
import org.tenfour.bot.report.Suppression.Relation;
import org.tenfour.bot.report.Suppression.Table;
import org.tenfour.storage.Agencies;
import org.tenfour.storage.Agency;

/**
 * Builds an agency's program report for a period ending on a day, with the previous period beside
 * it, every number passed through {@link Suppression} with the agency's threshold k.
 */
public final class ReportService {
    private final Jdbi jdbi;
    private final SnapshotReader reader;

    public ReportService(Jdbi jdbi, PseudonymKeys keys) {
        this.jdbi = Objects.requireNonNull(jdbi, "null jdbi");
        this.reader = new SnapshotReader(new Pseudonyms(keys));
    }

    /** The report with the default threshold ({@value Suppression#DEFAULT_K}). */
    public ProgramReport report(UUID agencyId, Period period, LocalDate today) {
        return report(agencyId, period, today, Suppression.DEFAULT_K);
    }

    /** The report with the agency's threshold k (at least {@value Suppression#MIN_K}). */
    public ProgramReport report(UUID agencyId, Period period, LocalDate today, int k) {
        Suppression s = new Suppression(k);
        Agency agency =
                jdbi.onDemand(Agencies.class)
                        .find(agencyId)
                        .orElseThrow(() -> new TenFourException("no agency " + agencyId));
        ZoneId zone = ZoneId.of(agency.timeZone());
        Period.Range cur = period.ending(today);
        Period.Range prev = period.before(today);
        Snapshot now = jdbi.inTransaction(h -> reader.read(h, agencyId, cur, zone));
        Snapshot before = jdbi.inTransaction(h -> reader.read(h, agencyId, prev, zone));

        Suppression.Result logsNow = logs(s, now);
        Suppression.Result logsBefore = logs(s, before);
        List<Breakdown> out = new ArrayList<>();
        out.add(
                table(
                        "contact_type",
                        "Contacts by type",
                        "",
                        ReportCodes.CONTACT_TYPES,
                        ReportCodes.labels(Codes.ContactType.values()),
                        logsNow,
                        logsBefore,
                        0));
        out.add(
                table(
                        "topic",
                        "Topics",
                        "A contact can have several topics: these do not add up to the total.",
                        ReportCodes.TOPICS,
                        ReportCodes.labels(Codes.Topic.values()),
                        logsNow,
                        logsBefore,
                        2));
        out.add(
                table(
                        "duration",
                        "Duration",
                        "",
                        ReportCodes.DURATIONS,
                        ReportCodes.labels(Codes.DurationBand.values()),
                        logsNow,
                        logsBefore,
                        1));
        out.add(
                table(
                        "referral",
                        "Referrals",
                        "A contact can have several referrals.",
                        ReportCodes.REFERRALS,
                        ReportCodes.labels(Codes.Referral.values()),
                        logsNow,
                        logsBefore,
                        3));
        out.add(
                partition(
                        s,
                        "check_in",
                        "Check-ins sent",
                        SnapshotReader.ANSWERS,
                        List.of("Answered", "Not answered"),
                        now.checkInsSent(),
                        now.checkInAnswers(),
                        before.checkInsSent(),
                        before.checkInAnswers()));
        out.add(
                new Breakdown(
                        "roster",
                        "Roster today",
                        "Current flags; no history is kept.",
                        List.of(
                                new Line(
                                        "opted_out",
                                        "Opted out",
                                        s.single(now.optedOut()),
                                        Cell.notAvailable()),
                                new Line(
                                        "unreachable",
                                        "Unreachable",
                                        s.single(now.unreachable()),
                                        Cell.notAvailable()))));
        out.add(
                partition(
                        s,
                        "request",
                        "Connection requests",
                        SnapshotReader.OUTCOMES,
                        List.of(
                                "Accepted by a peer",
                                "Escalated",
                                "Closed unaccepted",
                                "Still open"),
                        now.requests(),
                        now.requestOutcomes(),
                        before.requests(),
                        before.requestOutcomes()));
        out.add(
                new Breakdown(
                        "response_minutes",
                        "Minutes until a peer accepted",
                        "Shown only when at least k requests were accepted.",
                        List.of(
                                minutes(
                                        s,
                                        "median",
                                        "Median",
                                        now.accepted(),
                                        now.medianMinutes(),
                                        before),
                                minutes(
                                        s,
                                        "p90",
                                        "90th percentile",
                                        now.accepted(),
                                        now.p90Minutes(),
                                        before))));
        out.add(
                partition(
                        s,
                        "caseload",
                        "Peers by contacts logged",
                        SnapshotReader.BUCKETS,
                        List.of("0 contacts", "1–3 contacts", "4–6 contacts", "7+ contacts"),
                        now.peers(),
                        now.caseload(),
                        before.peers(),
                        before.caseload()));
        return new ProgramReport(
                agencyId,
                period,
                cur,
                prev,
                k,
                new Line("contacts", "Contacts logged", logsNow.total(), logsBefore.total()),
                out);
    }

    private static Suppression.Result logs(Suppression s, Snapshot snap) {
        return s.apply(
                snap.contacts(),
                List.of(
                        new Table(Relation.PARTITION, snap.contactTypes()),
                        new Table(Relation.PARTITION, snap.durations()),
                        new Table(Relation.MULTI_SELECT, snap.topics()),
                        new Table(Relation.MULTI_SELECT, snap.referrals())));
    }

    private static Breakdown partition(
            Suppression s,
            String id,
            String title,
            List<String> codes,
            List<String> labels,
            int totalNow,
            List<Integer> now,
            int totalBefore,
            List<Integer> before) {
        Suppression.Result a = s.apply(totalNow, List.of(new Table(Relation.PARTITION, now)));
        Suppression.Result b = s.apply(totalBefore, List.of(new Table(Relation.PARTITION, before)));
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("total", "Total", a.total(), b.total()));
        for (int i = 0; i < codes.size(); i++) {
            lines.add(
                    new Line(
                            codes.get(i),
                            labels.get(i),
                            a.tables().get(0).get(i),
                            b.tables().get(0).get(i)));
        }
        return new Breakdown(id, title, "", lines);
    }

    private static Breakdown table(
            String id,
            String title,
            String note,
            List<String> codes,
            List<String> labels,
            Suppression.Result now,
            Suppression.Result before,
            int index) {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            lines.add(
                    new Line(
                            codes.get(i),
                            labels.get(i),
                            now.tables().get(index).get(i),
                            before.tables().get(index).get(i)));
        }
        return new Breakdown(id, title, note, lines);
    }

    private static Line minutes(
            Suppression s, String code, String label, int accepted, long value, Snapshot before) {
        long previous = code.equals("median") ? before.medianMinutes() : before.p90Minutes();
        return new Line(
                code,
                label,
                accepted >= s.k() ? Cell.of((int) value) : Cell.hidden(),
                before.accepted() >= s.k() ? Cell.of((int) previous) : Cell.hidden());
    }
}
