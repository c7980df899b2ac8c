package org.tenfour.bot.words;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tenfour.adapters.Button;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Reply;
import org.tenfour.adapters.UserProfile;
import org.tenfour.bot.checkin.CheckInMessages;
import org.tenfour.bot.testing.RecordingPlatform;
import org.tenfour.bot.testing.TestProgram;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.TestDatabase;

/**
 * Members read TenFour in Spanish when their platform is in Spanish or they chose it: every
 * message, note and button they are shown is checked for English words. Peers and coordinators read
 * English.
 */
@ExtendWith(PostgresExtension.class)
class SpanishMembersTest {
    private TestProgram p;

    @BeforeEach
    void program(TestDatabase db) {
        p = new TestProgram(db, Instant.parse("2026-11-25T15:00:00Z"));
        p.setUp("UADMIN");
        p.platform.profile("UROSA", new UserProfile("Rosa", "America/Chicago", false, "es-LA"));
        p.platform.profile("UBEN", new UserProfile("Ben", "America/Chicago", false, "en-US"));
        p.coordinator("UADMIN", "roster add <@UROSA> <@UBEN> <@ULUIS>");
        p.coordinator("UADMIN", "peers add <@UPEER>");
    }

    /** Everything in a message a member reads: its text, notes and button labels. */
    static List<String> shown(Message m) {
        List<String> all = new ArrayList<>();
        all.add(m.text());
        all.addAll(m.notes());
        m.buttons().stream().map(Button::label).forEach(all::add);
        return all;
    }

    static String text(Reply r) {
        return r instanceof Reply.Private reply
                ? String.join("\n", shown(reply.message()))
                : r.toString();
    }

    @Test
    void a_member_whose_platform_is_in_spanish_gets_check_ins_and_answers_in_spanish() {
        p.coordinator("UADMIN", "cadence weekly");
        p.jobs.planAll();
        p.deliver();

        RecordingPlatform.Sent rosa = p.lastWithButton("UROSA", CheckInMessages.OK);
        assertThat(rosa.message().text()).contains("¿Cómo está?");
        assertThat(shown(rosa.message()))
                .contains("Estoy bien", "Me gustaría hablar", "Ahora no")
                .anySatisfy(line -> assertThat(line).contains("988"))
                .allSatisfy(line -> assertThat(English.words(line)).as(line).isEmpty());
        RecordingPlatform.Sent ben = p.lastWithButton("UBEN", CheckInMessages.OK);
        assertThat(ben.message().text()).contains("How are you doing?");

        Reply answered = p.press("UROSA", rosa, CheckInMessages.NOT_NOW);
        assertThat(text(answered)).contains("No hay problema");
        assertThat(English.words(text(answered))).isEmpty();
        p.deliver();
        assertThat(p.platform.updates())
                .anySatisfy(
                        u -> assertThat(u.message().notes()).contains("Usted respondió: Ahora no"));
        assertThat(text(p.press("UROSA", rosa, CheckInMessages.OK)))
                .contains("Ya respondió a este contacto");
    }

    @Test
    void a_member_chooses_spanish_and_keeps_it_whatever_the_platform_says() {
        assertThat(text(p.tenfour("ULUIS", null, "language es")))
                .contains("Listo: desde ahora TenFour le escribe en español");
        assertThat(text(p.tenfour("ULUIS", null, "language"))).contains("le escribe en español");
        p.platform.profile("ULUIS", new UserProfile("Luis", "America/Chicago", false, "en-US"));
        p.coordinator("UADMIN", "cadence weekly");
        p.jobs.planAll();
        p.deliver();
        assertThat(p.lastWithButton("ULUIS", CheckInMessages.OK).message().text())
                .contains("¿Cómo está?");
        assertThat(p.member("ULUIS").language()).isEqualTo("es");

        assertThat(text(p.tenfour("ULUIS", null, "language en")))
                .contains("TenFour writes to you in English");
        assertThat(text(p.tenfour("ULUIS", null, "language fr")))
                .contains("Say `/tenfour language es` (Spanish)");
    }

    @Test
    void a_welcome_sent_before_the_language_is_known_says_in_spanish_how_to_switch() {
        p.deliver();
        assertThat(p.platform.to("ULUIS").stream().map(s -> s.message().text()))
                .anySatisfy(
                        t ->
                                assertThat(t)
                                        .contains("Welcome to your agency's peer support program")
                                        .contains(
                                                "¿Prefiere español? Escriba `/tenfour language es`."));
        assertThat(p.platform.to("UPEER").stream().map(s -> s.message().text()))
                .as("peers read English")
                .isNotEmpty()
                .allSatisfy(t -> assertThat(t).doesNotContain("¿"));
    }
}
