package org.tenfour.bot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenfour.bot.log.PseudonymKeys;

/**
 * The product's master secret: {@code TENFOUR_SECRET_KEY}, or, on a single machine without it, a
 * random key created once in {@code TENFOUR_DATA_DIR/secret.key} (owner-only). Per-agency keys are
 * derived from it, so no agency key is ever stored.
 */
public final class MasterKey {
    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);
    private final byte[] key;

    private MasterKey(byte[] key) {
        this.key = key.clone();
    }

    /** The configured key, else the data directory's key file (created on first use). */
    public static MasterKey resolve(Settings settings) {
        if (settings.secretKey() != null) {
            return new MasterKey(settings.secretKey());
        }
        if (!settings.database().embedded()) {
            log.warn(
                    "{} is not set: using a key file in {}; replicas sharing a database must share {}",
                    Settings.SECRET_KEY,
                    settings.dataDir(),
                    Settings.SECRET_KEY);
        }
        return new MasterKey(keyFile(settings.dataDir().resolve("secret.key")));
    }

    private static byte[] keyFile(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            Files.createDirectories(file.getParent());
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            Files.writeString(
                    file, Base64.getEncoder().encodeToString(fresh), StandardOpenOption.CREATE_NEW);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            return fresh;
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(
                    Settings.SECRET_KEY,
                    "unset, and the key file " + file + " is unusable: " + e.getMessage());
        }
    }

    /**
     * A 32-byte key for {@code purpose}, derived with HMAC-SHA256 (different purposes never share
     * keys).
     */
    public byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Per-agency keys for peer pseudonyms. */
    public PseudonymKeys pseudonymKeys() {
        return (UUID agencyId) -> derive("pseudonym:" + agencyId);
    }
}
