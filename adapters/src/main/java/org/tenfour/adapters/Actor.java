package org.tenfour.adapters;

import java.util.Objects;

/**
 * Who did something on a platform. Authorisation is decided in the domain from the actor's roles,
 * not here; {@code platformAdmin} only reports what the platform said (Slack workspace admin).
 *
 * @param address the person, as a user address (its Teams conversation reference when known)
 * @param platformAdmin whether the platform reports the user as a workspace/team admin
 */
public record Actor(Address address, boolean platformAdmin) {
    public Actor {
        Objects.requireNonNull(address, "null address");
        if (address.kind() != Address.Kind.USER) {
            throw new IllegalArgumentException("actor must be a user address: " + address.kind());
        }
    }
}
