package org.tenfour.storage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for secrets kept in the database (platform bot tokens), under the master key's {@link
 * KeyDerivation#TOKEN_ENCRYPTION} subkey. Every ciphertext starts with a version byte and the id of
 * the master key that sealed it, then a random 12-byte nonce; the header and a context (the
 * workspace id) are authenticated, so any change to the stored bytes makes {@link #decrypt} fail.
 *
 * <p>Ciphertexts written before key ids existed (nonce first, sealed with the raw master key) still
 * decrypt; {@link #needsResealing} tells which rows to re-encrypt. During a key rotation the cipher
 * knows the old keys too ({@link #withPrevious}): it reads under any of them and writes under the
 * new one only.
 *
 * <pre>{@code
 * SecretCipher cipher = SecretCipher.fromMasterKey(master);
 * byte[] sealed = cipher.encrypt("xoxb-...", "T123");
 * String token = cipher.decrypt(sealed, "T123");
 * }</pre>
 */
public final class SecretCipher {
    /** The environment variable that holds the key: 32 random bytes, base64. */
    public static final String KEY_VARIABLE = "TENFOUR_SECRET_KEY";

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final byte VERSION = 2;
    private static final int KEY_ID_BYTES = 4;
    private static final int HEADER_BYTES = 1 + KEY_ID_BYTES;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;

    /** One master key's material: its id, its token subkey, and the raw key for old ciphertexts. */
    // compared by identity (which key sealed it), never by value: the array needs no equals
    @SuppressWarnings("ArrayRecordComponent")
    private record Keys(byte[] id, SecretKeySpec tokens, SecretKeySpec legacy) {}

    private final Keys current;
    private final List<Keys> previous;
    private final SecureRandom random = new SecureRandom();

    private SecretCipher(Keys current, List<Keys> previous) {
        this.current = current;
        this.previous = List.copyOf(previous);
    }

    /** The cipher for a 32-byte master key. */
    public static SecretCipher fromMasterKey(byte[] masterKey) {
        return new SecretCipher(keys(masterKey), List.of());
    }

    private static Keys keys(byte[] masterKey) {
        if (masterKey == null || masterKey.length != KEY_BYTES) {
            throw new IllegalArgumentException(
                    KEY_VARIABLE
                            + " must decode to 32 bytes, not "
                            + (masterKey == null ? 0 : masterKey.length));
        }
        KeyDerivation derivation = new KeyDerivation(masterKey);
        return new Keys(
                HexFormat.of().parseHex(derivation.keyId()),
                new SecretKeySpec(derivation.subkey(KeyDerivation.TOKEN_ENCRYPTION), "AES"),
                new SecretKeySpec(masterKey.clone(), "AES"));
    }

    /**
     * Builds the cipher from a base64 32-byte key; the message on a bad key never shows the key.
     */
    public static SecretCipher fromBase64(String base64Key) {
        return fromMasterKey(decode(base64Key));
    }

    private static byte[] decode(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalArgumentException(
                    KEY_VARIABLE + " is not set: give 32 random bytes in base64");
        }
        try {
            return Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(KEY_VARIABLE + " is not valid base64", null);
        }
    }

    /**
     * The same cipher that can also read what {@code older} master keys sealed (a rotation in
     * progress, or one interrupted); it still writes under its own key only.
     */
    public SecretCipher withPrevious(List<byte[]> older) {
        List<Keys> all = new ArrayList<>(previous);
        for (byte[] key : older) {
            all.add(keys(key));
        }
        return new SecretCipher(current, all);
    }

    /**
     * A fresh random key in the form {@link #fromBase64} reads (for set-up instructions and tests).
     */
    public static String newKey() {
        byte[] raw = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }

    /** The id of the master key this cipher writes under (in every ciphertext's header). */
    public String keyId() {
        return HexFormat.of().formatHex(current.id());
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
        byte[] header = ByteBuffer.allocate(HEADER_BYTES).put(VERSION).put(current.id()).array();
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(
                    Cipher.ENCRYPT_MODE, current.tokens(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(header);
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(HEADER_BYTES + NONCE_BYTES + sealed.length)
                    .put(header)
                    .put(nonce)
                    .put(sealed)
                    .array();
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
        byte[] aad = context.getBytes(StandardCharsets.UTF_8);
        Keys keys = sealer(sealed);
        GeneralSecurityException failure = null;
        if (keys != null) {
            try {
                return open(keys.tokens(), sealed, HEADER_BYTES, aad);
            } catch (GeneralSecurityException e) {
                failure = e;
            }
        }
        // written before key ids: nonce first, under a raw master key (GCM refuses a wrong one)
        for (Keys k : all()) {
            try {
                return open(k.legacy(), sealed, 0, aad);
            } catch (GeneralSecurityException e) {
                failure = failure == null ? e : failure;
            }
        }
        throw new StorageException(
                "cannot decrypt a secret: wrong " + KEY_VARIABLE + " or tampered data", failure);
    }

    /**
     * Whether {@code sealed} should be re-encrypted: written before key ids, or under another key.
     */
    @SuppressWarnings("ReferenceEquality") // which of the two key sets, not equal contents
    public boolean needsResealing(byte[] sealed) {
        return sealer(sealed) != current;
    }

    /** The known key named in {@code sealed}'s header, or null (old format or unknown key). */
    private Keys sealer(byte[] sealed) {
        if (sealed.length < HEADER_BYTES + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            return null;
        }
        for (Keys k : all()) {
            if (Arrays.equals(sealed, 1, HEADER_BYTES, k.id(), 0, KEY_ID_BYTES)) {
                return k;
            }
        }
        return null;
    }

    private List<Keys> all() {
        List<Keys> all = new ArrayList<>(previous.size() + 1);
        all.add(current);
        all.addAll(previous);
        return all;
    }

    private static String open(SecretKeySpec key, byte[] sealed, int offset, byte[] context)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(
                Cipher.DECRYPT_MODE,
                key,
                new GCMParameterSpec(TAG_BITS, sealed, offset, NONCE_BYTES));
        if (offset > 0) {
            cipher.updateAAD(sealed, 0, offset);
        }
        cipher.updateAAD(context);
        byte[] plain =
                cipher.doFinal(sealed, offset + NONCE_BYTES, sealed.length - offset - NONCE_BYTES);
        return new String(plain, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "SecretCipher[AES-256-GCM, key " + keyId() + "]";
    }
}
