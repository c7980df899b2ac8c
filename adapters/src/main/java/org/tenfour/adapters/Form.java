package org.tenfour.adapters;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A form described once and rendered per platform (Slack modal, Teams Adaptive Card, HTML).
 * Submissions come back as {@link InboundEvent.FormSubmitted} with the same {@code formId} and
 * {@code context}.
 *
 * <pre>{@code
 * new Form("log", "Log a contact", "Save", List.of(
 *     Field.choice("contact_type", "Contact type", options, true),
 *     Field.multiChoice("topics", "Topics", topicOptions, false)), "");
 * }</pre>
 *
 * @param formId identifies the form to the product
 * @param title shown at the top (Slack limits it to 24 characters)
 * @param submitLabel the submit button's label
 * @param fields the inputs, in order
 * @param context opaque reference echoed back on submit (never personal content)
 */
public record Form(
        String formId, String title, String submitLabel, List<Field> fields, String context) {

    public Form {
        Address.requireText(formId, "formId");
        Address.requireText(title, "title");
        Address.requireText(submitLabel, "submitLabel");
        fields = List.copyOf(Objects.requireNonNull(fields, "null fields"));
        Objects.requireNonNull(context, "null context");
        if (title.length() > 24) {
            throw new IllegalArgumentException("title longer than 24 characters: " + title);
        }
        var ids = new HashSet<String>();
        for (Field f : fields) {
            if (!ids.add(f.id())) {
                throw new IllegalArgumentException("duplicate field id: " + f.id());
            }
        }
    }
}
