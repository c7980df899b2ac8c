package org.tenfour.bot.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tenfour.adapters.Reply;
import org.tenfour.bot.testing.RecordingPlatform;
import org.tenfour.bot.testing.TestProgram;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.TestDatabase;

/**
 * The longest report the product writes — every contact type, topic, duration and referral code
 * logged — reaches the coordinators inside Slack's and Teams' limits (every payload passes through
 * {@code PayloadChecks} in the test fixtures; a refused one fails here).
 */
@ExtendWith(PostgresExtension.class)
class ReportWithEveryCodeTest {
    private final TestProgram p;

    ReportWithEveryCodeTest(TestDatabase db) {
        p = new TestProgram(db, Instant.parse("2026-11-25T15:00:00Z"));
        p.setUp("UADMIN");
        p.coordinator("UADMIN", "peers add <@UP1> <@UP2> <@UP3> <@UP4> <@UP5> <@UP6>");
    }

    @Test
    void a_report_with_every_code_fits_both_platforms() {
        List<String> peers = List.of("UP1", "UP2", "UP3", "UP4", "UP5", "UP6");
        Codes.ContactType[] types = Codes.ContactType.values();
        Codes.Topic[] topics = Codes.Topic.values();
        Codes.DurationBand[] bands = Codes.DurationBand.values();
        Codes.Referral[] referrals = Codes.Referral.values();
        int logs =
                Math.max(
                        Math.max(types.length, topics.length),
                        Math.max(bands.length, referrals.length));
        for (int n = 0; n < logs; n++) {
            Reply saved =
                    p.submit(
                            peers.get(n % peers.size()),
                            InteractionLogForms.FORM_ID,
                            LogForm.valid()
                                    .with(
                                            InteractionLogForms.CONTACT_TYPE,
                                            types[n % types.length].code())
                                    .with(
                                            InteractionLogForms.TOPICS,
                                            topics[n % topics.length].code())
                                    .with(
                                            InteractionLogForms.DURATION,
                                            bands[n % bands.length].code())
                                    .with(
                                            InteractionLogForms.REFERRALS,
                                            referrals[n % referrals.length].code())
                                    .values(),
                            "");
            assertThat(saved).as(saved.toString()).isInstanceOf(Reply.FormAccepted.class);
        }

        p.coordinator("UADMIN", "report year");
        p.deliver();

        List<RecordingPlatform.Sent> report =
                p.platform.to(TestProgram.COORDINATOR_CHANNEL).stream()
                        .filter(s -> s.file() == null)
                        .toList();
        String all = String.join("\n", report.stream().map(s -> s.message().text()).toList());
        assertThat(Arrays.stream(Codes.Topic.values()).map(Codes.Topic::label))
                .allSatisfy(label -> assertThat(all).contains(label));
    }
}
