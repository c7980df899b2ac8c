package org.tenfour.storage;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * An enum stored as its lower-case name ({@code IN_PERSON} as {@code in_person}), the words the
 * schema's check constraints and SQL name. JDBI binds and reads such enums through {@link
 * StoredWords}.
 */
public interface StoredWord {
    /** The word stored in the database. */
    default String word() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT);
    }

    /** The constant stored as {@code word}, if any (exact, lower-case). */
    static <E extends Enum<E> & StoredWord> Optional<E> parse(Class<E> type, String word) {
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.word().equals(word))
                .findFirst();
    }
}
