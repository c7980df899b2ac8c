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
 * <p>Labels may be long (renderers shorten them); what must survive a round trip is bounded so that
 * every form fits both a Slack modal (100 blocks, 100 options a select) and a Teams card (28 KB):
 * at most {@value #MAX_FIELDS} fields and {@value #MAX_OPTIONS} options in all, pre-filled values
 * of at most {@value #MAX_INITIAL} characters together, a context of at most {@value #MAX_CONTEXT}
 * characters.
 *
 * @param formId identifies the form to the product
 * @param title shown at the top (Slack limits it to 24 characters)
 * @param submitLabel the submit button's label
 * @param fields the inputs, in order
 * @param context opaque reference echoed back on submit (never personal content)
 */
public record Form(
        String formId, String title, String submitLabel, List<Field> fields, String context) {
    /** Fields a form may have. */
    public static final int MAX_FIELDS = 30;

    /** Options all choice fields of a form may offer together. */
    public static final int MAX_OPTIONS = 150;

    /** Characters of the context (Slack's private_metadata holds 3,000). */
    public static final int MAX_CONTEXT = 2_000;

    /** Characters all pre-filled values of a form may add up to. */
    public static final int MAX_INITIAL = 3_000;

    /** Characters of a form id (Slack's callback_id holds 255). */
    public static final int MAX_FORM_ID = 64;

    public Form {
        Address.requireText(formId, "formId");
        Address.requireText(title, "title");
        Address.requireText(submitLabel, "submitLabel");
        fields = List.copyOf(Objects.requireNonNull(fields, "null fields"));
        Objects.requireNonNull(context, "null context");
        Address.requireAtMost(formId, MAX_FORM_ID, "formId");
        Address.requireAtMost(context, MAX_CONTEXT, "form context");
        if (fields.size() > MAX_FIELDS) {
            throw new IllegalArgumentException(
                    "more than " + MAX_FIELDS + " fields: " + fields.size());
        }
        int initial =
                fields.stream().flatMap(f -> f.initial().stream()).mapToInt(String::length).sum();
        if (initial > MAX_INITIAL) {
            throw new IllegalArgumentException(
                    "pre-filled values longer than " + MAX_INITIAL + " characters together");
        }
        int options = fields.stream().mapToInt(f -> f.options().size()).sum();
        if (options > MAX_OPTIONS) {
            throw new IllegalArgumentException(
                    "more than " + MAX_OPTIONS + " options in one form: " + options);
        }
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
