package org.tenfour.adapters.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's v0 request signature: {@code v0=hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" +
 * body))}, over the raw body bytes, with the timestamp within five minutes either way.
 */
final class SignatureCheck {
    static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
    static final String SIGNATURE_HEADER = "X-Slack-Signature";
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    /** The outcome; anything but {@code VALID} is answered 401. */
    enum Verdict {
        VALID,
        MISSING_HEADERS,
        STALE_TIMESTAMP,
        BAD_SIGNATURE
    }

    private final SecretKeySpec key;
    private final Clock clock;

    SignatureCheck(String signingSecret, Clock clock) {
        this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
    }

    Verdict check(String timestamp, String signature, byte[] body) {
        if (timestamp == null || signature == null || timestamp.isBlank() || signature.isBlank()) {
            return Verdict.MISSING_HEADERS;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return Verdict.STALE_TIMESTAMP;
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - seconds) > MAX_AGE.toSeconds()) {
            return Verdict.STALE_TIMESTAMP;
        }
        byte[] expected = sign(timestamp.trim(), body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.trim().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Verdict.VALID : Verdict.BAD_SIGNATURE;
    }

    /** The {@code v0=…} signature of a body at a timestamp. */
    String sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
