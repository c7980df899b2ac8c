package org.tenfour.bot.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tenfour.adapters.Message;
import org.tenfour.bot.log.InteractionLogForms;
import org.tenfour.bot.log.InteractionLogService;
import org.tenfour.bot.log.PseudonymKeys;
import org.tenfour.storage.Agency;
import org.tenfour.storage.Member;
import org.tenfour.storage.PeerTestData;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.Store;
import org.tenfour.storage.TestData;
import org.tenfour.storage.TestDatabase;

/** Reports over a realistic month: suppressed, per agency, and rendered without leaking. */
@ExtendWith(PostgresExtension.class)
class ReportServiceTest {
    private static final PseudonymKeys KEYS =
            a -> ("report-key-" + a).getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-03-10T15:00:00Z");

    /** Reports cover closed periods: on 2 April, the month is March and the quarter Q1. */
    private static final LocalDate TODAY = LocalDate.parse("2026-04-02");

    private final Jdbi jdbi;
    private final ReportService reports;
    private final InteractionLogService logs;
    private final Agency agency;

    ReportServiceTest(TestDatabase db) {
        this.jdbi = db.jdbi();
        this.reports = new ReportService(Store.of(jdbi), Clock.fixed(NOW, ZoneOffset.UTC), KEYS);
        this.logs =
                new InteractionLogService(Store.of(jdbi), Clock.fixed(NOW, ZoneOffset.UTC), KEYS);
        this.agency = TestData.agency(jdbi);
        Member busy = PeerTestData.peer(jdbi, agency);
        Member other = PeerTestData.peer(jdbi, agency);
        PeerTestData.peer(jdbi, agency);
        log(agency, busy, "member_request", 8);
        log(agency, other, "group_debrief", 4);
        checkIns(agency, 6, 2);
        requests(agency, new int[] {1, 2, 3, 4, 5, 60});
    }

    @Test
    void the_total_is_published_and_small_types_are_suppressed() {
        ProgramReport r = reports.report(agency.id(), Period.MONTH, TODAY);

        assertThat(r.contacts().current()).isEqualTo(Cell.of(12));
        assertThat(r.contacts().previous()).isEqualTo(Cell.belowK());
        assertThat(r.contacts().trend()).isEmpty();
        assertThat(line(r, "contact_type", "group_debrief").current()).isEqualTo(Cell.belowK());
        // four other types are "<5" too (zeros), so 12 - 8 = 4 is spread over five hidden cells
        assertThat(line(r, "contact_type", "member_request").current()).isEqualTo(Cell.of(8));
        assertThat(line(r, "topic", "stress").current()).isEqualTo(Cell.of(12));
    }

    @Test
    void check_ins_requests_and_response_times_are_reported_with_the_same_rules() {
        ProgramReport r = reports.report(agency.id(), Period.MONTH, TODAY);

        // 8 sent, 6 answered, 2 not: "answered –" (at least 5) next to the total would prove
        // "not answered <5" to be at most 3, so neither part says how large it is
        assertThat(line(r, "check_in", "total").current()).isEqualTo(Cell.of(8));
        assertThat(line(r, "check_in", "answered").current()).isEqualTo(Cell.withheld());
        assertThat(line(r, "check_in", "not_answered").current()).isEqualTo(Cell.withheld());
        // 6 requests, all accepted: the two "<5" outcomes would add up to at most 1
        assertThat(line(r, "request", "total").current()).isEqualTo(Cell.of(6));
        assertThat(line(r, "request", "accepted").current()).isEqualTo(Cell.withheld());
        assertThat(line(r, "request", "open").current()).isEqualTo(Cell.withheld());
        assertThat(line(r, "response_minutes", "median").current()).isEqualTo(Cell.of(3));
        assertThat(line(r, "response_minutes", "p90").current()).isEqualTo(Cell.of(60));
        assertThat(line(r, "caseload", "total").current()).isEqualTo(Cell.belowK());
    }

    @Test
    void one_agency_never_sees_another_agencys_numbers() {
        Agency empty = TestData.agency(jdbi);
        ProgramReport r = reports.report(empty.id(), Period.YEAR, TODAY);

        assertThat(r.contacts().current()).isEqualTo(Cell.belowK());
        assertThat(line(r, "check_in", "total").current()).isEqualTo(Cell.belowK());
        assertThat(line(r, "request", "total").current()).isEqualTo(Cell.belowK());
    }

