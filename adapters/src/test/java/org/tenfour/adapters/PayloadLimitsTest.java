package org.tenfour.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tenfour.adapters.slack.SlackPayloadLimits;
import org.tenfour.adapters.teams.TeamsPayloadLimits;

/**
 * Long content is shortened or split on purpose, never refused by a platform; what cannot be
 * shortened without breaking it is refused when the neutral record is built, naming the bound.
 */
class PayloadLimitsTest {

    @Test
    void a_directory_of_sixty_peers_with_full_bios_fits_both_platforms() {
        StringBuilder text = new StringBuilder("*Peers you can ask for* (60)\n");
        for (int i = 1; i <= 60; i++) {
            text.append("• *Peer Number ")
                    .append(i)
                    .append("* (en, es) — Riverside Fire & EMS\n  ")
                    .append("Twenty years on the engine & a dispatcher before that. ".repeat(5))
                    .append('\n');
        }
        Message directory = new Message(text.toString(), List.of("Ask with /peer"), List.of());

        assertThat(directory.text().length()).isGreaterThan(3 * 3000);
        assertThat(SlackPayloadLimits.of(directory)).isEmpty();
        assertThat(TeamsPayloadLimits.of(directory)).isEmpty();
    }

    @Test
    void a_text_longer_than_either_platform_takes_is_cut_with_a_visible_mark() {
        Message huge = Message.text("Report line & more\n".repeat(6_000));

        assertThat(huge.text().length()).isGreaterThan(100_000);
        assertThat(SlackPayloadLimits.of(huge)).isEmpty();
        assertThat(TeamsPayloadLimits.of(huge)).isEmpty();
        assertThat(SlackPayloadLimits.fallback(huge))
                .endsWith("(shortened)")
                .hasSizeLessThan(40_001);
        assertThat(TeamsPayloadLimits.text(huge)).endsWith("(shortened)");
    }

    @Test
    void many_notes_and_long_labels_are_merged_and_shortened_not_refused() {
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            notes.add("Crisis line " + i + ": call or text " + "9".repeat(300));
        }
        List<Button> buttons = new ArrayList<>();
        for (int i = 0; i < Message.MAX_BUTTONS; i++) {
            buttons.add(
                    Button.of(
                            "pick",
                            "A label far longer than a button can show ".repeat(4),
                            "v" + i));
        }
        Message m = new Message("Choose", notes, buttons);

        assertThat(SlackPayloadLimits.of(m)).isEmpty();
        assertThat(TeamsPayloadLimits.of(m)).isEmpty();
    }

    @Test
    void what_cannot_be_shortened_is_refused_when_the_record_is_built() {
        List<Button> tooMany = new ArrayList<>();
        for (int i = 0; i <= Message.MAX_BUTTONS; i++) {
            tooMany.add(Button.of("b", "B", "v"));
        }
        assertThatThrownBy(() -> new Message("x", List.of(), tooMany))
                .hasMessageContaining("more than 25 buttons");
        assertThatThrownBy(() -> Button.of("b", "B", "v".repeat(Button.MAX_VALUE + 1)))
                .hasMessageContaining("button value");
        assertThatThrownBy(() -> new Field.Option("v".repeat(65), "label"))
                .hasMessageContaining("option value");
        List<Field.Option> options = new ArrayList<>();
        for (int i = 0; i <= Field.MAX_OPTIONS; i++) {
            options.add(new Field.Option("o" + i, "Option " + i));
        }
        assertThatThrownBy(() -> Field.choice("f", "F", options, false))
                .hasMessageContaining("more than 100 options");
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i <= Form.MAX_FIELDS; i++) {
            fields.add(Field.choice("f" + i, "F", List.of(new Field.Option("a", "A")), false));
        }
        assertThatThrownBy(() -> new Form("form", "Title", "Save", fields, ""))
                .hasMessageContaining("more than 30 fields");
    }
}
