package org.tenfour.bot.log;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds log-form submissions for tests: a valid one by default, changed field by field. */
final class LogForm {
    private final Map<String, List<String>> values = new HashMap<>();

    static LogForm valid() {
        LogForm f = new LogForm();
        f.values.put(InteractionLogForms.CONTACT_TYPE, List.of("member_request"));
        f.values.put(InteractionLogForms.TOPICS, List.of("stress", "sleep"));
        f.values.put(InteractionLogForms.DURATION, List.of("15_30"));
        f.values.put(InteractionLogForms.REFERRALS, List.of("none"));
        return f;
    }

    LogForm with(String field, String... v) {
        values.put(field, List.of(v));
        return this;
    }

    LogForm without(String field) {
        values.remove(field);
        return this;
    }

    Map<String, List<String>> values() {
        return Map.copyOf(values);
    }
}
