package org.tenfour.adapters.slack;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.datePicker;
import static com.slack.api.model.block.element.BlockElements.multiStaticSelect;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.radioButtons;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import java.util.List;
import org.tenfour.adapters.Field;
import org.tenfour.adapters.Form;

/**
 * Renders a neutral {@link Form} as a Slack modal: one input block per field, block id and action
 * id both the field id, so that {@code view.state.values[fieldId]} holds the answer.
 */
final class ModalForms {
    /** Up to this many options render as radio buttons, more as a drop-down. */
    static final int RADIO_MAX = 5;

    /** Up to this many options render as checkboxes, more as a multi-select. */
    static final int CHECKBOX_MAX = 10;

    static final String BOOLEAN_VALUE = "true";

    private ModalForms() {}

    static View modal(Form form) {
        List<LayoutBlock> blocks = form.fields().stream().map(ModalForms::inputBlock).toList();
        return view(
                v ->
                        v.type("modal")
                                .callbackId(form.formId())
                                .privateMetadata(form.context())
                                .title(viewTitle(t -> t.type("plain_text").text(form.title())))
                                .submit(
                                        viewSubmit(
                                                s ->
                                                        s.type("plain_text")
                                                                .text(
                                                                        limit(
                                                                                form.submitLabel(),
                                                                                24))))
                                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                                .blocks(blocks));
    }

    private static LayoutBlock inputBlock(Field f) {
        BlockElement element = element(f);
        return input(
                i ->
                        i.blockId(f.id())
                                .label(plainText(limit(f.label(), 2000)))
                                .optional(!f.required())
                                .element(element));
    }

    private static BlockElement element(Field f) {
        List<OptionObject> options =
                f.options().stream()
                        .map(o -> option(plainText(limit(o.label(), 75)), o.value()))
                        .toList();
        List<OptionObject> initial =
                options.stream().filter(o -> f.initial().contains(o.getValue())).toList();
        OptionObject first = initial.isEmpty() ? null : initial.get(0);
        String id = f.id();
        return switch (f.type()) {
            case SINGLE_CHOICE ->
                    options.size() <= RADIO_MAX
                            ? radioButtons(
                                    e -> e.actionId(id).options(options).initialOption(first))
                            : staticSelect(
                                    e ->
                                            e.actionId(id)
                                                    .options(options)
                                                    .initialOption(first)
                                                    .placeholder(plainText("Choose")));
            case MULTI_CHOICE ->
                    options.size() <= CHECKBOX_MAX
                            ? checkboxes(
                                    e ->
                                            e.actionId(id)
                                                    .options(options)
                                                    .initialOptions(nullIfEmpty(initial)))
                            : multiStaticSelect(
                                    e ->
                                            e.actionId(id)
                                                    .options(options)
                                                    .initialOptions(nullIfEmpty(initial))
                                                    .placeholder(plainText("Choose")));
            case BOOLEAN -> {
                OptionObject yes = option(plainText(limit(f.label(), 75)), BOOLEAN_VALUE);
                boolean on = f.initial().contains(BOOLEAN_VALUE);
                yield checkboxes(
                        e ->
                                e.actionId(id)
                                        .options(List.of(yes))
                                        .initialOptions(on ? List.of(yes) : null));
            }
            case DATE ->
                    datePicker(
                            e ->
                                    e.actionId(id)
                                            .initialDate(
                                                    f.initial().isEmpty()
                                                            ? null
                                                            : f.initial().get(0)));
            case SHORT_TEXT ->
                    plainTextInput(
                            e ->
                                    e.actionId(id)
                                            .initialValue(
                                                    f.initial().isEmpty()
                                                            ? null
                                                            : f.initial().get(0)));
        };
    }

    private static <T> List<T> nullIfEmpty(List<T> list) {
        return list.isEmpty() ? null : list;
    }

    private static String limit(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
