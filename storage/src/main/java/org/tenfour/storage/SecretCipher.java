package org.tenfour.storage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for secrets kept in the database (platform bot tokens): a random 12-byte nonce is
 * prepended to the ciphertext, and any change to the stored bytes makes {@link #decrypt} fail.
 *
 * <pre>{@code
 * SecretCipher cipher = SecretCipher.fromBase64(System.getenv(SecretCipher.KEY_VARIABLE));
 * byte[] sealed = cipher.encrypt("xoxb-...");
 * String token = cipher.decrypt(sealed);
 * }</pre>
 */
public final class SecretCipher {
    /** The environment variable that holds the key: 32 random bytes, base64. */
    public static final String KEY_VARIABLE = "TENFOUR_SECRET_KEY";

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    private SecretCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /**
     * Builds the cipher from a base64 32-byte key; the message on a bad key never shows the key.
     */
    public static SecretCipher fromBase64(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalArgumentException(
                    KEY_VARIABLE + " is not set: give 32 random bytes in base64");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(KEY_VARIABLE + " is not valid base64", null);
        }
        if (raw.length != KEY_BYTES) {
            throw new IllegalArgumentException(
                    KEY_VARIABLE + " must decode to 32 bytes, not " + raw.length);
        }
        return new SecretCipher(raw);
    }

    /**
     * A fresh random key in the form {@link #fromBase64} reads (for set-up instructions and tests).
     */
    public static String newKey() {
        byte[] raw = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }

    /** Encrypts {@code plain}; each call uses a new nonce, so equal inputs give different bytes. */
    public byte[] encrypt(String plain) {
        return encrypt(plain, "");
    }

    /**
     * Encrypts {@code plain} bound to {@code context} (e.g. the workspace id): the bytes then only
     * decrypt with the same context, so a ciphertext copied to another row is refused.
     */
    public byte[] encrypt(String plain, String context) {
        Objects.requireNonNull(plain, "null plain");
        Objects.requireNonNull(context, "null context");
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Decrypts what {@link #encrypt(String)} produced; fails on a wrong key or changed bytes. */
    public String decrypt(byte[] sealed) {
        return decrypt(sealed, "");
    }

    /** Decrypts what {@link #encrypt(String, String)} produced with the same context. */
    public String decrypt(byte[] sealed, String context) {
        Objects.requireNonNull(sealed, "null sealed");
        Objects.requireNonNull(context, "null context");
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new StorageException(
                    "cannot decrypt a secret: too short to be AES-GCM output", null);
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    key,
                    new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new StorageException(
                    "cannot decrypt a secret: wrong " + KEY_VARIABLE + " or tampered data", e);
        }
    }

    @Override
    public String toString() {
        return "SecretCipher[AES-256-GCM]";
    }
}
