package org.tenfour.storage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One coded, de-identified interaction-log row: codes, a day, and a keyed pseudonym of the peer.
 * There is deliberately no member, peer or request id and no text; a follow-up is a yes/no (its day
 * is with the reminder, which cannot be joined back), and the timestamps are days.
 */
public record LogEntry(
        UUID id,
        UUID agencyId,
        LocalDate logDate,
        String contactType,
        List<String> topicCodes,
        String durationBand,
        List<String> referralCodes,
        boolean followUp,
        boolean safetyConcern,
        String peerPseudonym,
        Instant createdAt,
        Instant sealedAt) {
    public LogEntry {
        Objects.requireNonNull(id, "null id");
        Objects.requireNonNull(agencyId, "null agencyId");
        Objects.requireNonNull(logDate, "null logDate");
        Objects.requireNonNull(contactType, "null contactType");
        topicCodes = List.copyOf(Objects.requireNonNull(topicCodes, "null topicCodes"));
        Objects.requireNonNull(durationBand, "null durationBand");
        referralCodes = List.copyOf(Objects.requireNonNull(referralCodes, "null referralCodes"));
        Objects.requireNonNull(peerPseudonym, "null peerPseudonym");
        Objects.requireNonNull(sealedAt, "null sealedAt");
    }
}
