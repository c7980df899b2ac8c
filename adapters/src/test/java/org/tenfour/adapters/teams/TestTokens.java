package org.tenfour.adapters.teams;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** Real RS256 tokens, signed with keys generated for the test, shaped like the Bot Connector's. */
public final class TestTokens {
    private TestTokens() {}

    public static RSAKey newKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The claims the Bot Connector puts in a token for our app, valid from {@code now} for an hour.
     */
    public static JWTClaimsSet.Builder claims(Instant now, String serviceUrl) {
        return new JWTClaimsSet.Builder()
                .issuer("https://api.botframework.com")
                .audience(FakeMicrosoft.CLIENT_ID)
                .notBeforeTime(Date.from(now.minusSeconds(1)))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim("serviceurl", serviceUrl);
    }

    /**
     * The claims of a token the bot's own Entra tenant issues for our app ({@code iss} v2 or v1,
     * {@code aud} the app id or {@code api://} it), valid from {@code now} for an hour, with no
     * {@code serviceurl} claim.
     */
    public static JWTClaimsSet.Builder tenantClaims(Instant now, String issuer, String audience) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .notBeforeTime(Date.from(now.minusSeconds(1)))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim("tid", Activities.TENANT);
    }

    public static String sign(RSAKey key, JWTClaimsSet claims) {
        return sign(key, key.getKeyID(), claims);
    }

    public static String sign(RSAKey key, String kid, JWTClaimsSet claims) {
        try {
            SignedJWT jwt =
                    new SignedJWT(
                            new JWSHeader.Builder(JWSAlgorithm.RS256)
                                    .keyID(kid)
                                    .type(JOSEObjectType.JWT)
                                    .build(),
                            claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
