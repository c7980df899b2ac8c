package org.tenfour.bot.log;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tenfour.adapters.Field;
import org.tenfour.adapters.Form;
import org.tenfour.bot.log.Codes.ContactType;
import org.tenfour.bot.log.Codes.DurationBand;
import org.tenfour.bot.log.Codes.Referral;
import org.tenfour.bot.log.Codes.Topic;

/**
 * The quick log form: choices only, no free text, done in about five clicks (type, topic, duration,
 * referral, save). Form id {@value #FORM_ID}; the field ids below are the keys of the submission.
 */
public final class InteractionLogForms {
    public static final String FORM_ID = "log";
    public static final String CONTACT_TYPE = "contact_type";
    public static final String TOPICS = "topics";
    public static final String DURATION = "duration";
    public static final String REFERRALS = "referrals";
    public static final String FOLLOW_UP = "follow_up";
    public static final String FOLLOW_UP_DATE = "follow_up_date";
    public static final String SAFETY = "safety_concern";

    private InteractionLogForms() {}

    /**
     * The log form, with the contact type pre-selected when the caller knows it (e.g. {@code
     * proactive_check_in} after a check-in answer); null or blank leaves it open.
     */
    public static Form logForm(String prefilledContactType) {
        return withValues(
                prefilledContactType == null || prefilledContactType.isBlank()
                        ? Map.of()
                        : Map.of(CONTACT_TYPE, List.of(requireKnown(prefilledContactType))),
                "");
    }

    /**
     * The log form under another form id, with {@code extra} fields before the log's own, the
     * values pre-filled and {@code context} echoed back (a log for a feature that needs more than
     * the log).
     */
    public static Form extended(
            String formId, List<Field> extra, Map<String, List<String>> values, String context) {
        Form log = withValues(values, context);
        List<Field> fields = new ArrayList<>();
        for (Field f : extra) {
            fields.add(values.containsKey(f.id()) ? f.withInitial(values.get(f.id())) : f);
        }
        fields.addAll(log.fields());
        return new Form(formId, log.title(), log.submitLabel(), fields, context);
    }

    /**
     * The form again with a submission's values pre-filled (to show errors, or to correct a log).
     */
    static Form withValues(Map<String, List<String>> values, String context) {
        List<Field> fields =
                List.of(
                        Field.choice(
                                CONTACT_TYPE,
                                "Type of contact",
                                Codes.options(ContactType.class),
                                true),
                        Field.multiChoice(TOPICS, "Topics", Codes.options(Topic.class), true),
                        Field.choice(DURATION, "Duration", Codes.options(DurationBand.class), true),
                        Field.multiChoice(
                                        REFERRALS,
                                        "Referral made",
                                        Codes.options(Referral.class),
                                        true)
                                .withInitial(List.of(Referral.NONE.code())),
                        new Field(
                                FOLLOW_UP,
                                "Follow-up needed",
                                Field.Type.BOOLEAN,
                                List.of(),
                                false,
                                List.of()),
                        new Field(
                                FOLLOW_UP_DATE,
                                "Follow-up date",
                                Field.Type.DATE,
                                List.of(),
                                false,
                                List.of()),
                        new Field(
                                SAFETY,
                                "Safety concern raised",
                                Field.Type.BOOLEAN,
                                List.of(),
                                false,
                                List.of()));
        List<Field> filled =
                fields.stream()
                        .map(
                                f ->
                                        values.containsKey(f.id())
                                                ? f.withInitial(values.get(f.id()))
                                                : f)
                        .toList();
        return new Form(FORM_ID, "Log a contact", "Save", filled, context);
    }

    private static String requireKnown(String contactType) {
        return Codes.byCode(ContactType.class, contactType)
                .map(ContactType::code)
                .orElseThrow(
                        () -> new IllegalArgumentException("unknown contact type: " + contactType));
    }
}
