package org.tenfour.bot.log;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.tenfour.adapters.Field;

/**
 * Every code list of the interaction log, in one place: stable machine codes (stored, exported)
 * with human labels (shown). Never rename a code; add a new one instead.
 */
public final class Codes {
    private Codes() {}

    /** A stable machine code with a human label. */
    public interface Coded {
        String code();

        String label();
    }

    /** How the contact came about. */
    public enum ContactType implements Coded {
        PROACTIVE_CHECK_IN("proactive_check_in", "Proactive check-in"),
        MEMBER_REQUEST("member_request", "Member request"),
        SUPERVISOR_REFERRAL("supervisor_referral", "Supervisor referral"),
        CRITICAL_INCIDENT("critical_incident_follow_up", "Critical-incident follow-up"),
        GROUP_DEBRIEF("group_debrief", "Group debrief"),
        FOLLOW_UP("follow_up_contact", "Follow-up contact");

        private final String code;
        private final String label;

        ContactType(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** What the contact was about (several may apply). */
    public enum Topic implements Coded {
        STRESS("stress", "Stress / anxiety"),
        GRIEF("grief", "Grief / loss"),
        RELATIONSHIP("relationship", "Relationship / marital"),
        FAMILY("family", "Family / child"),
        SUBSTANCE("substance", "Alcohol / substance"),
        CRITICAL_INCIDENT("critical_incident", "Critical incident / post-shooting trauma"),
        WORKPLACE("workplace", "Workplace issue"),
        HEALTH("health", "Physical health / injury"),
        FINANCIAL("financial", "Financial"),
        LEGAL("legal", "Legal / arrest"),
        VETERAN("veteran", "Veteran / deployment"),
        SLEEP("sleep", "Sleep / fatigue"),
        OTHER("other", "Other");

        private final String code;
        private final String label;

        Topic(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** How long the contact lasted, in bands (never minutes). */
    public enum DurationBand implements Coded {
        UNDER_15("lt_15", "Under 15 min"),
        FROM_15_TO_30("15_30", "15–30 min"),
        FROM_30_TO_60("30_60", "30–60 min"),
        OVER_60("gt_60", "Over 60 min");

        private final String code;
        private final String label;

        DurationBand(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** Where the peer referred the member, if anywhere; {@code none} stands alone. */
    public enum Referral implements Coded {
        NONE("none", "None"),
        EAP("eap", "EAP / behavioural health"),
        CLINICIAN("clinician", "Counsellor / clinician"),
        CHAPLAIN("chaplain", "Chaplain"),
        MEDICAL("medical", "Medical"),
        CRISIS_LINE("crisis_line", "Crisis line"),
        OTHER("other", "Other");

        private final String code;
        private final String label;

        Referral(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** The constant with this code, if any. */
    public static <E extends Enum<E> & Coded> Optional<E> byCode(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.code().equals(code))
                .findFirst();
    }

    /** The label of a code, or the code itself if unknown (a retired code in old rows). */
    public static <E extends Enum<E> & Coded> String label(Class<E> type, String code) {
        return byCode(type, code).map(Coded::label).orElse(code);
    }

    /** The constants as form options, in declaration order. */
    public static <E extends Enum<E> & Coded> List<Field.Option> options(Class<E> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(e -> new Field.Option(e.code(), e.label()))
                .toList();
    }
}
