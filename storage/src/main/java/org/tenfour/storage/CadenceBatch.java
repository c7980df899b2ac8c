package org.tenfour.storage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Check-ins of one cadence slot planned in one statement ({@link CheckIns#scheduleCadence}), each
 * with its message (outbox kind {@code check_in}, ref the check-in). Messages differ only by the
 * check-in id: each row names one of the {@code templates}, whose every {@code placeholder} the
 * statement replaces by the row's check-in id, so a message shared by many rows is serialised once.
 *
 * @param slotKey the cadence slot ({@code cadence:7:2968}): one check-in per member and slot
 * @param placeholder the text in a template that stands for the check-in's id
 * @param templates message JSON, with placeholders
 * @param rows one check-in each
 */
public record CadenceBatch(
        String slotKey, String placeholder, List<String> templates, List<Row> rows) {

    /**
     * One member's check-in.
     *
     * @param checkInId the new check-in's id, chosen before the insert so that its outbox key is
     *     known
     * @param key the outbox key of its message (a keyed hash)
     * @param peerId the peer it is on behalf of, or null
     * @param targetJson where the message goes (an address as JSON)
     * @param template the index of its message in the batch's templates
     */
    public record Row(
            UUID checkInId,
            String key,
            UUID memberId,
            UUID peerId,
            Instant dueAt,
            String targetJson,
            int template) {
        public Row {
            Objects.requireNonNull(checkInId, "null checkInId");
            Objects.requireNonNull(key, "null key");
            Objects.requireNonNull(memberId, "null memberId");
            Objects.requireNonNull(dueAt, "null dueAt");
            Objects.requireNonNull(targetJson, "null targetJson");
        }
    }

    public CadenceBatch {
        Objects.requireNonNull(slotKey, "null slotKey");
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

    public UUID[] checkInIds() {
        return rows.stream().map(Row::checkInId).toArray(UUID[]::new);
    }

    public String[] keys() {
        return rows.stream().map(Row::key).toArray(String[]::new);
    }

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
