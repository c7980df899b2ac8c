package org.tenfour.storage;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The coded content of one log, as the bot validated it: what {@link InteractionLogs} writes.
 *
 * @param followUpDate the peer's follow-up date, or null when no follow-up is needed
 */
public record LogCodes(
        String contactType,
        List<String> topicCodes,
        String durationBand,
        List<String> referralCodes,
        LocalDate followUpDate,
        boolean safetyConcern) {
    public LogCodes {
        Objects.requireNonNull(contactType, "null contactType");
        topicCodes = List.copyOf(Objects.requireNonNull(topicCodes, "null topicCodes"));
        Objects.requireNonNull(durationBand, "null durationBand");
        referralCodes = List.copyOf(Objects.requireNonNull(referralCodes, "null referralCodes"));
    }

    /** Whether a follow-up is planned (all the log itself keeps of it). */
    public boolean followUp() {
        return followUpDate != null;
    }

    /** The topic codes as a SQL array. */
    public String[] topicArray() {
        return topicCodes.toArray(String[]::new);
    }

    /** The referral codes as a SQL array. */
    public String[] referralArray() {
        return referralCodes.toArray(String[]::new);
    }
}
