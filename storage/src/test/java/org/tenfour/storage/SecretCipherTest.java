package org.tenfour.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
        assertThat(first).hasSize(12 + "xoxb-123-456-abc".length() + 16);
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
