package org.tenfour.bot.report;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import org.tenfour.storage.ReportSnapshot;
import org.tenfour.storage.ReportSnapshots;
import org.tenfour.storage.Tx;

/**
 * Publishes a closed period once and reads it back ever after. A new period is suppressed against
 * everything already published in its calendar year (months, quarters, the year), a quarter or year
 * being the sum of its months, so that no subtraction recovers a hidden number.
 */
final class Publications {
    private final SnapshotReader reader;

    Publications(SnapshotReader reader) {
        this.reader = reader;
    }

    /** The published cells of {@code range}, publishing it now if nobody has yet. */
    Published get(Tx h, UUID agency, ZoneId zone, Period.Range range, int k, Instant now) {
        ReportSnapshots store = h.attach(ReportSnapshots.class);
        store.lock(agency);
        var existing = store.find(agency, range.period().word(), range.from());
        if (existing.isPresent()) {
            return new Published(existing.get().k(), parse(existing.get().cells()));
        }
        Map<String, Cell> cells = suppress(h, agency, zone, range, k);
        store.publish(
                agency, range.period().word(), range.from(), range.to(), k, write(cells), now);
        return new Published(k, cells);
    }

    /** A period's published cells and the threshold they were published with. */
    record Published(int k, Map<String, Cell> cells) {
        Cell cell(String key) {
            return cells.getOrDefault(key, Cell.notAvailable());
        }
    }

    private Map<String, Cell> suppress(Tx h, UUID agency, ZoneId zone, Period.Range range, int k) {
        Figures figures = reader.read(h, agency, range, zone);
        Period.Range year = Period.YEAR.containing(range.from());
        Map<Period.Range, Map<String, Cell>> before = new HashMap<>();
        for (ReportSnapshot s :
                h.attach(ReportSnapshots.class).within(agency, year.from(), year.to())) {
            before.put(
                    new Period.Range(Period.parse(s.period()), s.periodStart()), parse(s.cells()));
        }
        List<Period.Range> periods = new ArrayList<>(year.months());
        for (int q = 0; q < 4; q++) {
            periods.add(new Period.Range(Period.QUARTER, year.from().plusMonths(3L * q)));
        }
        periods.add(year);

        Disclosure d = new Disclosure(k);
        Map<Period.Range, Map<String, Integer>> ids = new HashMap<>();
        for (Period.Range p : periods) {
            Map<String, Integer> own = new HashMap<>();
            for (String key : keys()) {
                if (p.equals(range)) {
                    own.put(key, d.decide(key, figures.count(key)));
                } else if (before.containsKey(p)) {
                    own.put(
                            key,
                            d.fixed(p + key, before.get(p).getOrDefault(key, Cell.notAvailable())));
                } else if (p.period() == Period.MONTH) {
                    own.put(key, d.unknown(p + key));
                }
            }
            if (own.isEmpty()) {
                continue;
            }
            ids.put(p, own);
            for (Section s : ReportLayout.SUPPRESSED) {
                if (s.total() != null) {
                    d.link(
                            kind(s),
                            own.get(s.total()),
                            s.codes().stream().map(c -> own.get(s.key(c))).toList());
                }
            }
        }
        for (Period.Range p : ids.keySet()) {
            if (p.period() == Period.MONTH) {
                continue;
            }
            for (String key : additiveKeys()) {
                d.link(
                        Disclosure.Kind.SUM,
                        ids.get(p).get(key),
                        p.months().stream().map(m -> ids.get(m).get(key)).toList());
            }
        }
        Suppression.solve(d);

        Map<String, Cell> out = new LinkedHashMap<>();
        ids.get(range).forEach((key, id) -> out.put(key, d.cell(id)));
        boolean enough = figures.count("accepted") >= k;
        out.put(
                ReportLayout.MEDIAN,
                enough ? Cell.of((int) figures.medianMinutes()) : Cell.hidden());
        out.put(ReportLayout.P90, enough ? Cell.of((int) figures.p90Minutes()) : Cell.hidden());
        return out;
    }

    private static Disclosure.Kind kind(Section s) {
        return s.relation() == Suppression.Relation.PARTITION
                ? Disclosure.Kind.SUM
                : Disclosure.Kind.AT_LEAST;
    }

    /** Every suppressed key of one period: the contacts total first. */
    static List<String> keys() {
        List<String> out = new ArrayList<>(List.of(ReportLayout.CONTACTS));
        ReportLayout.SUPPRESSED.forEach(s -> out.addAll(s.keys()));
        return out;
    }

    private static List<String> additiveKeys() {
        List<String> out = new ArrayList<>(List.of(ReportLayout.CONTACTS));
        ReportLayout.SUPPRESSED.stream()
                .filter(Section::additive)
                .forEach(s -> out.addAll(s.keys()));
        return out;
    }

    /** The cells as stored: each one's key, state and (only when published) value. */
    private static List<ReportSnapshot.Cell> write(Map<String, Cell> cells) {
        List<ReportSnapshot.Cell> out = new ArrayList<>();
        cells.forEach(
                (key, c) -> {
                    OptionalInt v = c.value();
                    out.add(
                            new ReportSnapshot.Cell(
                                    key, c.state().name(), v.isPresent() ? v.getAsInt() : null));
                });
        return out;
    }

    private static Map<String, Cell> parse(List<ReportSnapshot.Cell> stored) {
        Map<String, Cell> out = new LinkedHashMap<>();
        for (ReportSnapshot.Cell c : stored) {
            out.put(
                    c.key(),
                    new Cell(
                            Cell.State.valueOf(c.state()),
                            c.value() == null ? OptionalInt.empty() : OptionalInt.of(c.value())));
        }
        return out;
    }
}