    @Test
    void a_threshold_below_three_is_refused() {
        assertThatThrownBy(() -> reports.report(agency.id(), Period.MONTH, TODAY, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_csv_parses_back_and_shows_markers_where_numbers_are_suppressed() throws Exception {
        ProgramReport r = reports.report(agency.id(), Period.MONTH, TODAY);
        List<CSVRecord> rows =
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setCommentMarker('#')
                        .get()
                        .parse(new StringReader(ReportCsv.write(r)))
                        .getRecords();

        CSVRecord debrief = find(rows, "contact_type", "group_debrief");
        assertThat(debrief.get("current")).isEqualTo("<5");
        assertThat(find(rows, "request", "accepted").get("current")).isEqualTo("hidden");
        assertThat(find(rows, "contacts", "contacts").get("current")).isEqualTo("12");
        assertThat(rows)
                .filteredOn(row -> row.get("table").equals("contact_type"))
                .extracting(row -> row.get("current"))
                .doesNotContain("4");
        assertThat(rows)
                .filteredOn(
                        row ->
                                row.get("table").equals("request")
                                        && !row.get("code").equals("total"))
                .extracting(row -> row.get("current"))
                .doesNotContain("6");
    }

    @Test
    void the_chart_is_a_png_of_the_expected_size_rendered_headless() throws Exception {
        byte[] png = ReportChart.png(reports.report(agency.id(), Period.QUARTER, TODAY));

        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(ReportChart.WIDTH);
        assertThat(image.getHeight()).isGreaterThan(400);
        assertThat(GraphicsEnvironment.isHeadless()).isTrue();
    }

    @Test
    void the_channel_message_summarises_without_suppressed_values() {
        Message m = ReportText.message(reports.report(agency.id(), Period.MONTH, TODAY));

        assertThat(m.text())
                .contains("Contacts logged: 12")
                .contains("Group debrief <5")
                .contains("Accepted by a peer hidden")
                .doesNotContain("Group debrief 4")
                .doesNotContain("Accepted by a peer 6");
        assertThat(m.buttons())
                .extracting(b -> b.actionId())
                .containsExactly("report.export", "report.run");
    }

    private void log(Agency a, Member peer, String type, int times) {
        for (int i = 0; i < times; i++) {
            logs.submit(
                    a.id(),
                    peer.id(),
                    ZoneOffset.UTC,
                    Map.of(
                            InteractionLogForms.CONTACT_TYPE,
                            List.of(type),
                            InteractionLogForms.TOPICS,
                            List.of("stress"),
                            InteractionLogForms.DURATION,
                            List.of("15_30"),
                            InteractionLogForms.REFERRALS,
                            List.of("none")));
        }
    }

    private void checkIns(Agency a, int answered, int expired) {
        for (int i = 0; i < answered + expired; i++) {
            Member m = TestData.member(jdbi, a);
            String state = i < answered ? "answered" : "expired";
            jdbi.useHandle(
                    h ->
                            h.createUpdate(
                                            "insert into check_in (agency_id, member_id, kind, slot_key, due_at, "
                                                    + "state, sent_at) values (:a, :m, 'cadence', 's', :t, :s, :t)")
                                    .bind("a", a.id())
                                    .bind("m", m.id())
                                    .bind("t", NOW.minusSeconds(86_400))
                                    .bind("s", state)
                                    .execute());
        }
    }

    private void requests(Agency a, int[] minutesToAccept) {
        for (int minutes : minutesToAccept) {
            Instant created = NOW.minusSeconds(3 * 86_400);
            jdbi.useHandle(
                    h ->
                            h.createUpdate(
                                            "insert into connection_request (agency_id, source, scope, urgency, "
                                                    + "contact_pref, state, created_at, accepted_at) values (:a, 'member', 'internal', 'today', "
                                                    + "'chat', 'closed', :c, :acc)")
                                    .bind("a", a.id())
                                    .bind("c", created)
                                    .bind("acc", created.plusSeconds(60L * minutes))
                                    .execute());
        }
    }

    private static Line line(ProgramReport r, String table, String code) {
        return r.breakdown(table).orElseThrow().lines().stream()
                .filter(l -> l.code().equals(code))
                .findFirst()
                .orElseThrow();
    }

    private static CSVRecord find(List<CSVRecord> rows, String table, String code) {
        return rows.stream()
                .filter(r -> r.get("table").equals(table) && r.get("code").equals(code))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError(table + "/" + code + " " + UUID.randomUUID()));
    }
}
