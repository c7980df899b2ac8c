package org.tenfour.bot.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tenfour.adapters.Actor;
import org.tenfour.adapters.InboundEvent;
import org.tenfour.adapters.Reply;
import org.tenfour.bot.testing.RecordingPlatform;
import org.tenfour.bot.testing.TestProgram;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.TestDatabase;

/**
 * The coordinator as adversary, with nothing but ordinary commands, through the real router on a
 * real database. Each attack was run against the code before the fix and succeeded there (see the
 * README's Privacy model); each must fail now.
 */
@ExtendWith(PostgresExtension.class)
class CoordinatorOracleAttackTest {
    private static final int K = 5;
    private final TestDatabase db;

    CoordinatorOracleAttackTest(TestDatabase db) {
        this.db = db;
    }

    // --- status and App Home around a roster change -------------------------------------------

    /**
     * Five members opted out, three did not. The coordinator looks, removes one member, and looks
     * again. Whether the removed member had opted out must not change anything they see.
     */
    @Test
    void removing_one_member_between_two_views_does_not_tell_whether_they_had_opted_out() {
        List<String> removedOneWhoOptedOut = viewsAfterRemoving("UM1");
        List<String> removedOneWhoDidNot = viewsAfterRemoving("UM8");

        assertThat(removedOneWhoOptedOut)
                .as("status, App Home and the report after removing a member who opted out")
                .isEqualTo(removedOneWhoDidNot);
    }

    /** Status, App Home and the posted month report, after the roster change. */
    private List<String> viewsAfterRemoving(String removed) {
        TestProgram p = new TestProgram(db, Instant.parse("2026-11-10T15:00:00Z"));
        p.setUp("UADMIN");
        p.coordinator("UADMIN", "roster add " + mentions("UM", 8));
        for (int i = 1; i <= 5; i++) {
            p.tenfour("UM" + i, null, "optout");
            assertThat(p.member("UM" + i).optedOut()).as("UM" + i + " opted out").isTrue();
        }
        p.clock.advance(Duration.ofDays(25)); // into December: November is closed
        p.coordinator("UADMIN", "roster remove <@" + removed + ">");
        List<String> views = new ArrayList<>();
        views.add(text(p.coordinator("UADMIN", "status")));
        views.add(
                text(
                        p.inbound.handle(
                                new InboundEvent.HomeOpened(new Actor(p.user("UADMIN"), false)))));
        views.add(postedReport(p, "month"));
        return views;
    }

    // --- the resource directory ------------------------------------------------------------------

    /**
     * One member reads the resource directory (and one category of it) or does not. Nothing a
     * coordinator can look at — status, App Home, the directory, the month report — may differ.
     */
    @Test
    void a_coordinator_cannot_tell_whether_a_member_read_the_resource_directory() {
        assertThat(coordinatorViews(true)).isEqualTo(coordinatorViews(false));
    }

    private List<String> coordinatorViews(boolean memberReads) {
        TestProgram p = new TestProgram(db, Instant.parse("2026-11-10T15:00:00Z"));
        p.setUp("UADMIN");
        p.coordinator("UADMIN", "roster add " + mentions("UM", 6));
        p.coordinator("UADMIN", "resources add \"County EAP\" \"call 555-0100\" category:eap");
        if (memberReads) {
            assertThat(text(p.tenfour("UM1", null, "resources"))).contains("County EAP");
            p.tenfour("UM1", null, "resources eap");
        }
        p.deliver();
        p.clock.advance(Duration.ofDays(25));
        List<String> views = new ArrayList<>();
        views.add(text(p.coordinator("UADMIN", "status")));
        views.add(text(p.coordinator("UADMIN", "resources")));
        views.add(
                text(
                        p.inbound.handle(
                                new InboundEvent.HomeOpened(new Actor(p.user("UADMIN"), false)))));
        views.add(postedReport(p, "month"));
        views.add(
                String.join(
                        "\n",
                        p.platform.to(TestProgram.COORDINATOR_CHANNEL).stream()
                                .map(m -> m.message().text())
                                // a report's text and its chart arrive in either order
                                .sorted()
                                .toList()));
        return views;
    }

    // --- training and onboarding ---------------------------------------------------------------

    /**
     * A coordinator lets one peer's required course lapse and leaves another's policy
     * unacknowledged, then looks at the training records: whether a member asked for a peer in
     * between (and was passed over those two) must not show.
     */
    @Test
    void a_coordinator_cannot_tell_from_the_training_records_whether_a_member_asked_for_a_peer() {
        assertThat(trainingViews(true)).isEqualTo(trainingViews(false));
    }

