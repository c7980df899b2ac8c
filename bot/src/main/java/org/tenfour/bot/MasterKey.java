package org.tenfour.bot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenfour.bot.log.PseudonymKeys;
import org.tenfour.storage.KeyDerivation;
import org.tenfour.storage.SecretCipher;

/**
 * The product's master secret: {@code TENFOUR_SECRET_KEY}, or, on a single machine without it, a
 * random key created once in {@code TENFOUR_DATA_DIR/secret.key} (owner-only from its first byte).
 * Nothing uses it directly: every use gets its own {@linkplain #subkey HKDF subkey} (token
 * encryption, pseudonyms, outbox keyed hashes, …), so no agency key is ever stored and no two
 * purposes share a key.
 *
 * <pre>{@code
 * MasterKey key = MasterKey.resolve(settings);
 * byte[] hashes = key.subkey(KeyDerivation.KEYED_HASHES);
 * }</pre>
 */
public final class MasterKey {
    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);
    static final String FILE = "secret.key";

    /**
     * Where {@code rotate-key} puts the new key before it re-encrypts (see {@link KeyRotation}).
     */
    static final String NEXT_FILE = "secret.key.next";

    private static final Set<PosixFilePermission> OWNER_ONLY =
            PosixFilePermissions.fromString("rw-------");

    private final byte[] key;
    private final KeyDerivation derivation;
    private final List<byte[]> alsoReadable;

    private MasterKey(byte[] key, List<byte[]> alsoReadable) {
        this.key = key.clone();
        this.derivation = new KeyDerivation(this.key);
        this.alsoReadable = List.copyOf(alsoReadable);
    }

    /** A master key from its 32 bytes. */
    static MasterKey of(byte[] key) {
        return new MasterKey(key, List.of());
    }

    /**
     * The configured key, else the data directory's key file (created on first use). A key that an
     * interrupted {@code rotate-key} left next to it is readable too (tokens name their key).
     */
    public static MasterKey resolve(Settings settings) {
        if (settings.secretKey() != null) {
            return of(settings.secretKey());
        }
        if (!settings.database().embedded()) {
            log.warn(
                    "{} is not set: using a key file in {}; replicas sharing a database must share {}",
                    Settings.SECRET_KEY,
                    settings.dataDir(),
                    Settings.SECRET_KEY);
        }
        Path file = settings.dataDir().resolve(FILE);
        Path next = settings.dataDir().resolve(NEXT_FILE);
        List<byte[]> pending = new ArrayList<>();
        if (Files.exists(next)) {
            pending.add(read(next));
        }
        return new MasterKey(keyFile(file), pending);
    }

    private static byte[] keyFile(Path file) {
        if (Files.exists(file)) {
            return read(file);
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        try {
            createOwnerOnly(file, fresh, false);
        } catch (FileAlreadyExistsException raced) {
            return read(file); // another process created it first: use theirs
        } catch (IOException e) {
            throw unusable(file, e);
        }
        return fresh;
    }

    /**
     * Writes {@code key} to {@code file} without a moment in which anyone else could read it: a
     * temporary file created owner-only, then linked (or, with {@code replace}, renamed) into place
     * atomically.
     */
    static void createOwnerOnly(Path file, byte[] key, boolean replace) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".secret-", ".tmp", ownerOnly());
        try {
            Files.writeString(
                    tmp, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
            if (replace) {
                Files.move(
                        tmp,
                        file,
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } else {
                try {
                    Files.createLink(file, tmp); // fails if the file exists: never overwrites a key
                } catch (UnsupportedOperationException noLinks) {
                    Files.move(tmp, file); // also refuses an existing file
                }
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        return posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }

    static byte[] read(Path file) {
        try {
            tighten(file);
            byte[] key = Base64.getDecoder().decode(Files.readString(file).strip());
            if (key.length != 32) {
                throw new ConfigException(
                        Settings.SECRET_KEY,
                        "unset, and the key file " + file + " does not hold 32 bytes of base64");
            }
            return key;
        } catch (IOException | IllegalArgumentException e) {
            throw unusable(file, e);
        }
    }

    /** A key file others can read is made owner-only, and said so. */
    private static void tighten(Path file) throws IOException {
        try {
            Set<PosixFilePermission> now = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(now)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
                log.warn("the key file {} was readable by others; it is owner-only now", file);
            }
        } catch (UnsupportedOperationException notPosix) {
            // permissions are the file system's business there
        }
    }

    private static ConfigException unusable(Path file, Exception e) {
        return new ConfigException(
                Settings.SECRET_KEY,
                "unset, and the key file "
                        + file
                        + " is unusable ("
                        + e.getClass().getSimpleName()
                        + ")");
    }

    /**
     * The 32-byte HKDF subkey for {@code purpose}; the same bytes for the same master key and
     * purpose, unrelated ones for any other. Purposes are short stable names ({@link
     * KeyDerivation#KEYED_HASHES}); changing one changes every value made with it.
     */
    public byte[] subkey(String purpose) {
        return derivation.subkey(purpose);
    }

    /** The master key's public id, as written in every ciphertext. */
    public String keyId() {
        return derivation.keyId();
    }

    /** The cipher for stored tokens: writes under this key, reads under it and any pending one. */
    public SecretCipher cipher() {
        return SecretCipher.fromMasterKey(key).withPrevious(alsoReadable);
    }

    /** Per-agency keys for peer pseudonyms: the pseudonym subkey, expanded with the agency id. */
    public PseudonymKeys pseudonymKeys() {
        KeyDerivation pseudonyms = new KeyDerivation(subkey(KeyDerivation.PSEUDONYMS));
        return (UUID agencyId) -> pseudonyms.subkey("agency:" + agencyId);
    }

    /** Never the key. */
    @Override
    public String toString() {
        return "MasterKey[" + keyId() + "]";
    }
}
