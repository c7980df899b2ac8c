package org.tenfour.adapters;

import java.util.Objects;

/**
 * Who did something on a platform. Authorisation is decided in the domain from the actor's roles,
 * not here; {@code platformAdmin} only reports what the platform said (Slack workspace admin).
 *
 * @param address the person, as a user address (its Teams conversation reference when known)
 * @param platformAdmin whether the platform reports the user as a workspace/team admin
 * @param displayName the name the platform showed with the event (Teams {@code from.name}), or null
 * @param locale the language the platform showed with the event (Teams {@code locale}), or null
 */
public record Actor(Address address, boolean platformAdmin, String displayName, String locale) {
    /** Longest name kept from an event; a longer one is ignored rather than cut. */
    public static final int MAX_NAME = 200;

    public Actor {
        Objects.requireNonNull(address, "null address");
        if (address.kind() != Address.Kind.USER) {
            throw new IllegalArgumentException("actor must be a user address: " + address.kind());
        }
        if (displayName != null) {
            displayName = displayName.strip();
            if (displayName.isEmpty() || displayName.length() > MAX_NAME) {
                displayName = null;
            }
        }
        // a locale tag is short ("es-419"); anything else is not one
        if (locale != null && (locale.isBlank() || locale.length() > 20)) {
            locale = null;
        }
    }

    /** An actor whose locale the event did not carry. */
    public Actor(Address address, boolean platformAdmin, String displayName) {
        this(address, platformAdmin, displayName, null);
    }

    /** An actor whose name the event did not carry. */
    public Actor(Address address, boolean platformAdmin) {
        this(address, platformAdmin, null);
    }

    /** Never the name: logs must not carry it. */
    @Override
    public String toString() {
        return "Actor[address=" + address + ", platformAdmin=" + platformAdmin + "]";
    }
}
