package org.tenfour.bot.resources;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.tenfour.bot.words.Language;
import org.tenfour.bot.words.Words;

/** A resource's category, stored as its code; also which categories fit a topic or a referral. */
public enum Category {
    EAP("eap"),
    CLINICIAN("clinician"),
    CHAPLAIN("chaplain"),
    MEDICAL("medical"),
    LEGAL("legal"),
    FINANCIAL("financial"),
    FAMILY("family"),
    SUBSTANCE("substance"),
    OTHER("other");

    private final String code;

    Category(String code) {
        this.code = code;
    }

    /** The value stored in {@code resource.category} and typed after {@code category:}. */
    public String code() {
        return code;
    }

    /** Its name for peers and coordinators, who read English. */
    public String label() {
        return label(Words.in(Language.EN));
    }

    /** Its name in a member's language ({@code category.<code>} in the members' bundle). */
    public String label(Words words) {
        return words.get("category." + code);
    }

    /** The category with this code (any case). */
    public static Optional<Category> of(String code) {
        String c = code == null ? "" : code.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.code.equals(c)).findFirst();
    }

    /** Every code, for usage texts ({@code eap|clinician|…}). */
    public static String codes() {
        return String.join("|", Arrays.stream(values()).map(Category::code).toList());
    }

    /** What fits a request's topic code (none or unknown: the general help). */
    public static Set<Category> forTopic(String topic) {
        if (topic == null) {
            return EnumSet.of(EAP, CLINICIAN);
        }
        return switch (topic) {
            case "incident", "stress", "work" -> EnumSet.of(EAP, CLINICIAN);
            case "sleep" -> EnumSet.of(MEDICAL, EAP);
            case "family" -> EnumSet.of(FAMILY, CLINICIAN);
            case "grief" -> EnumSet.of(CHAPLAIN, CLINICIAN);
            case "substance" -> EnumSet.of(SUBSTANCE);
            default -> EnumSet.of(EAP, CLINICIAN);
        };
    }

    /** What fits a logged referral code ({@code none} and the crisis line: nothing more). */
    public static Set<Category> forReferral(String referral) {
        return switch (referral == null ? "" : referral) {
            case "eap" -> EnumSet.of(EAP);
            case "clinician" -> EnumSet.of(CLINICIAN);
            case "chaplain" -> EnumSet.of(CHAPLAIN);
            case "medical" -> EnumSet.of(MEDICAL);
            case "other" -> EnumSet.of(OTHER, LEGAL, FINANCIAL, FAMILY, SUBSTANCE);
            default -> EnumSet.noneOf(Category.class);
        };
    }
}
