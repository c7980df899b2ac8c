package org.tenfour.bot.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tenfour.adapters.Actor;
import org.tenfour.adapters.InboundEvent;
import org.tenfour.adapters.Reply;
import org.tenfour.bot.testing.TestProgram;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.TestDatabase;

@ExtendWith(PostgresExtension.class)
class MemberDataTest {
    private final TestProgram p;

    MemberDataTest(TestDatabase db) {
        p = new TestProgram(db, Instant.parse("2026-11-25T15:00:00Z"));
        p.setUp("UADMIN");
        p.coordinator("UADMIN", "roster add <@UALEX> <@UJO>");
        p.coordinator("UADMIN", "peers add <@UP1>");
        p.coordinator("UADMIN", "cadence weekly");
        p.jobs.planAll();
        p.submit(
                "UP1",
                "log",
                Map.of(
                        "contact_type",
                        List.of("member_request"),
                        "topics",
                        List.of("stress"),
                        "duration",
                        List.of("15_30"),
                        "referrals",
                        List.of("none")),
                "");
    }

    private static String text(Reply r) {
        return ((Reply.Private) r).message().text();
    }

    private int count(String sql) {
        return p.jdbi.withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    @Test
    void mydata_shows_the_member_what_is_stored_about_them_and_nothing_of_others() {
        String shown = text(p.tenfour("UALEX", null, "mydata"));
        assertThat(shown)
                .contains("UALEX")
                .contains("On the check-in roster, opted out or paused: on the roster")
                .contains("Check-ins:")
                .contains("scheduled")
                .doesNotContain("UJO")
                .contains("Never stored");
    }

    @Test
    void forgetme_asks_first_then_deletes_the_member_and_leaves_coded_logs() {
        Reply ask = p.tenfour("UALEX", null, "forgetme");
        var button = ((Reply.Private) ask).message().buttons().get(0);
        int logs = count("select count(*) from interaction_log");

        Reply wrongPerson =
                p.inbound.handle(
                        new InboundEvent.ButtonPressed(
                                new Actor(p.user("UJO"), false),
                                button.actionId(),
                                button.value(),
                                p.user("UJO"),
                                null,
                                null));
        assertThat(text(wrongPerson)).contains("not for you");
        assertThat(count("select count(*) from member where platform_user_id = 'UALEX'"))
                .isEqualTo(1);

        Reply done =
                p.inbound.handle(
                        new InboundEvent.ButtonPressed(
                                new Actor(p.user("UALEX"), false),
                                button.actionId(),
                                button.value(),
                                p.user("UALEX"),
                                null,
                                null));
        assertThat(text(done)).contains("deleted");
        assertThat(count("select count(*) from member where platform_user_id = 'UALEX'")).isZero();
        assertThat(
                        count(
                                "select count(*) from check_in c join member m on m.id = c.member_id where m.platform_user_id = 'UALEX'"))
                .isZero();
        assertThat(
                        count(
                                "select count(*) from outbox where state = 'pending' and target->>'targetId' = 'UALEX'"))
                .isZero();
        assertThat(
                        count(
                                "select count(*) from audit_log where coalesce(new_value, '') like '%UALEX%' or coalesce(old_value, '') like '%UALEX%'"))
                .isZero();
        assertThat(count("select count(*) from interaction_log"))
                .as("coded logs are not linked, so untouched")
                .isEqualTo(logs);
        assertThat(count("select count(*) from member where platform_user_id = 'UJO'"))
                .isEqualTo(1);
    }
}
