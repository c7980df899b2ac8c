package org.tenfour.bot.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tenfour.adapters.Reply;
import org.tenfour.bot.testing.RecordingPlatform;
import org.tenfour.bot.testing.TestProgram;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.TestDatabase;

/** A peer logs in a few clicks; a coordinator gets a suppressed report with a chart, and a CSV. */
@ExtendWith(PostgresExtension.class)
class LogAndReportFlowTest {
    private final TestProgram p;

    LogAndReportFlowTest(TestDatabase db) {
        p = new TestProgram(db, Instant.parse("2026-11-25T15:00:00Z"));
        p.setUp("UADMIN");
        p.coordinator("UADMIN", "peers add <@UP1>");
    }

    private static Map<String, List<String>> typicalLog() {
        return Map.of(
                "contact_type",
                List.of("member_request"),
                "topics",
                List.of("stress"),
                "duration",
                List.of("15_30"),
                "referrals",
                List.of("none"));
    }

    @Test
    void a_peer_opens_the_form_and_logs_a_contact_and_others_cannot() {
        Reply form = p.tenfour("UP1", null, "log");
        assertThat(form).isInstanceOf(Reply.ShowForm.class);
        assertThat(((Reply.ShowForm) form).form().fields())
                .extracting(f -> f.type().name())
                .doesNotContain("SHORT_TEXT");
        Reply saved = p.submit("UP1", "log", typicalLog(), "");
        assertThat(saved).as(saved.toString()).isInstanceOf(Reply.FormAccepted.class);
        assertThat(logs()).isEqualTo(1);
        assertThat(p.tenfour("UM1", null, "log")).isInstanceOf(Reply.Private.class);
        assertThat(p.submit("UM1", "log", typicalLog(), "")).isInstanceOf(Reply.Private.class);
        assertThat(logs()).as("a non-peer's submission is refused").isEqualTo(1);
    }

    private int logs() {
        return p.jdbi.withHandle(
                h ->
                        h.createQuery("select count(*) from interaction_log")
                                .mapTo(Integer.class)
                                .one());
    }

    @Test
    void a_bad_submission_gets_errors_next_to_the_fields() {
        Reply r = p.submit("UP1", "log", Map.of("contact_type", List.of("member_request")), "");
        assertThat(r).isInstanceOf(Reply.FormErrors.class);
        assertThat(((Reply.FormErrors) r).errors()).containsKey("duration");
    }

    @Test
    void
            the_report_goes_to_the_coordinator_channel_with_a_chart_and_the_export_as_csv_to_the_coordinator() {
        for (int i = 0; i < 6; i++) {
            p.submit("UP1", "log", typicalLog(), "");
        }
        p.submit(
                "UP1",
                "log",
                Map.of(
                        "contact_type",
                        List.of("group_debrief"),
                        "topics",
                        List.of("grief"),
                        "duration",
                        List.of("30_60"),
                        "referrals",
                        List.of("chaplain")),
                "");
        p.clock.advance(Duration.ofDays(7)); // reports cover closed months only
        Reply r = p.coordinator("UADMIN", "report month");
        assertThat(((Reply.Private) r).message().text()).contains("November 2026");
        p.deliver();
        List<RecordingPlatform.Sent> channel = p.platform.to(TestProgram.COORDINATOR_CHANNEL);
        assertThat(channel)
                .anyMatch(
                        s ->
                                s.file() != null
                                        && s.file().mimeType().equals("image/png")
                                        && s.file().bytes().length > 1000);
        String text =
                channel.stream()
                        .filter(s -> s.file() == null)
                        .map(s -> s.message().text())
                        .filter(t -> t.contains("7") || t.contains("<5"))
                        .findFirst()
                        .orElseThrow();
        assertThat(text).as("the single group debrief is suppressed").contains("<5");

        p.coordinator("UADMIN", "export month");
        p.deliver();
        RecordingPlatform.Sent csv =
                p.platform.to("UADMIN").stream()
                        .filter(s -> s.file() != null)
                        .findFirst()
                        .orElseThrow();
        assertThat(csv.file().mimeType()).isEqualTo("text/csv");
        assertThat(new String(csv.file().bytes(), StandardCharsets.UTF_8))
                .contains("table")
                .doesNotContain("UP1");
        assertThat(((Reply.Private) p.tenfour("UP1", null, "report")).message().text())
                .contains("coordinators");
    }
}
