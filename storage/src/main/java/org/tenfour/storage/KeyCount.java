package org.tenfour.storage;

import java.util.Objects;

/** A count under a key (a code, a state, a pseudonym): one row of an aggregate query. */
public record KeyCount(String key, int count) {
    public KeyCount {
        Objects.requireNonNull(key, "null key");
        if (count < 0) {
            throw new IllegalArgumentException("negative count: " + count);
        }
    }
}