    private List<String> trainingViews(boolean memberAsks) {
        TestProgram p = new TestProgram(db, Instant.parse("2026-11-10T15:00:00Z"));
        p.setUp("UADMIN");
        p.coordinator("UADMIN", "roster add " + mentions("UM", 6));
        p.coordinator("UADMIN", "peers add <@UP1> <@UP2>");
        p.onboardPeers = false;
        p.coordinator("UADMIN", "peers add <@UP3>");
        p.coordinator(
                "UADMIN", "training add <@UP2> \"CISM individual\" 2024-01-01 expires 2026-01-01");
        p.coordinator("UADMIN", "training add <@UP2> \"CISM group\" 2026-01-01 expires 2026-11-01");
        p.deliver();
        if (memberAsks) {
            p.submit(
                    "UM1",
                    "connect.ask",
                    Map.of(
                            "who", List.of("internal"),
                            "urgency", List.of("today"),
                            "contact", List.of("chat")),
                    "");
            p.deliver();
            assertThat(p.platform.to("UP1"))
                    .as("the one peer in rotation is offered the request")
                    .anyMatch(
                            m ->
                                    m.message().buttons().stream()
                                            .anyMatch(b -> b.actionId().equals("connect.accept")));
        }
        List<String> views = new ArrayList<>();
        views.add(text(p.coordinator("UADMIN", "training list")));
        views.add(text(p.coordinator("UADMIN", "help training")));
        return views;
    }

    // --- the anonymous survey ------------------------------------------------------------------

    /**
     * While a survey is open, and after it closes with fewer than k answers, nothing a coordinator
     * can look at tells whether one member answered: a live count would show who just did.
     */
    @Test
    void a_coordinator_cannot_tell_whether_one_member_answered_the_survey() {
        assertThat(surveyViews(List.of("UM1"))).isEqualTo(surveyViews(List.of()));
    }

    /** With enough answers, who answered does not matter either: only the totals do. */
    @Test
    void the_results_are_the_same_whoever_gave_the_answers() {
        assertThat(surveyViews(List.of("UM1", "UM2", "UM3", "UM4", "UM5")))
                .isEqualTo(surveyViews(List.of("UM2", "UM3", "UM4", "UM5", "UM6")));
    }

    private List<String> surveyViews(List<String> answering) {
        TestProgram p = new TestProgram(db, Instant.parse("2026-11-10T15:00:00Z"));
        p.setUp("UADMIN");
        p.coordinator("UADMIN", "roster add " + mentions("UM", 6));
        p.coordinator("UADMIN", "survey start needs 5");
        p.deliver();
        for (String user : answering) {
            RecordingPlatform.Sent invitation = p.lastWithButton(user, "survey.answer");
            Reply form = p.press(user, invitation, "survey.answer");
            p.submit(
                    user,
                    "survey.form",
                    Map.of("knows", List.of("yes")),
                    ((Reply.ShowForm) form).form().context());
        }
        p.deliver();
        List<String> views = new ArrayList<>();
        views.add(text(p.coordinator("UADMIN", "survey list")));
        views.add(text(p.coordinator("UADMIN", "survey results 1")));
        views.add(text(p.coordinator("UADMIN", "status")));
        views.add(
                text(
                        p.inbound.handle(
                                new InboundEvent.HomeOpened(new Actor(p.user("UADMIN"), false)))));
        p.clock.advance(Duration.ofDays(6));
        views.add(text(p.coordinator("UADMIN", "survey list")));
        views.add(text(p.coordinator("UADMIN", "survey results 1")));
        p.deliver();
        views.add(
                String.join(
                        "\n",
                        p.platform.to(TestProgram.COORDINATOR_CHANNEL).stream()
                                .map(m -> m.message().text())
                                // a report's text and its chart arrive in either order
                                .sorted()
                                .toList()));
        return views;
    }

    // --- the on-call rota around a member's request ------------------------------------------

