package org.tenfour.adapters.slack;

import com.slack.api.model.view.ViewState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a submitted modal's {@code view.state.values} back into values by field id, for every input
 * type {@link ModalForms} renders: option values for choices, {@code "true"} for a ticked boolean,
 * the ISO date, the text. An unanswered field gives an empty list.
 */
final class FormValues {
    private FormValues() {}

    static Map<String, List<String>> from(ViewState state) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (state == null || state.getValues() == null) {
            return values;
        }
        state.getValues()
                .forEach(
                        (blockId, actions) -> {
                            List<String> answer = new ArrayList<>();
                            if (actions != null) {
                                actions.values().forEach(v -> answer.addAll(read(v)));
                            }
                            values.put(blockId, List.copyOf(answer));
                        });
        return values;
    }

    private static List<String> read(ViewState.Value v) {
        if (v == null) {
            return List.of();
        }
        if (v.getSelectedOptions() != null) {
            return v.getSelectedOptions().stream().map(ViewState.SelectedOption::getValue).toList();
        }
        if (v.getSelectedOption() != null) {
            return List.of(v.getSelectedOption().getValue());
        }
        if (v.getSelectedDate() != null) {
            return List.of(v.getSelectedDate());
        }
        if (v.getValue() != null && !v.getValue().isBlank()) {
            return List.of(v.getValue().trim());
        }
        return List.of();
    }
}
