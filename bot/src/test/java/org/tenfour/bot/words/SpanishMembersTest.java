package org.tenfour.bot.words;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tenfour.adapters.Button;
import org.tenfour.adapters.Field;
import org.tenfour.adapters.Form;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Reply;
import org.tenfour.adapters.UserProfile;
import org.tenfour.bot.checkin.CheckInMessages;
import org.tenfour.bot.inbound.Role;
import org.tenfour.bot.inbound.Subcommand;
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
        p.platform.profile("UPEER", new UserProfile("Pat", "America/Chicago", false, "en-US"));
        p.platform.profile("UROSA", new UserProfile("Rosa", "America/Chicago", false, "es-LA"));
        p.platform.profile("UBEN", new UserProfile("Ben", "America/Chicago", false, "en-US"));
        p.coordinator("UADMIN", "roster add <@UROSA> <@UBEN> <@ULUIS>");
        p.coordinator("UADMIN", "peers add <@UPEER>");
        // the profiles are read on the planning pass, as on a running deployment
        p.jobs.planAll();
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

    /** Everything in a form a member reads: its title, button, labels and choices. */
    static List<String> shown(Form form) {
        List<String> all = new ArrayList<>(List.of(form.title(), form.submitLabel()));
        for (Field f : form.fields()) {
            all.add(f.label());
            f.options().stream().map(Field.Option::label).forEach(all::add);
        }
        return all;
    }

    @Test
    void the_request_form_its_replies_and_the_relayed_conversation_are_in_spanish() {
        p.coordinator("UADMIN", "peers add <@UPEER2>");
        Reply ask = p.tenfour("UROSA", null, "talk");
        Form form = ((Reply.ShowForm) ask).form();
        assertThat(form.title()).isEqualTo("Hablar con un compañero");
        assertThat(shown(form))
                .contains("Esta semana", "Por mensajes", "Estrés o agotamiento")
                .allSatisfy(line -> assertThat(English.words(line)).as(line).isEmpty());
        Reply wrong =
                p.submit(
                        "UROSA",
                        "connect.ask",
                        Map.of("urgency", List.of("someday"), "contact", List.of("chat")),
                        "");
        assertThat(((Reply.FormErrors) wrong).errors())
                .containsEntry("urgency", "Elija ahora, hoy o esta semana.");

        Reply asked =
                p.submit(
                        "UROSA",
                        "connect.ask",
                        Map.of(
                                "who", List.of("internal"),
                                "urgency", List.of("today"),
                                "contact", List.of("chat")),
                        "");
        Message confirmation = ((Reply.FormAccepted) asked).confirmation();
        assertThat(confirmation.text()).contains("Gracias por escribirnos");
        assertThat(text(p.tenfour("UROSA", null, "talk")))
                .startsWith("Ya tiene una solicitud abierta.");
        p.deliver();
        String peer =
                p.platform.to("UPEER").stream()
                                .anyMatch(
                                        s ->
                                                s.message().buttons().stream()
                                                        .anyMatch(
                                                                b ->
                                                                        b.actionId()
                                                                                .equals(
                                                                                        "connect.accept")))
                        ? "UPEER"
                        : "UPEER2";
        RecordingPlatform.Sent offer = p.lastWithButton(peer, "connect.accept");
        assertThat(offer.message().text())
                .as("the peer reads English")
                .contains("would like to talk");
        p.press(peer, offer, "connect.accept");
        p.deliver();
        RecordingPlatform.Sent relay = p.lastWithButton("UROSA", "connect.end");
        assertThat(relay.message().text()).contains("está aquí para usted");
        assertThat(shown(relay.message())).contains("Terminar la conversación");
        p.tenfour(peer, null, "end");
        p.deliver();
        assertThat(p.platform.to("UROSA").stream().map(s -> s.message().text()))
                .anySatisfy(t -> assertThat(t).contains("terminó la conversación"));
        assertThat(p.platform.updates())
                .filteredOn(u -> u.to().targetId().equals("UROSA"))
                .anySatisfy(u -> assertThat(u.message().text()).contains("ha terminado"));
        assertThat(text(p.tenfour("UROSA", null, "end")))
                .isEqualTo("No tiene ninguna conversación ni solicitud abierta.");
        everythingRosaReadIsSpanish();
    }

    @Test
    void the_survey_and_the_resource_directory_are_in_spanish() {
        p.coordinator("UADMIN", "resources add \"County EAP\" \"555-0100\" category:eap");
        p.coordinator("UADMIN", "resources add \"Padre Tomás\" \"555-0111\" category:chaplain");
        String resources = text(p.tenfour("UROSA", null, "resources"));
        assertThat(resources)
                .contains("*Dónde encontrar ayuda*", "Capellanes", "Cualquiera puede consultarlo")
                .contains("Línea 988");
        assertThat(text(p.tenfour("UROSA", null, "resources legal")))
                .contains("Todavía no hay nada en Asesoría legal.");
        assertThat(text(p.coordinator("UADMIN", "resources")))
                .as("coordinators read English")
                .contains("*Where to get help*");

        p.coordinator("UADMIN", "survey start needs");
        p.deliver();
        RecordingPlatform.Sent invitation = p.lastWithButton("UROSA", "survey.answer");
        assertThat(shown(invitation.message()))
                .contains("Responder de forma anónima")
                .anySatisfy(t -> assertThat(t).contains("Una breve encuesta anónima"));
        Form form = ((Reply.ShowForm) p.press("UROSA", invitation, "survey.answer")).form();
        assertThat(shown(form))
                .contains("¿Sabía que su agencia tiene un programa de apoyo entre compañeros?")
                .contains("Que me vean como débil")
                .allSatisfy(line -> assertThat(English.words(line)).as(line).isEmpty());
        Reply thanks =
                p.submit("UROSA", "survey.form", Map.of("knows", List.of("yes")), form.context());
        assertThat(((Reply.FormAccepted) thanks).confirmation().text())
                .isEqualTo("Gracias. Sus respuestas se sumaron a los totales, sin su nombre.");
        assertThat(p.lastWithButton("UBEN", "survey.answer").message().text())
                .contains("A short anonymous survey");
        everythingRosaReadIsSpanish();
    }

    @Test
    void a_members_own_check_in_settings_are_in_spanish() {
        assertThat(text(p.tenfour("UROSA", null, "optout"))).startsWith("Listo: ya no recibirá");
        assertThat(text(p.tenfour("UROSA", null, "optin"))).startsWith("Bienvenido de nuevo");
        assertThat(text(p.tenfour("UROSA", null, "times 07:00-09:00 sat-sun")))
                .contains("de 07:00 a 09:00, sábado y domingo");
        assertThat(text(p.tenfour("UROSA", null, "snooze 2w")))
                .startsWith("Contactos en pausa hasta el");
        Form form = ((Reply.ShowForm) p.tenfour("UROSA", null, "settings")).form();
        assertThat(shown(form))
                .contains("Ajustes de contacto", "Recibir contactos proactivos", "lunes")
                .allSatisfy(line -> assertThat(English.words(line)).as(line).isEmpty());
        Reply saved =
                p.submit(
                        "UROSA",
                        "checkin.settings",
                        Map.of("checkins", List.of("true"), "window", List.of("")),
                        "");
        assertThat(((Reply.FormAccepted) saved).confirmation().text())
                .isEqualTo(
                        "Guardado. Los contactos están activados, según el horario de la agencia.");
    }

    @Test
    void a_members_help_is_in_spanish_and_the_command_words_stay_as_they_are() {
        String help = text(p.tenfour("UROSA", null, "help"));
        assertThat(help)
                .contains("*TenFour — su programa de apoyo entre compañeros.*")
                .contains("*Sus contactos*", "*Sus datos*")
                .contains("• `/tenfour optout` — dejar de recibir contactos proactivos")
                .contains("`/tenfour language es|en`: English o español.");
        assertThat(English.words(help.replace("English o español", ""))).isEmpty();
        assertThat(text(p.tenfour("UBEN", null, "help")))
                .contains("*TenFour — your peer support program.*")
                .contains("• `/tenfour optout` — stop proactive check-ins");
    }

    /**
     * What a member may type wrongly (or rightly, where the answer is a refusal or a coordinator's
     * command's member side): each is answered in Spanish to Rosa and in English to Ben.
     */
    private static final List<String> MISTAKES =
            List.of(
                    "optuot",
                    "snoze 2w",
                    "frobnicate",
                    "cadense weekly",
                    "help frobnicate",
                    "help optuot",
                    "snooze",
                    "snooze forever",
                    "snooze 400d",
                    "times",
                    "times 7-9",
                    "times 25:00-26:00",
                    "times 08:00-08:00",
                    "times 07:00-09:00 funday",
                    "times 07:00-09:00 mon-tue-wed",
                    "language fr",
                    "resources nonsense",
                    "resources add \"County EAP\" \"555-0100\" category:eap",
                    "peers add <@UBEN>",
                    "peers",
                    "oncall add <@UPEER>",
                    "oncall now",
                    "reveal",
                    "end",
                    "refer",
                    "refer <@UADMIN>",
                    "cadence weekly",
                    "report",
                    "log",
                    "away until 2026-12-24");

    @Test
    void a_member_who_mistypes_a_command_or_is_refused_one_reads_why_in_spanish() {
        List<String> problems = new ArrayList<>();
        for (String typed : MISTAKES) {
            String rosa = text(p.tenfour("UROSA", null, typed));
            String ben = text(p.tenfour("UBEN", null, typed));
            if (!English.words(rosa).isEmpty()) {
                problems.add(typed + " -> " + rosa + " " + English.words(rosa));
            }
            if (English.words(ben).isEmpty()) {
                problems.add(typed + " -> Ben read no English: " + ben);
            }
        }
        assertThat(problems).isEmpty();

        assertThat(text(p.tenfour("UROSA", null, "optuot")))
                .isEqualTo("No conozco `optuot`. ¿Quiso decir `/tenfour optout`?");
        assertThat(text(p.tenfour("UBEN", null, "optuot")))
                .isEqualTo("I don't know `optuot`. Did you mean `/tenfour optout`?");
        assertThat(text(p.tenfour("UROSA", null, "cadense weekly")))
                .as("a coordinator's word is not offered to a member")
                .isEqualTo(
                        "No conozco `cadense`. Escriba `/tenfour help` para ver lo que puede"
                                + " hacer.");
        assertThat(text(p.tenfour("UROSA", null, "snooze forever")))
                .isEqualTo(
                        "No entiendo 'forever'; escríbalo así: `3d`, `2w` o `1m` (días, semanas,"
                                + " meses).\nUso: `/tenfour snooze 2w`");
        assertThat(text(p.tenfour("UBEN", null, "snooze forever")))
                .isEqualTo(
                        "I can't read 'forever'; write it like 3d, 2w or 1m.\nUsage: `/tenfour"
                                + " snooze 2w`");
        assertThat(text(p.tenfour("UROSA", null, "cadence weekly")))
                .startsWith("Solo los coordinadores del programa pueden hacer eso.");
        assertThat(text(p.tenfour("UROSA", null, "times 07:00-09:00 lun-vie")))
                .as("days may be written in Spanish")
                .contains("de 07:00 a 09:00, de lunes a viernes");

        p.coordinator("UADMIN", "oncall add <@UPEER>");
        String onCall = text(p.tenfour("UROSA", null, "oncall now"));
        assertThat(onCall).startsWith("De guardia para el apoyo entre compañeros ahora: <@UPEER>");
        assertThat(English.words(onCall)).isEmpty();
        assertThat(text(p.tenfour("UBEN", null, "oncall now")))
                .startsWith("On call for peer support now: <@UPEER>");

        assertThat(text(p.coordinator("UADMIN", "cadence sometimes")))
                .as("coordinators read English")
                .isEqualTo(
                        "I can't read the cadence 'sometimes'.\nUsage: `/tenfour cadence every 30"
                                + " days|weekly|every 2 weeks|monthly|off`");
    }

    @Test
    void help_about_each_command_a_member_uses_is_in_spanish() {
        List<String> problems = new ArrayList<>();
        for (Subcommand sub : Subcommand.values()) {
            if (sub.role() != Role.MEMBER) {
                continue;
            }
            String rosa = text(p.tenfour("UROSA", null, "help " + sub.word()));
            String ben = text(p.tenfour("UBEN", null, "help " + sub.word()));
            if (!English.words(rosa).isEmpty() || !rosa.endsWith("Para todos.")) {
                problems.add(sub.word() + " -> " + rosa + " " + English.words(rosa));
            }
            if (!ben.endsWith("For everyone.") || !ben.contains(sub.details())) {
                problems.add(sub.word() + " -> Ben: " + ben);
            }
        }
        assertThat(problems).isEmpty();
        assertThat(text(p.tenfour("UROSA", null, "help snooze")))
                .isEqualTo(
                        "• `/tenfour snooze 2w` — pausar los contactos por un tiempo (3d, 2w, 1m)\n"
                                + "Pausa los contactos: `3d`, `2w` o `1m` (días, semanas, un"
                                + " mes).\nPara todos.");
        assertThat(text(p.tenfour("UROSA", null, "help cadence")))
                .as("a coordinator's command is explained in English, who it is for in Spanish")
                .endsWith("Para los coordinadores, en el canal de coordinación.");
    }

    /** What Rosa was sent, apart from what others wrote (names, the directory's entries). */
    private void everythingRosaReadIsSpanish() {
        List<String> all = new ArrayList<>();
        p.platform.to("UROSA").stream()
                // the welcome went out before TenFour read her profile
                .filter(s -> !s.message().text().startsWith("Welcome"))
                .forEach(s -> all.addAll(shown(s.message())));
        assertThat(all)
                .isNotEmpty()
                .allSatisfy(line -> assertThat(English.words(line)).as(line).isEmpty());
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