    /**
     * The on-call peer's weekly cap is 1. The coordinator looks at {@code oncall now} and the rota,
     * a member asks for a peer at night and the on-call peer takes the request (so is now at their
     * cap), and the coordinator looks again: nothing may move, or the rota would tell them that
     * someone just reached out. (A rota that skipped peers at their cap, as routing does, would
     * name the next peer the second time.)
     */
    @Test
    void the_rota_looks_the_same_before_and_after_the_on_call_peer_takes_a_request() {
        TestProgram p = new TestProgram(db, Instant.parse("2026-12-01T15:00:00Z"));
        p.setUp("UADMIN");
        p.coordinator("UADMIN", "timezone America/Chicago");
        p.coordinator("UADMIN", "roster add <@UM1>");
        p.coordinator("UADMIN", "peers add <@UP1> <@UP2>");
        p.coordinator("UADMIN", "oncall add <@UP1> <@UP2>");
        p.jdbi.useHandle(h -> h.execute("update peer set weekly_cap = 1"));
        p.clock.set(Instant.parse("2026-12-02T05:00:00Z")); // 23:00 in Chicago
        List<String> before =
                List.of(
                        text(p.tenfour("UADMIN", null, "oncall now")),
                        text(p.coordinator("UADMIN", "oncall")));

        p.submit(
                "UM1",
                "connect.ask",
                Map.of(
                        "who", List.of("internal"),
                        "urgency", List.of("now"),
                        "contact", List.of("chat")),
                "");
        p.deliver();
        RecordingPlatform.Sent offer = p.lastWithButton("UP1", "connect.accept");
        p.press("UP1", offer, "connect.accept");
        p.deliver();
        int accepted =
                p.jdbi.withHandle(
                        h ->
                                h.createQuery(
                                                "select count(*) from connection_request where accepted_at is not null")
                                        .mapTo(Integer.class)
                                        .one());
        assertThat(accepted).as("the on-call peer took the request").isEqualTo(1);

        List<String> after =
                List.of(
                        text(p.tenfour("UADMIN", null, "oncall now")),
                        text(p.coordinator("UADMIN", "oncall")));
        assertThat(after).isEqualTo(before);
    }

    // --- two report runs around one new log ---------------------------------------------------

    /**
     * The coordinator runs the month report, waits for one more contact (and one logged late for
     * the same month), and runs it again: nothing may move.
     */
    @Test
    void two_report_runs_around_one_new_log_show_the_same_numbers() {
        TestProgram p = program(Instant.parse("2026-11-12T15:00:00Z"));
        for (int i = 0; i < 9; i++) {
            log(p, "member_request", "stress", "15_30", "none");
        }
        for (int i = 0; i < 6; i++) {
            log(p, "proactive_check_in", "sleep", "lt_15", "eap");
        }
        p.clock.advance(Duration.ofDays(20)); // 2 December
        String first = postedReport(p, "month") + exported(p, "month");

        log(p, "group_debrief", "grief", "30_60", "chaplain");
        lateLog(p, "2026-11-30", "critical_incident_follow_up");
        p.clock.advance(Duration.ofDays(1));
        String second = postedReport(p, "month") + exported(p, "month");

        assertThat(second).as("the second run, after one new and one late log").isEqualTo(first);
    }

    // --- a month against its quarter -----------------------------------------------------------

    /**
     * Group debriefs 6, 6 and 2 in October, November and December; the months are run as each
     * closes, the quarter when it closes. From the quarter and the two published months, the
     * December cell would be 14 - 6 - 6 = 2. No hidden month cell may be narrowed below "anything
     * from 0 to k-1".
     */
    @Test
    void a_month_against_its_quarter_reveals_no_hidden_month_cell() {
        TestProgram p = program(Instant.parse("2026-10-20T15:00:00Z"));
        int[] debriefs = {6, 6, 2};
        String[] logDays = {"2026-10-20", "2026-11-20", "2026-12-20"};
        String[] runDays = {"2026-11-05", "2026-12-05", "2027-01-05"};
        List<Map<String, Cell>> months = new ArrayList<>();
        for (int m = 0; m < 3; m++) {
            p.clock.set(Instant.parse(logDays[m] + "T15:00:00Z"));
            for (int i = 0; i < 10; i++) {
                log(p, "member_request", "stress", "15_30", "none");
            }
            for (int i = 0; i < debriefs[m]; i++) {
                log(p, "group_debrief", "grief", "30_60", "chaplain");
            }
            log(p, "proactive_check_in", "sleep", "lt_15", "eap");
            p.clock.set(Instant.parse(runDays[m] + "T15:00:00Z"));
            months.add(cells(exported(p, "month")));
        }
        Map<String, Cell> quarter = cells(exported(p, "quarter"));

        List<String> recovered = new ArrayList<>();
        for (String key : quarter.keySet()) {
            if (!key.startsWith("contact_type/")
                    && !key.startsWith("topic/")
                    && !key.startsWith("duration/")
                    && !key.startsWith("referral/")) {
                continue;
            }
            List<Cell> parts = months.stream().map(mm -> mm.get(key)).toList();
            recovered.addAll(narrowed(key, quarter.get(key), parts));
        }
        assertThat(recovered).as("month cells the quarter narrows").isEmpty();
    }

