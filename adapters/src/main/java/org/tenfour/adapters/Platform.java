package org.tenfour.adapters;

import java.util.Locale;

/** A chat platform TenFour can speak to. */
public enum Platform {
    SLACK,
    TEAMS,
    WEB;

    /** The lower-case name used in storage and URLs. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #id()}; fails with a message naming the bad value. */
    public static Platform fromId(String id) {
        for (Platform p : values()) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown platform: " + id);
    }
}
