package org.tenfour.bot.log;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tenfour.storage.LogEntry;

/** A stored log turned back into form values, to pre-fill the correction form. */
final class LogValues {
    private LogValues() {}

    static Map<String, List<String>> of(LogEntry e) {
        Map<String, List<String>> v = new LinkedHashMap<>();
        v.put(InteractionLogForms.CONTACT_TYPE, List.of(e.contactType()));
        v.put(InteractionLogForms.TOPICS, e.topicCodes());
        v.put(InteractionLogForms.DURATION, List.of(e.durationBand()));
        v.put(InteractionLogForms.REFERRALS, e.referralCodes());
        v.put(InteractionLogForms.FOLLOW_UP, List.of(String.valueOf(e.followUpDate() != null)));
        if (e.followUpDate() != null) {
            v.put(InteractionLogForms.FOLLOW_UP_DATE, List.of(e.followUpDate().toString()));
        }
        v.put(InteractionLogForms.SAFETY, List.of(String.valueOf(e.safetyConcern())));
        return v;
    }
}
