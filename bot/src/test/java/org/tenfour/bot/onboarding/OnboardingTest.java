package org.tenfour.bot.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tenfour.adapters.Reply;
import org.tenfour.adapters.UserProfile;
import org.tenfour.bot.testing.RecordingPlatform;
import org.tenfour.bot.testing.TestProgram;
import org.tenfour.storage.CheckIns;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.TestDatabase;

/** Peer onboarding and training records end to end through the domain. */
@ExtendWith(PostgresExtension.class)
class OnboardingTest {
    private final TestProgram p;

    OnboardingTest(TestDatabase db) {
        p = new TestProgram(db, Instant.parse("2026-11-25T15:00:00Z"));
        for (String u : List.of("UM1", "UM2", "UM3", "UP1", "UP2")) {
            p.platform.profile(u, new UserProfile("Name " + u, "America/Chicago", false));
        }
        p.setUp("UADMIN");
        p.coordinator("UADMIN", "timezone America/Chicago");
        p.coordinator("UADMIN", "roster add <@UM1> <@UM2> <@UM3>");
    }

    private static String text(Reply reply) {
        return reply instanceof Reply.FormAccepted a
                ? a.confirmation().text()
                : ((Reply.Private) reply).message().text();
    }

    private void ask(String member) {
        p.submit(
                member,
                "connect.ask",
                Map.of(
                        "who", List.of("internal"),
                        "urgency", List.of("today"),
                        "contact", List.of("chat")),
                "");
        p.deliver();
    }

    private boolean offered(String peer) {
        return p.platform.to(peer).stream()
                .anyMatch(
                        s ->
                                s.message().buttons().stream()
                                        .anyMatch(b -> b.label().equals("Accept")));
    }

    @Test
    void no_offer_or_check_in_goes_out_in_a_new_peers_name_until_they_acknowledge_the_policy() {
        p.onboardPeers = false;
        p.coordinator("UADMIN", "peers add <@UP1>");
        p.deliver();
        RecordingPlatform.Sent policy = p.lastWithButton("UP1", Onboarding.ACKNOWLEDGE);
        assertThat(policy.message().text())
                .contains("Confidentiality and its written exceptions")
                .contains("The exceptions: an immediate threat")
                .contains("You are not a counsellor or a clinician")
                .contains("Safety concern");

        ask("UM1");
        assertThat(offered("UP1")).as("an offer before the acknowledgement").isFalse();
        p.coordinator("UADMIN", "cadence weekly");
        p.jobs.planAll();
        assertThat(p.jdbi.onDemand(CheckIns.class).forMember(p.agency().id(), p.member("UM2").id()))
                .isNotEmpty()
                .allSatisfy(
                        c -> assertThat(c.peerId()).as("a check-in in the peer's name").isNull());
        assertThat(text(p.coordinator("UADMIN", "training list")))
                .contains(
                        "Not yet acknowledged the policy (out of rotation until they do): <@UP1>");

        assertThat(text(p.press("UP1", policy, Onboarding.ACKNOWLEDGE)))
                .contains("You are now in the rotation");
        assertThat(text(p.press("UP1", policy, Onboarding.ACKNOWLEDGE)))
                .contains("acknowledged the policy already");
        assertThat(text(p.press("UM3", policy, Onboarding.ACKNOWLEDGE)))
                .contains("for the program's peer supporters");
        assertThat(text(p.coordinator("UADMIN", "training list")))
                .contains(
                        "Not yet acknowledged the policy (out of rotation until they do): nobody");
        ask("UM3");
        assertThat(offered("UP1")).as("an offer after the acknowledgement").isTrue();
    }

    @Test
    void a_lapsed_required_course_takes_the_peer_out_of_rotation_after_one_reminder() {
        p.coordinator("UADMIN", "peers add <@UP1> <@UP2>");
        assertThat(
                        text(
                                p.coordinator(
                                        "UADMIN",
                                        "training add <@UP1> \"CISM individual\" 2024-12-20 expires 2026-12-20")))
                .contains("Recorded \"CISM individual\" for <@UP1>, valid until 2026-12-20");
        p.coordinator(
                "UADMIN",
                "training add <@UP2> \"Suicide prevention\" 2024-01-10 expires 2026-01-10 optional");
        p.deliver();

        PeerTraining training = new PeerTraining(p.store, p.clock);
        assertThat(training.remindAll()).isEqualTo(1);
        assertThat(training.remindAll()).as("once").isZero();
        p.deliver();
        assertThat(p.platform.to("UP1"))
                .anyMatch(
                        s ->
                                s.message()
                                        .text()
                                        .contains("\"CISM individual\" is valid until 2026-12-20"));
        assertThat(p.platform.to("UP2"))
                .noneMatch(s -> s.message().text().contains("is valid until"));
        String list = text(p.coordinator("UADMIN", "training list"));
        assertThat(list)
                .contains("1. <@UP1> — CISM individual, 2024-12-20, until 2026-12-20")
                .contains("2. <@UP2> — Suicide prevention, 2024-01-10, until 2026-01-10 (optional)")
                .contains("lapsed required course: 0 peers")
                .contains("expiring within 30 days: 1");

        p.clock.set(Instant.parse("2026-12-22T15:00:00Z"));
        assertThat(text(p.coordinator("UADMIN", "training list")))
                .contains("1. <@UP1> — CISM individual, 2024-12-20, until 2026-12-20 *lapsed*")
                .contains("lapsed required course: 1 peer.");
        ask("UM1");
        assertThat(offered("UP1")).as("the lapsed peer").isFalse();
        assertThat(offered("UP2")).as("an optional course that lapsed holds nobody back").isTrue();

        p.coordinator("UADMIN", "training remove 1");
        assertThat(text(p.coordinator("UADMIN", "training list"))).doesNotContain("CISM");
    }

    @Test
    void mistakes_in_training_records_get_the_right_form() {
        p.coordinator("UADMIN", "peers add <@UP1>");
        assertThat(text(p.coordinator("UADMIN", "training add \"CISM\" 2026-03-01")))
                .contains("@mention the one peer");
        assertThat(text(p.coordinator("UADMIN", "training add <@UP1> \"CISM\" March")))
                .contains("YYYY-MM-DD (not `March`)");
        assertThat(
                        text(
                                p.coordinator(
                                        "UADMIN",
                                        "training add <@UP1> \"CISM\" 2026-03-01 expires 2025-01-01")))
                .contains("expires after the day it was completed");
        assertThat(text(p.coordinator("UADMIN", "training add <@UM1> \"CISM\" 2026-03-01")))
                .contains("is not on the peer team");
        assertThat(text(p.tenfour("UM1", null, "training list")))
                .contains("Only the program's coordinators");
        assertThat(text(p.coordinator("UADMIN", "training remove 4")))
                .contains("no training record number 4");
    }
}
