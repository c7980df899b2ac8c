package org.tenfour.bot.agency;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Duration;
import org.tenfour.storage.Urgency;

/**
 * How connection requests behave in an agency: how long a peer has to answer an offer by urgency,
 * how many peers are asked before the coordinators are paged, and how long closed requests keep who
 * was involved. Zero or absent values take the defaults, so older stored settings still read.
 *
 * @param offerMinutesNow an offer for "now" (default 10)
 * @param offerMinutesToday an offer for "today" (default 120)
 * @param offerMinutesWeek an offer for "this week" (default 1440)
 * @param maxCandidates peers asked before coordinators are paged (default 3)
 * @param retentionDays days after closing before identifying fields are purged (default 90)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConnectSettings(
        int offerMinutesNow,
        int offerMinutesToday,
        int offerMinutesWeek,
        int maxCandidates,
        int retentionDays) {
    public static final ConnectSettings DEFAULTS = new ConnectSettings(10, 120, 1440, 3, 90);

    @JsonCreator
    public ConnectSettings {
        offerMinutesNow = positiveOr(offerMinutesNow, 10, "offerMinutesNow");
        offerMinutesToday = positiveOr(offerMinutesToday, 120, "offerMinutesToday");
        offerMinutesWeek = positiveOr(offerMinutesWeek, 1440, "offerMinutesWeek");
        maxCandidates = positiveOr(maxCandidates, 3, "maxCandidates");
        retentionDays = positiveOr(retentionDays, 90, "retentionDays");
    }

    private static int positiveOr(int value, int fallback, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
        return value == 0 ? fallback : value;
    }

    /** How long a peer has to answer an offer of this urgency. */
    public Duration offerTimeout(Urgency urgency) {
        return Duration.ofMinutes(
                switch (urgency) {
                    case NOW -> offerMinutesNow;
                    case TODAY -> offerMinutesToday;
                    case WEEK -> offerMinutesWeek;
                });
    }

    /** How long closed requests keep who was involved. */
    public Duration retention() {
        return Duration.ofDays(retentionDays);
    }
}
