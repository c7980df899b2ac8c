package org.tenfour.bot.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tenfour.adapters.Field;
import org.tenfour.adapters.Form;

class InteractionLogFormsTest {

    @Test
    void the_form_is_choices_only_with_a_short_title() {
        Form form = InteractionLogForms.logForm(null);
        assertThat(form.formId()).isEqualTo("log");
        assertThat(form.title().length()).isLessThanOrEqualTo(24);
        assertThat(form.fields()).extracting(Field::type).doesNotContain(Field.Type.SHORT_TEXT);
        assertThat(form.fields())
                .extracting(Field::id)
                .containsExactly(
                        "contact_type",
                        "topics",
                        "duration",
                        "referrals",
                        "follow_up",
                        "follow_up_date",
                        "safety_concern");
    }

    @Test
    void the_form_offers_every_code_of_each_list() {
        Form form = InteractionLogForms.logForm(null);
        assertThat(options(form, "contact_type")).hasSize(Codes.ContactType.values().length);
        assertThat(options(form, "topics"))
                .hasSize(13)
                .contains("stress", "grief", "critical_incident", "other");
        assertThat(options(form, "duration")).containsExactly("lt_15", "15_30", "30_60", "gt_60");
        assertThat(options(form, "referrals")).startsWith("none").contains("eap", "crisis_line");
    }

    @Test
    void a_known_contact_type_is_preselected() {
        Form form = InteractionLogForms.logForm("proactive_check_in");
        assertThat(form.fields().get(0).initial()).containsExactly("proactive_check_in");
    }

    @Test
    void an_unknown_contact_type_is_refused() {
        assertThatThrownBy(() -> InteractionLogForms.logForm("chat")).hasMessageContaining("chat");
    }

    private static List<String> options(Form form, String id) {
        return form.fields().stream()
                .filter(f -> f.id().equals(id))
                .findFirst()
                .orElseThrow()
                .options()
                .stream()
                .map(Field.Option::value)
                .toList();
    }
}