    /**
     * The attacker's sum: quarter = month 1 + month 2 + month 3. Returns each hidden month cell
     * whose range no longer holds 0 and k-1 ("&lt;k") or is pinned ("–").
     */
    private static List<String> narrowed(String key, Cell quarter, List<Cell> months) {
        if (!quarter.published()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            Cell c = months.get(i);
            if (c.published() || c.state() == Cell.State.NOT_AVAILABLE) {
                continue;
            }
            long othersLo = 0;
            long othersHi = 0;
            for (int j = 0; j < months.size(); j++) {
                if (j != i) {
                    long[] b = bounds(months.get(j));
                    othersLo += b[0];
                    othersHi += b[1];
                }
            }
            long[] own = bounds(c);
            long lo = Math.max(own[0], quarter.value().getAsInt() - othersHi);
            long hi = Math.min(own[1], quarter.value().getAsInt() - othersLo);
            boolean leak = c.state() == Cell.State.BELOW_K ? lo > 0 || hi < K - 1 : lo >= hi;
            if (leak) {
                out.add(key + " in month " + (i + 1) + " is " + lo + ".." + hi);
            }
        }
        return out;
    }

    private static long[] bounds(Cell c) {
        return switch (c.state()) {
            case PUBLISHED -> new long[] {c.value().getAsInt(), c.value().getAsInt()};
            case BELOW_K -> new long[] {0, K - 1};
            case HIDDEN -> new long[] {K, 1_000_000};
            case WITHHELD, NOT_AVAILABLE -> new long[] {0, 1_000_000};
        };
    }

    // --- the [5, 5, 4, 1] durations ------------------------------------------------------------

    /**
     * 15 contacts: durations 5, 5, 4 and 1. Published as "5 5 &lt;5 &lt;5" with the total, the two
     * hidden cells add up to 5, so each is at least 1 — although "&lt;5" promises 0 to 4.
     */
    @Test
    void durations_five_five_four_one_leave_every_hidden_duration_anything_from_zero_to_four() {
        TestProgram p = program(Instant.parse("2026-11-12T15:00:00Z"));
        String[] bands = {"lt_15", "15_30", "30_60", "gt_60"};
        int[] counts = {5, 5, 4, 1};
        for (int b = 0; b < 4; b++) {
            for (int i = 0; i < counts[b]; i++) {
                log(p, "member_request", "stress", bands[b], "none");
            }
        }
        p.clock.advance(Duration.ofDays(20));
        Map<String, Cell> report = cells(exported(p, "month"));

        Cell total = report.get("contacts/contacts");
        List<Cell> durations =
                java.util.Arrays.stream(bands).map(b -> report.get("duration/" + b)).toList();
        List<String> recovered = new ArrayList<>();
        if (total.published()) {
            recovered.addAll(narrowed("duration", total, durations));
        }
        assertThat(recovered).as("hidden durations narrowed by the total").isEmpty();
    }

    // --- helpers -------------------------------------------------------------------------------

    // --- the incident follow-up measure around one member's answer ----------------------------

    /**
     * An incident names one member. In one world they answer their +24 h follow-up check-in, in the
     * other they do not. Everything the coordinator can see afterwards — the incident list, status,
     * the posted month report with its incident follow-up measure, the CSV export — must be the
     * same.
     */
    @Test
    void
            whether_the_one_member_of_an_incident_answered_does_not_show_in_anything_a_coordinator_sees() {
        List<String> answered = viewsAfterIncident(true);
        List<String> silent = viewsAfterIncident(false);
        assertThat(answered)
                .as("the report has the measure")
                .anyMatch(v -> v.contains("Incident follow-up"));
        assertThat(answered).isEqualTo(silent);
    }

