package org.tenfour.storage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The data inventory ({@code privacy/data-inventory.csv} on the class path): every column of every
 * product table (Quartz's and Flyway's aside), what it holds, whether it can identify a person or
 * holds text, why it is kept and when it goes. A test fails when a migration adds a column that is
 * not listed; the README's privacy model shows the same rows.
 */
public final class DataInventory {
    /** The inventory's place on the class path. */
    public static final String RESOURCE = "/privacy/data-inventory.csv";

    /** What a column can reveal. */
    public enum Kind {
        /** identifies a person (an id, a platform id, a name, an address) */
        PERSON,
        /** points at a row that identifies a person, or a keyed hash made from a person's id */
        LINK,
        /** text written by a person or the bot */
        TEXT,
        /** neither */
        NONE;

        static Kind of(String value) {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        }
    }

    /** One column. */
    public record Entry(
            String table, String column, Kind kind, String what, String why, String until) {
        public Entry {
            Objects.requireNonNull(table, "null table");
            Objects.requireNonNull(column, "null column");
            Objects.requireNonNull(kind, "null kind");
            if (what.isBlank() || why.isBlank() || until.isBlank()) {
                throw new IllegalArgumentException(
                        "inventory entry "
                                + table
                                + "."
                                + column
                                + " must say what, why and until when");
            }
        }
    }

    private DataInventory() {}

    /** Every entry, in file order. */
    public static List<Entry> read() {
        try (InputStream in = DataInventory.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no " + RESOURCE + " on the class path");
            }
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Entry> entries = new ArrayList<>();
            String line = reader.readLine(); // header
            int n = 1;
            while ((line = reader.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = fields(line);
                if (f.size() != 6) {
                    throw new IllegalStateException(
                            RESOURCE + " line " + n + ": 6 fields expected, found " + f.size());
                }
                entries.add(
                        new Entry(
                                f.get(0),
                                f.get(1),
                                Kind.of(f.get(2)),
                                f.get(3),
                                f.get(4),
                                f.get(5)));
            }
            return List.copyOf(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Comma-separated fields; a field in double quotes may hold commas ("" is a quote). */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }
}
