package org.tenfour.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tenfour.storage.Agencies;
import org.tenfour.storage.KeyDerivation;
import org.tenfour.storage.PostgresExtension;
import org.tenfour.storage.SecretCipher;
import org.tenfour.storage.SlackInstallationRecord;
import org.tenfour.storage.SlackInstallationRepository;
import org.tenfour.storage.StorageException;
import org.tenfour.storage.TestDatabase;

/**
 * The master key: a key file born owner-only, one HKDF subkey per purpose, and {@code rotate-key}
 * re-encrypting stored tokens on a real database (including tokens sealed before key ids existed).
 */
@ExtendWith(PostgresExtension.class)
class MasterKeyTest {
    private final TestDatabase db;

    MasterKeyTest(TestDatabase db) {
        this.db = db;
    }

    @org.junit.jupiter.api.BeforeEach
    void noInstallations() {
        db.jdbi().useHandle(h -> h.execute("delete from agency"));
    }

    private Settings settings(Path dir, Map<String, String> extra) {
        HashMap<String, String> env =
                new HashMap<>(
                        Map.of(
                                "DATABASE_URL",
                                db.jdbcUrl(),
                                "DATABASE_USER",
                                "postgres",
                                "TENFOUR_DATA_DIR",
                                dir.toString()));
        env.putAll(extra);
        return Settings.fromEnv(env);
    }

    @Test
    void the_key_file_is_created_owner_only_once_and_a_loose_one_is_tightened(@TempDir Path dir)
            throws Exception {
        Settings settings = settings(dir, Map.of());
        MasterKey first = MasterKey.resolve(settings);
        Path file = dir.resolve("secret.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(MasterKey.resolve(settings).keyId()).isEqualTo(first.keyId());
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("secret.key");
        }

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(MasterKey.resolve(settings).keyId()).isEqualTo(first.keyId());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void every_purpose_and_every_agency_gets_its_own_key_and_none_is_the_master_key() {
        byte[] master = Base64.getDecoder().decode(SecretCipher.newKey());
        MasterKey key = MasterKey.of(master);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        assertThat(key.subkey(KeyDerivation.KEYED_HASHES))
                .hasSize(32)
                .isNotEqualTo(key.subkey(KeyDerivation.TOKEN_ENCRYPTION))
                .isNotEqualTo(master);
        assertThat(key.pseudonymKeys().keyFor(a))
                .isEqualTo(key.pseudonymKeys().keyFor(a))
                .isNotEqualTo(key.pseudonymKeys().keyFor(b))
                .isNotEqualTo(key.subkey(KeyDerivation.PSEUDONYMS));
        assertThat(key.toString()).doesNotContain(Base64.getEncoder().encodeToString(master));
    }

    @Test
    void rotate_key_reseals_every_stored_token_and_replaces_the_key_file(@TempDir Path dir)
            throws Exception {
        Settings settings = settings(dir, Map.of());
        MasterKey old = MasterKey.resolve(settings);
        UUID agency = db.jdbi().onDemand(Agencies.class).upsert("slack", "T1", "Fire").id();
        new SlackInstallationRepository(db.jdbi(), old.cipher())
                .save(
                        new SlackInstallationRecord(
                                agency,
                                "T1",
                                "Fire",
                                "UBOT",
                                "xoxb-one",
                                "chat:write",
                                "UINST",
                                null));
        byte[] sealedBefore = sealed();

        StringWriter out = new StringWriter();
        int resealed = KeyRotation.rotate(settings, null, new PrintWriter(out, true));

        MasterKey fresh = MasterKey.resolve(settings);
        assertThat(resealed).isEqualTo(1);
        assertThat(fresh.keyId()).isNotEqualTo(old.keyId());
        assertThat(sealed()).isNotEqualTo(sealedBefore);
        assertThat(new SlackInstallationRepository(db.jdbi(), fresh.cipher()).findByTeam("T1"))
                .hasValueSatisfying(i -> assertThat(i.botToken()).isEqualTo("xoxb-one"));
        assertThatThrownBy(
                        () ->
                                new SlackInstallationRepository(db.jdbi(), old.cipher())
                                        .findByTeam("T1"))
                .isInstanceOf(StorageException.class);
        assertThat(
                        PosixFilePermissions.toString(
                                Files.getPosixFilePermissions(dir.resolve("secret.key"))))
                .isEqualTo("rw-------");
        assertThat(dir.resolve("secret.key.next")).doesNotExist();
        assertThat(out.toString())
                .contains("re-encrypted 1 stored token(s)")
                .contains("pseudonyms")
                .doesNotContain(Base64.getEncoder().encodeToString(fresh.subkey("x")));
    }

    @Test
    void with_the_key_in_the_environment_the_new_key_must_come_from_a_file(@TempDir Path dir)
            throws Exception {
        String current = SecretCipher.newKey();
        Settings settings = settings(dir, Map.of("TENFOUR_SECRET_KEY", current));
        assertThatThrownBy(
                        () ->
                                KeyRotation.rotate(
                                        settings, null, new PrintWriter(new StringWriter())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--new-key-file")
                .hasMessageNotContaining(current);

        Path next = dir.resolve("new.key");
        Files.writeString(next, SecretCipher.newKey());
        StringWriter out = new StringWriter();
        KeyRotation.rotate(settings, next, new PrintWriter(out, true));
        assertThat(out.toString()).contains("now set TENFOUR_SECRET_KEY to the new key");
    }

    @Test
    void a_start_after_an_interrupted_rotation_reads_tokens_under_either_key(@TempDir Path dir)
            throws Exception {
        Settings settings = settings(dir, Map.of());
        MasterKey old = MasterKey.resolve(settings);
        byte[] next = Base64.getDecoder().decode(SecretCipher.newKey());
        MasterKey.createOwnerOnly(dir.resolve("secret.key.next"), next, true);
        byte[] underNext = MasterKey.of(next).cipher().encrypt("xoxb-two", "T2");
        byte[] underOld = old.cipher().encrypt("xoxb-three", "T3");

        SecretCipher cipher = MasterKey.resolve(settings).cipher();
        assertThat(cipher.decrypt(underNext, "T2")).isEqualTo("xoxb-two");
        assertThat(cipher.decrypt(underOld, "T3")).isEqualTo("xoxb-three");
    }

    private byte[] sealed() {
        return db.jdbi()
                .withHandle(
                        h ->
                                h.createQuery(
                                                "select bot_token_enc from platform_installation where workspace_id = 'T1'")
                                        .mapTo(byte[].class)
                                        .one());
    }
}
