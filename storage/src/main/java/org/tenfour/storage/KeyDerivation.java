package org.tenfour.storage;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF-SHA256 (RFC 5869) over the master key: one independent 32-byte subkey per named purpose, so
 * that no two uses ever share a key and none uses the master key itself. The master key's id (for
 * ciphertext headers) is derived the same way and reveals nothing about the key.
 *
 * <pre>{@code
 * KeyDerivation keys = new KeyDerivation(master);
 * byte[] tokens = keys.subkey(KeyDerivation.TOKEN_ENCRYPTION);
 * byte[] hashes = keys.subkey("keyed-hashes");
 * }</pre>
 */
public final class KeyDerivation {
    /** Encrypts platform tokens at rest ({@link SecretCipher}). */
    public static final String TOKEN_ENCRYPTION = "token-encryption";

    /** Per-agency peer pseudonyms (the agency id is appended). */
    public static final String PSEUDONYMS = "pseudonyms";

    /** Keyed hashes (outbox keys, follow-up reminder tags; see {@code KeyedHashes}). */
    public static final String KEYED_HASHES = "keyed-hashes";

    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] SALT = "TenFour HKDF salt v1".getBytes(StandardCharsets.US_ASCII);
    private static final int LENGTH = 32;

    private final byte[] pseudoRandomKey;

    /** Derivation from a master key of at least 32 bytes. */
    public KeyDerivation(byte[] masterKey) {
        Objects.requireNonNull(masterKey, "null masterKey");
        if (masterKey.length < LENGTH) {
            throw new IllegalArgumentException(
                    "the master key must be at least 32 bytes, not " + masterKey.length);
        }
        this.pseudoRandomKey = hmac(SALT, masterKey);
    }

    /** HKDF-SHA256 with a 32-byte output: Extract(salt, ikm), then Expand(info). */
    static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info) {
        return expand(hmac(salt, ikm), info);
    }

    private static byte[] expand(byte[] prk, byte[] info) {
        // HKDF-Expand with L = 32 is one block: T(1) = HMAC(PRK, info || 0x01)
        byte[] input = new byte[info.length + 1];
        System.arraycopy(info, 0, input, 0, info.length);
        input[info.length] = 1;
        return hmac(prk, input);
    }

    /**
     * The 32-byte subkey for {@code purpose} (a short, stable name such as {@code keyed-hashes}).
     */
    public byte[] subkey(String purpose) {
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("a subkey needs a purpose");
        }
        return expand(pseudoRandomKey, purpose.getBytes(StandardCharsets.UTF_8));
    }

    /** Eight hex characters naming the master key in ciphertexts (not secret, not reversible). */
    public String keyId() {
        return HexFormat.of().formatHex(subkey("key-id"), 0, 4);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
