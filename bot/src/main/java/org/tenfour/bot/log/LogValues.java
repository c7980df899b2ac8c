package org.tenfour.bot.log;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tenfour.storage.LogEntry;

/** A stored log turned back into form values, to pre-fill the correction form. */
final class LogValues {
    private LogValues() {}

    /** {@code followUp}: the day of the log's reminder, if it has one. */
    static Map<String, List<String>> of(LogEntry e, LocalDate followUp) {
        Map<String, List<String>> v = new LinkedHashMap<>();
        v.put(InteractionLogForms.CONTACT_TYPE, List.of(e.contactType()));
        v.put(InteractionLogForms.TOPICS, e.topicCodes());
        v.put(InteractionLogForms.DURATION, List.of(e.durationBand()));
        v.put(InteractionLogForms.REFERRALS, e.referralCodes());
        v.put(InteractionLogForms.FOLLOW_UP, List.of(String.valueOf(e.followUp())));
        if (followUp != null) {
            v.put(InteractionLogForms.FOLLOW_UP_DATE, List.of(followUp.toString()));
        }
        v.put(InteractionLogForms.SAFETY, List.of(String.valueOf(e.safetyConcern())));
        return v;
    }
}
