package org.tenfour.bot.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.tenfour.bot.TenFourException;
import org.tenfour.bot.log.PseudonymKeys;
import org.tenfour.bot.log.Pseudonyms;
import org.tenfour.storage.Agencies;
import org.tenfour.storage.Agency;
import org.tenfour.storage.Store;

/**
 * An agency's program report for the last closed calendar period and the one before it. Each period
 * is suppressed and published once ({@link Publications}); everyone who asks later gets the same
 * numbers, however many logs arrive afterwards.
 */
public final class ReportService {
    private final Store store;
    private final Clock clock;
    private final Publications publications;

    public ReportService(Store store, Clock clock, PseudonymKeys keys) {
        this.store = Objects.requireNonNull(store, "null store");
        this.clock = Objects.requireNonNull(clock, "null clock");
        this.publications = new Publications(new SnapshotReader(new Pseudonyms(keys)));
    }

    /** The report with the default threshold ({@value Suppression#DEFAULT_K}). */
    public ProgramReport report(UUID agencyId, Period period, LocalDate today) {
        return report(agencyId, period, today, Suppression.DEFAULT_K);
    }

    /**
     * The report of the last {@code period} completed before {@code today}, with the agency's
     * threshold k (at least {@value Suppression#MIN_K}) for periods not yet published.
     */
    public ProgramReport report(UUID agencyId, Period period, LocalDate today, int k) {
        new Suppression(k); // refuses a bad k before anything is published
        Agency agency =
                store.repo(Agencies.class)
                        .find(agencyId)
                        .orElseThrow(() -> new TenFourException("no agency " + agencyId));
        ZoneId zone = ZoneId.of(agency.timeZone());
        Period.Range cur = period.lastCompleted(today);
        Period.Range prev = cur.before();
        return store.inTransaction(
                h -> {
                    var before = publications.get(h, agencyId, zone, prev, k, clock.instant());
                    var now = publications.get(h, agencyId, zone, cur, k, clock.instant());
                    return assemble(agencyId, period, cur, prev, now, before);
                });
    }

    private static ProgramReport assemble(
            UUID agencyId,
            Period period,
            Period.Range cur,
            Period.Range prev,
            Publications.Published now,
            Publications.Published before) {
        List<Breakdown> out = new ArrayList<>();
        for (Section s : ReportLayout.SECTIONS) {
            List<Line> lines = new ArrayList<>();
            if (s.ownTotal()) {
                lines.add(new Line("total", "Total", now.cell(s.total()), before.cell(s.total())));
            }
            for (int i = 0; i < s.codes().size(); i++) {
                String key = s.key(s.codes().get(i));
                lines.add(
                        new Line(
                                s.codes().get(i),
                                s.labels().get(i),
                                now.cell(key),
                                before.cell(key)));
            }
            out.add(new Breakdown(s.id(), s.title(), s.note(), lines));
        }
        return new ProgramReport(
                agencyId,
                period,
                cur,
                prev,
                now.k(),
                new Line(
                        "contacts",
                        "Contacts logged",
                        now.cell(ReportLayout.CONTACTS),
                        before.cell(ReportLayout.CONTACTS)),
                out);
    }
}
