package org.tenfour.bot.log;

import java.util.UUID;

/**
 * Port: the secret key under which an agency's peer pseudonyms are computed. The product derives or
 * stores one key per agency (never in the log tables); different agencies must get different keys,
 * so the same person's pseudonyms cannot be matched across agencies.
 */
@FunctionalInterface
public interface PseudonymKeys {
    /** At least 32 bytes of key for the agency; the same bytes every time. */
    byte[] keyFor(UUID agencyId);
}
