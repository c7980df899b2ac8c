package org.tenfour.bot.log;

import static org.tenfour.bot.log.InteractionLogForms.CONTACT_TYPE;
import static org.tenfour.bot.log.InteractionLogForms.DURATION;
import static org.tenfour.bot.log.InteractionLogForms.FOLLOW_UP;
import static org.tenfour.bot.log.InteractionLogForms.FOLLOW_UP_DATE;
import static org.tenfour.bot.log.InteractionLogForms.REFERRALS;
import static org.tenfour.bot.log.InteractionLogForms.SAFETY;
import static org.tenfour.bot.log.InteractionLogForms.TOPICS;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.tenfour.bot.log.Codes.Coded;
import org.tenfour.bot.log.Codes.ContactType;
import org.tenfour.bot.log.Codes.DurationBand;
import org.tenfour.bot.log.Codes.Referral;
import org.tenfour.bot.log.Codes.Topic;
import org.tenfour.storage.LogCodes;

/** Turns a submission of the log form into codes, or into messages shown next to the fields. */
final class LogValidation {
    static final int MAX_FOLLOW_UP_DAYS = 90;

    /** Either codes (valid) or errors by field id (invalid). */
    record Result(LogCodes codes, Map<String, String> errors) {
        boolean valid() {
            return errors.isEmpty();
        }
    }

    private final Map<String, List<String>> values;
    private final LocalDate today;
    private final Map<String, String> errors = new LinkedHashMap<>();

    private LogValidation(Map<String, List<String>> values, LocalDate today) {
        this.values = values;
        this.today = today;
    }

    /** Validates against the peer's today (their own calendar day). */
    static Result validate(Map<String, List<String>> values, LocalDate today) {
        return new LogValidation(values, today).run();
    }

    private Result run() {
        String type = single(CONTACT_TYPE, ContactType.class, "Choose the type of contact.");
        List<String> topics = multi(TOPICS, Topic.class, "Choose at least one topic.");
        String duration = single(DURATION, DurationBand.class, "Choose how long it took.");
        List<String> referrals = multi(REFERRALS, Referral.class, "Choose a referral, or None.");
        if (referrals.contains(Referral.NONE.code()) && referrals.size() > 1) {
            errors.put(REFERRALS, "“None” cannot be combined with a referral.");
        }
        LocalDate followUp = followUpDate();
        boolean safety = flag(SAFETY);
        if (!errors.isEmpty()) {
            return new Result(null, Map.copyOf(errors));
        }
        return new Result(
                new LogCodes(type, topics, duration, referrals, followUp, safety), Map.of());
    }

    private <E extends Enum<E> & Coded> String single(String field, Class<E> type, String missing) {
        List<String> given = given(field);
        if (given.isEmpty()) {
            errors.put(field, missing);
            return null;
        }
        if (given.size() > 1) {
            errors.put(field, "Choose only one.");
            return null;
        }
        return known(field, type, given.get(0));
    }

    private <E extends Enum<E> & Coded> List<String> multi(
            String field, Class<E> type, String missing) {
        List<String> given = List.copyOf(new LinkedHashSet<>(given(field)));
        if (given.isEmpty()) {
            errors.put(field, missing);
        }
        for (String code : given) {
            known(field, type, code);
        }
        return given;
    }

    private <E extends Enum<E> & Coded> String known(String field, Class<E> type, String code) {
        if (Codes.byCode(type, code).isEmpty()) {
            errors.put(field, "Not one of the choices: " + code);
            return null;
        }
        return code;
    }

    private LocalDate followUpDate() {
        boolean needed = flag(FOLLOW_UP);
        List<String> date = given(FOLLOW_UP_DATE);
        if (!needed) {
            if (!date.isEmpty()) {
                errors.put(FOLLOW_UP, "Tick “Follow-up needed”, or clear the follow-up date.");
            }
            return null;
        }
        if (date.isEmpty()) {
            errors.put(FOLLOW_UP_DATE, "Choose the day to follow up.");
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(date.get(0));
            if (day.isBefore(today)) {
                errors.put(FOLLOW_UP_DATE, "The follow-up date is in the past.");
            } else if (day.isAfter(today.plusDays(MAX_FOLLOW_UP_DAYS))) {
                errors.put(FOLLOW_UP_DATE, "Choose a day within " + MAX_FOLLOW_UP_DAYS + " days.");
            }
            return day;
        } catch (DateTimeParseException e) {
            errors.put(FOLLOW_UP_DATE, "Not a date.");
            return null;
        }
    }

    private boolean flag(String field) {
        List<String> v = given(field);
        return !v.isEmpty() && "true".equalsIgnoreCase(v.get(0));
    }

    private List<String> given(String field) {
        return values.getOrDefault(field, List.of()).stream()
                .filter(s -> s != null && !s.isBlank())
                .map(String::trim)
                .toList();
    }
}
