package org.tenfour.storage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Check-ins of one cadence slot planned in one statement ({@link CheckIns#scheduleCadence}), each
 * with its message. Messages differ only by the check-in id, unknown until inserted: each row names
 * one of the {@code templates}, whose every {@code placeholder} the statement replaces by the new
 * check-in's id, so a message shared by many rows is serialised once.
 *
 * @param slotKey the cadence slot ({@code cadence:7:2968}): one check-in per member and slot
 * @param keyPrefix the outbox key of a row's message is this plus the check-in's id
 * @param placeholder the text in a template that stands for the check-in's id
 * @param templates message JSON, with placeholders
 * @param rows one check-in each
 */
public record CadenceBatch(
        String slotKey,
        String keyPrefix,
        String placeholder,
        List<String> templates,
        List<Row> rows) {

    /**
     * One member's check-in.
     *
     * @param peerId the peer it is on behalf of, or null
     * @param targetJson where the message goes (an address as JSON)
     * @param template the index of its message in {@code templates}
     */
    public record Row(UUID memberId, UUID peerId, Instant dueAt, String targetJson, int template) {
        public Row {
            Objects.requireNonNull(memberId, "null memberId");
            Objects.requireNonNull(dueAt, "null dueAt");
            Objects.requireNonNull(targetJson, "null targetJson");
        }
    }

    public CadenceBatch {
        Objects.requireNonNull(slotKey, "null slotKey");
        Objects.requireNonNull(keyPrefix, "null keyPrefix");
        Objects.requireNonNull(placeholder, "null placeholder");
        templates = List.copyOf(templates);
        rows = List.copyOf(rows);
        for (Row r : rows) {
            if (r.template() < 0 || r.template() >= templates.size()) {
                throw new IllegalArgumentException(
                        "no template " + r.template() + " of " + templates.size());
            }
        }
    }

    // the columns as arrays, for the statement's unnest(...)

    public UUID[] memberIds() {
        return rows.stream().map(Row::memberId).toArray(UUID[]::new);
    }

    public UUID[] peerIds() {
        return rows.stream().map(Row::peerId).toArray(UUID[]::new);
    }

    public String[] dueAts() {
        return rows.stream().map(r -> r.dueAt().toString()).toArray(String[]::new);
    }

    public String[] targetJsons() {
        return rows.stream().map(Row::targetJson).toArray(String[]::new);
    }

    public int[] templateIndexes() {
        return rows.stream().mapToInt(Row::template).toArray();
    }

    public String[] templateArray() {
        return templates.toArray(String[]::new);
    }
}