    private List<String> viewsAfterIncident(boolean answers) {
        TestProgram p = new TestProgram(db, Instant.parse("2026-11-10T15:00:00Z"));
        p.setUp("UADMIN");
        p.coordinator("UADMIN", "timezone America/Chicago");
        p.coordinator("UADMIN", "cadence off");
        p.coordinator("UADMIN", "roster add <@UM1>");
        p.coordinator("UADMIN", "peers add <@UP1>");
        p.coordinator("UADMIN", "incident \"Vehicle fire\" <@UM1>");
        p.deliver();
        p.clock.advance(java.time.Duration.ofHours(26));
        p.deliver();
        if (answers) {
            p.press("UM1", p.lastWithButton("UM1", "checkin.ok"), "checkin.ok");
            p.deliver();
        }
        p.clock.set(Instant.parse("2026-12-02T15:00:00Z")); // November is closed
        p.deliver();
        List<String> views = new ArrayList<>();
        views.add(text(p.coordinator("UADMIN", "incident list")));
        views.add(text(p.coordinator("UADMIN", "status")));
        views.add(postedReport(p, "month"));
        views.add(exported(p, "month"));
        return views;
    }

    private TestProgram program(Instant start) {
        TestProgram p = new TestProgram(db, start);
        p.setUp("UADMIN");
        p.coordinator("UADMIN", "peers add <@UP1>");
        return p;
    }

    private static String mentions(String prefix, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            s.append("<@").append(prefix).append(i).append("> ");
        }
        return s.toString().trim();
    }

    private static void log(
            TestProgram p, String type, String topic, String duration, String referral) {
        Reply r =
                p.submit(
                        "UP1",
                        "log",
                        Map.of(
                                "contact_type",
                                List.of(type),
                                "topics",
                                List.of(topic),
                                "duration",
                                List.of(duration),
                                "referrals",
                                List.of(referral)),
                        "");
        assertThat(r).as(r.toString()).isInstanceOf(Reply.FormAccepted.class);
    }

    /** A log row for a closed month, written after the month was published. */
    private static void lateLog(TestProgram p, String day, String type) {
        p.jdbi.useHandle(
                h ->
                        h.createUpdate(
                                        "insert into interaction_log (agency_id, log_date, contact_type, topic_codes, "
                                                + "duration_band, referral_codes, peer_pseudonym, sealed_at) values "
                                                + "(:a, cast(:d as date), :t, '{grief}', '30_60', '{chaplain}', 'late', now())")
                                .bind("a", p.agency().id())
                                .bind("d", day)
                                .bind("t", type)
                                .execute());
    }

    private static String text(Reply r) {
        return ((Reply.Private) r).message().text();
    }

    /** Runs the report and returns the text posted in the coordinator channel. */
    private static String postedReport(TestProgram p, String period) {
        int before = p.platform.to(TestProgram.COORDINATOR_CHANNEL).size();
        p.coordinator("UADMIN", "report " + period);
        p.deliver();
        List<RecordingPlatform.Sent> posted = p.platform.to(TestProgram.COORDINATOR_CHANNEL);
        return posted.subList(before, posted.size()).stream()
                .filter(s -> s.file() == null)
                .map(s -> s.message().text() + "\n" + String.join("\n", s.message().notes()))
                .filter(t -> t.contains("report"))
                .reduce("", (a, b) -> a + b);
    }

    /** Runs the export and returns the CSV sent to the coordinator. */
    private static String exported(TestProgram p, String period) {
        int before = p.platform.to("UADMIN").size();
        Reply r = p.coordinator("UADMIN", "export " + period);
        assertThat(text(r)).as("the export's answer").contains("on its way");
        p.deliver();
        List<RecordingPlatform.Sent> sent = p.platform.to("UADMIN");
        return sent.subList(before, sent.size()).stream()
                .filter(s -> s.file() != null && s.file().mimeType().equals("text/csv"))
                .map(s -> new String(s.file().bytes(), StandardCharsets.UTF_8))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no CSV sent"));
    }

    /** The current period's cells of a CSV export, by "table/code". */
    private static Map<String, Cell> cells(String csv) {
        Map<String, Cell> out = new HashMap<>();
        try {
            for (CSVRecord row :
                    CSVFormat.DEFAULT
                            .builder()
                            .setHeader()
                            .setCommentMarker('#')
                            .get()
                            .parse(new StringReader(csv))) {
                out.put(row.get("table") + "/" + row.get("code"), parse(row.get("current")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Cell parse(String text) {
        if (text.startsWith("<")) {
            return Cell.belowK();
        }
        if (text.equals("–")) {
            return Cell.hidden();
        }
        if (text.equals("hidden")) {
            return Cell.withheld();
        }
        if (text.equals("n/a") || text.isEmpty()) {
            return Cell.notAvailable();
        }
        return Cell.of(Integer.parseInt(text));
    }
}
