package org.tenfour.bot.resources;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** A resource's category, stored as its code; also which categories fit a topic or a referral. */
public enum Category {
    EAP("eap", "EAP / behavioural health"),
    CLINICIAN("clinician", "Counsellors and clinicians"),
    CHAPLAIN("chaplain", "Chaplains"),
    MEDICAL("medical", "Medical"),
    LEGAL("legal", "Legal"),
    FINANCIAL("financial", "Financial"),
    FAMILY("family", "Family"),
    SUBSTANCE("substance", "Alcohol and substance use"),
    OTHER("other", "Other");

    private final String code;
    private final String label;

    Category(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The value stored in {@code resource.category} and typed after {@code category:}. */
    public String code() {
        return code;
    }

    public String label() {
        return label;
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
