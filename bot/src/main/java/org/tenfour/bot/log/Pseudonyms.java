package org.tenfour.bot.log;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.tenfour.bot.TenFourException;

/**
 * Peer pseudonyms: hex HMAC-SHA256 of the peer's member id under the agency's key. Without the key
 * a pseudonym cannot be turned back into a member, nor computed for a guessed member id.
 */
public final class Pseudonyms {
    private static final int MIN_KEY_BYTES = 16;
    private final PseudonymKeys keys;

    public Pseudonyms(PseudonymKeys keys) {
        this.keys = Objects.requireNonNull(keys, "null keys");
    }

    /** The peer's pseudonym within the agency. */
    public String of(UUID agencyId, UUID peerMemberId) {
        Objects.requireNonNull(agencyId, "null agencyId");
        Objects.requireNonNull(peerMemberId, "null peerMemberId");
        byte[] key = keys.keyFor(agencyId);
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new TenFourException(
                    "pseudonym key of agency "
                            + agencyId
                            + " is shorter than "
                            + MIN_KEY_BYTES
                            + " bytes");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest =
                    mac.doFinal(peerMemberId.toString().getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new TenFourException("HmacSHA256 unavailable", e);
        }
    }
}
