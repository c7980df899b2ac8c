package org.tenfour.storage;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.config.JdbiConfig;

/**
 * Keyed hashes for references that must not name a person in the database (outbox keys, follow-up
 * reminders): HMAC-SHA256 under a key the bot derives from {@code TENFOUR_SECRET_KEY}, carried by
 * the {@code Jdbi} as configuration so that every handle can compute them. Without the key, a
 * database administrator can neither reverse a hash nor compute one for a guessed member id.
 *
 * <pre>{@code
 * jdbi.getConfig(KeyedHashes.class).useKey(masterKey.derive("keyed-hashes"));
 * String key = handle.getConfig(KeyedHashes.class).of("outbox", agencyId, "welcome:" + memberId);
 * }</pre>
 *
 * <p>Until a key is set, a random key of this process is used: hashes then agree within one JVM
 * only (tests); the product always sets the derived key, which replicas share.
 */
public final class KeyedHashes implements JdbiConfig<KeyedHashes> {
    private static final int MIN_KEY_BYTES = 32;
    private static final byte[] PROCESS_KEY = random();

    private byte[] key = PROCESS_KEY;

    public KeyedHashes() {}

    private KeyedHashes(KeyedHashes other) {
        this.key = other.key;
    }

    /** Uses {@code key} (at least 32 bytes) from now on. */
    public KeyedHashes useKey(byte[] key) {
        Objects.requireNonNull(key, "null key");
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException(
                    "keyed-hash key must have at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = key.clone();
        return this;
    }

    /** Hex HMAC-SHA256 (128 bits) of {@code value} for {@code purpose} within the agency. */
    public String of(String purpose, UUID agencyId, String value) {
        Objects.requireNonNull(purpose, "null purpose");
        Objects.requireNonNull(agencyId, "null agencyId");
        Objects.requireNonNull(value, "null value");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest =
                    mac.doFinal(
                            (purpose + '\u0000' + agencyId + '\u0000' + value)
                                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public KeyedHashes createCopy() {
        return new KeyedHashes(this);
    }

    private static byte[] random() {
        byte[] b = new byte[MIN_KEY_BYTES];
        new SecureRandom().nextBytes(b);
        return b;
    }
}
