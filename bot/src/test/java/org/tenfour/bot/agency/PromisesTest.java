package org.tenfour.bot.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tenfour.adapters.Reply;
import org.tenfour.adapters.UserProfile;
import org.tenfour.bot.testing.TestProgram;
import org.tenfour.bot.words.English;
import org.tenfour.bot.words.Language;
import org.tenfour.bot.words.Words;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.TestDatabase;

/**
 * The promises a member is given — confidentiality with its written exceptions, what is stored —
 * read the same in the welcome, in help and in {@code mydata}; dates are the member's own, to the
 * minute.
 */
@ExtendWith(PostgresExtension.class)
class PromisesTest {
    private final TestProgram p;

    PromisesTest(TestDatabase db) {
        p = new TestProgram(db, Instant.parse("2026-11-25T16:00:00Z"));
        p.platform.profile("UALEX", new UserProfile("Alex Kim", "America/Chicago", false));
        p.platform.profile("USAM", new UserProfile("Sam Ortiz", "America/Chicago", false));
        p.setUp("UADMIN");
        p.coordinator("UADMIN", "timezone America/Chicago");
        p.coordinator("UADMIN", "roster add <@UALEX>");
        p.coordinator("UADMIN", "peers add <@USAM>");
        p.deliver();
    }

    private static String text(Reply r) {
        return r instanceof Reply.Private pr ? pr.message().text() : String.valueOf(r);
    }

    @Test
    void the_welcome_help_and_mydata_give_the_same_policy_and_the_same_list_of_what_is_stored() {
        String policy = AgencySettings.DEFAULTS.confidentialityPolicy();
        assertThat(policy)
                .contains("threat to yourself or others")
                .contains("admission of a crime");
        String welcome = p.platform.to("UALEX").get(0).message().text();
        String help = text(p.tenfour("UALEX", null, "help"));
        String mydata = text(p.tenfour("UALEX", null, "mydata"));

        Words english = Words.in(Language.EN);
        assertThat(welcome).contains(policy).contains(english.get("stored.never"));
        assertThat(help).contains(policy);
        assertThat(mydata).contains(english.get("stored.never"));
        for (Promises.Stored item : Promises.Stored.values()) {
            String label = english.stored(item);
            assertThat(mydata).as("mydata shows %s", item).contains("• " + label + ":");
            assertThat(welcome.toLowerCase(Locale.ROOT))
                    .as("the welcome promises %s", item)
                    .contains(label.toLowerCase(Locale.ROOT));
        }
    }

    @Test
    void a_spanish_speaking_member_reads_the_same_promises_and_mydata_in_spanish() {
        Words spanish = Words.in(Language.ES);
        p.tenfour("UALEX", null, "language es");
        String mydata = text(p.tenfour("UALEX", null, "mydata"));
        assertThat(mydata)
                .contains("*Lo que TenFour guarda sobre usted*")
                .contains(spanish.get("stored.never"))
                .contains("español (elegido por usted)");
        for (Promises.Stored item : Promises.Stored.values()) {
            assertThat(mydata).contains("• " + spanish.stored(item) + ":");
        }
        assertThat(mydata).contains("(su agencia)");
        assertThat(English.words(mydata)).isEmpty();
        Reply forget = p.tenfour("UALEX", null, "forgetme");
        assertThat(text(forget)).startsWith("Esto borra todo lo que TenFour guarda sobre usted");
        assertThat(((Reply.Private) forget).message().buttons())
                .extracting(b -> b.label())
                .containsExactly("Sí, borrar mis datos", "Conservarlos");
    }

    @Test
    void mydata_shows_dates_in_the_members_zone_to_the_minute() {
        p.submit(
                "UALEX",
                "connect.ask",
                Map.of(
                        "who", List.of("internal"),
                        "urgency", List.of("today"),
                        "contact", List.of("chat")),
                "");
        String mydata = text(p.tenfour("UALEX", null, "mydata"));
        assertThat(mydata)
                .as("16:00 UTC is 10:00 in Chicago")
                .contains("Wed 25 Nov 2026 10:00: offered, today")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}");
    }
}
