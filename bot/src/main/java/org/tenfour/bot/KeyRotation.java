package org.tenfour.bot;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.tenfour.storage.Database;
import org.tenfour.storage.SlackInstallationRepository;

/**
 * {@code rotate-key}: re-encrypts every stored secret (Slack bot tokens) under a new master key in
 * one transaction. With the key file, the new key is first written next to it ({@value
 * MasterKey#NEXT_FILE}, owner-only), then the tokens are re-encrypted, then the new key replaces
 * the old atomically; a start in between reads tokens under either key (each names its key), and a
 * second {@code rotate-key} finishes the same rotation. With {@code TENFOUR_SECRET_KEY}, the new
 * key comes from a file the operator made, and every replica must be restarted with it.
 *
 * <p>Peer pseudonyms are derived from the master key: after a rotation the same peer's new contacts
 * get new pseudonyms, which cannot be linked to the earlier ones.
 */
final class KeyRotation {
    private KeyRotation() {}

    /** Rotates; {@code newKeyFile} may be null with the key file (a key is generated). */
    static int rotate(Settings settings, Path newKeyFile, PrintWriter out) throws IOException {
        boolean keyFile = settings.secretKey() == null;
        if (!keyFile && newKeyFile == null) {
            throw new ConfigException(
                    "--new-key-file",
                    Settings.SECRET_KEY
                            + " is set: give the new key in a file (openssl rand -base64 32 > new.key; chmod 600 new.key)");
        }
        byte[] old =
                keyFile
                        ? MasterKey.read(settings.dataDir().resolve(MasterKey.FILE))
                        : settings.secretKey();
        Path next = settings.dataDir().resolve(MasterKey.NEXT_FILE);
        byte[] fresh;
        if (newKeyFile != null) {
            fresh = MasterKey.read(newKeyFile);
        } else if (Files.exists(next)) {
            fresh = MasterKey.read(next); // finishing an interrupted rotation
        } else {
            fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
        }
        if (Arrays.equals(old, fresh)) {
            throw new ConfigException("--new-key-file", "the new key is the current key");
        }
        if (keyFile) {
            MasterKey.createOwnerOnly(next, fresh, true);
        }
        MasterKey newKey = MasterKey.of(fresh);
        int resealed;
        try (Database database = Database.open(settings.database())) {
            database.migrate();
            resealed =
                    new SlackInstallationRepository(
                                    database.store(), newKey.cipher().withPrevious(List.of(old)))
                            .resealAll();
        }
        out.println(
                "re-encrypted "
                        + resealed
                        + " stored token(s): key "
                        + MasterKey.of(old).keyId()
                        + " -> "
                        + newKey.keyId());
        if (keyFile) {
            MasterKey.createOwnerOnly(settings.dataDir().resolve(MasterKey.FILE), fresh, true);
            Files.deleteIfExists(next);
            out.println(
                    "the key file "
                            + settings.dataDir().resolve(MasterKey.FILE)
                            + " now holds the new key");
        } else {
            out.println(
                    "now set "
                            + Settings.SECRET_KEY
                            + " to the new key on every replica and restart them; the old key no longer reads the tokens");
        }
        out.println(
                "peer pseudonyms: contacts logged from now on get new pseudonyms, not linkable to earlier ones");
        return resealed;
    }
}
