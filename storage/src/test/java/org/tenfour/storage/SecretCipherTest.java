package org.tenfour.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.junit.jupiter.api.Test;

class SecretCipherTest {
    private final SecretCipher cipher = SecretCipher.fromBase64(SecretCipher.newKey());

    @Test
    void what_is_encrypted_decrypts_to_the_same_text() {
        assertThat(cipher.decrypt(cipher.encrypt("xoxb-123-456-abc")))
                .isEqualTo("xoxb-123-456-abc");
    }

    @Test
    void the_same_text_encrypts_differently_each_time_and_never_in_plain_sight() {
        byte[] first = cipher.encrypt("xoxb-123-456-abc");
        byte[] second = cipher.encrypt("xoxb-123-456-abc");
        assertThat(first).isNotEqualTo(second);
        assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("xoxb");
        assertThat(first).hasSize(1 + 4 + 12 + "xoxb-123-456-abc".length() + 16);
    }

    @Test
    void every_ciphertext_names_its_master_key_and_the_token_key_is_not_the_master_key()
            throws Exception {
        byte[] master = Base64.getDecoder().decode(SecretCipher.newKey());
        SecretCipher sealer = SecretCipher.fromMasterKey(master);
        byte[] sealed = sealer.encrypt("xoxb-1", "T1");
        assertThat(sealed[0]).as("format version").isEqualTo((byte) 2);
        assertThat(HexFormat.of().formatHex(sealed, 1, 5)).isEqualTo(sealer.keyId());
        assertThat(sealer.keyId()).isEqualTo(new KeyDerivation(master).keyId()).hasSize(8);
        assertThat(sealer.needsResealing(sealed)).isFalse();

        javax.crypto.Cipher raw = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        raw.init(
                Cipher.DECRYPT_MODE,
                new javax.crypto.spec.SecretKeySpec(master, "AES"),
                new GCMParameterSpec(128, sealed, 5, 12));
        raw.updateAAD(sealed, 0, 5);
        raw.updateAAD("T1".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> raw.doFinal(sealed, 17, sealed.length - 17))
                .as("the raw master key does not open it: a subkey sealed it")
                .isInstanceOf(AEADBadTagException.class);
    }

    @Test
    void a_token_sealed_before_key_ids_still_decrypts_and_asks_to_be_resealed() throws Exception {
        byte[] master = Base64.getDecoder().decode(SecretCipher.newKey());
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        javax.crypto.Cipher old = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        old.init(
                Cipher.ENCRYPT_MODE,
                new javax.crypto.spec.SecretKeySpec(master, "AES"),
                new GCMParameterSpec(128, nonce));
        old.updateAAD("T1".getBytes(StandardCharsets.UTF_8));
        byte[] body = old.doFinal("xoxb-legacy".getBytes(StandardCharsets.UTF_8));
        byte[] legacy = ByteBuffer.allocate(12 + body.length).put(nonce).put(body).array();

        SecretCipher cipher = SecretCipher.fromMasterKey(master);
        assertThat(cipher.decrypt(legacy, "T1")).isEqualTo("xoxb-legacy");
        assertThat(cipher.needsResealing(legacy)).isTrue();
        assertThatThrownBy(() -> cipher.decrypt(legacy, "T2")).isInstanceOf(StorageException.class);
    }

    @Test
    void during_a_rotation_old_ciphertexts_read_and_new_ones_are_written_under_the_new_key() {
        byte[] oldKey = Base64.getDecoder().decode(SecretCipher.newKey());
        byte[] newKey = Base64.getDecoder().decode(SecretCipher.newKey());
        byte[] sealedBefore = SecretCipher.fromMasterKey(oldKey).encrypt("xoxb-9", "T9");
        SecretCipher rotating = SecretCipher.fromMasterKey(newKey).withPrevious(List.of(oldKey));

        assertThat(rotating.decrypt(sealedBefore, "T9")).isEqualTo("xoxb-9");
        assertThat(rotating.needsResealing(sealedBefore)).isTrue();
        byte[] resealed = rotating.encrypt("xoxb-9", "T9");
        assertThat(rotating.needsResealing(resealed)).isFalse();
        assertThat(SecretCipher.fromMasterKey(newKey).decrypt(resealed, "T9")).isEqualTo("xoxb-9");
        assertThatThrownBy(() -> SecretCipher.fromMasterKey(oldKey).decrypt(resealed, "T9"))
                .as("the old key alone can no longer read it")
                .isInstanceOf(StorageException.class);
    }

    @Test
    void subkeys_differ_by_purpose_and_follow_rfc_5869() {
        KeyDerivation keys = new KeyDerivation(new byte[32]);
        assertThat(keys.subkey("token-encryption")).isNotEqualTo(keys.subkey("pseudonyms"));
        assertThat(keys.subkey("outbox-keys")).hasSize(32).isEqualTo(keys.subkey("outbox-keys"));
        assertThat(new KeyDerivation(new byte[32]).keyId())
                .isNotEqualTo(new KeyDerivation(new byte[33]).keyId());
        HexFormat hex = HexFormat.of();
        byte[] ikm = new byte[22];
        Arrays.fill(ikm, (byte) 0x0b);
        assertThat(
                        hex.formatHex(
                                KeyDerivation.hkdf(
                                        hex.parseHex("000102030405060708090a0b0c"),
                                        ikm,
                                        hex.parseHex("f0f1f2f3f4f5f6f7f8f9"))))
                .as("RFC 5869 test case 1, first 32 bytes of the OKM")
                .isEqualTo("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf");
    }

    @Test
    void a_changed_byte_makes_decryption_fail() {
        byte[] sealed = cipher.encrypt("xoxb-123-456-abc");
        sealed[sealed.length - 3] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(sealed))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("tampered");
    }

    @Test
    void another_key_cannot_decrypt() {
        byte[] sealed = cipher.encrypt("xoxb-123-456-abc");
        SecretCipher other = SecretCipher.fromBase64(SecretCipher.newKey());
        assertThatThrownBy(() -> other.decrypt(sealed)).isInstanceOf(StorageException.class);
    }

    @Test
    void a_ciphertext_bound_to_one_workspace_does_not_decrypt_for_another() {
        byte[] sealed = cipher.encrypt("xoxb-123-456-abc", "T111");
        assertThat(cipher.decrypt(sealed, "T111")).isEqualTo("xoxb-123-456-abc");
        assertThatThrownBy(() -> cipher.decrypt(sealed, "T222"))
                .isInstanceOf(StorageException.class);
    }

    @Test
    void a_key_of_the_wrong_length_is_refused_without_showing_the_key() {
        String shortKey =
                Base64.getEncoder()
                        .encodeToString("sixteen-byte-key".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> SecretCipher.fromBase64(shortKey))
                .hasMessageContaining("TENFOUR_SECRET_KEY")
                .hasMessageContaining("32 bytes")
                .hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> SecretCipher.fromBase64("not base64 !!"))
                .hasMessageContaining("TENFOUR_SECRET_KEY")
                .hasMessageNotContaining("not base64 !!");
        assertThatThrownBy(() -> SecretCipher.fromBase64(" ")).hasMessageContaining("not set");
    }
}
