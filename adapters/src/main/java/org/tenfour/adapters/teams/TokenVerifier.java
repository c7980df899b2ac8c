package org.tenfour.adapters.teams;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.Objects;
import java.util.Set;

/**
 * Checks the bearer token the Bot Connector sends with every activity, as its authentication spec
 * says: RS256 signature by a key from the connector's JWKS, issuer {@code
 * https://api.botframework.com}, audience our app id, exp/nbf with five minutes of skew, then (once
 * the activity is read) the {@code serviceurl} claim and the key's endorsement for the activity's
 * channel.
 */
final class TokenVerifier {
    static final String ISSUER = "https://api.botframework.com";
    private static final int MAX_CLOCK_SKEW_SECONDS = 300;

    private final SigningKeys keys;
    private final String appId;
    private final Clock clock;

    TokenVerifier(SigningKeys keys, String appId, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "null keys");
        this.appId = Objects.requireNonNull(appId, "null appId");
        this.clock = Objects.requireNonNull(clock, "null clock");
    }

    /** What a valid token allows: the service URL it was issued for and its key's endorsements. */
    record VerifiedToken(String serviceUrl, Set<String> endorsements) {

        /** Refuses the token for an activity from another service URL or an unendorsed channel. */
        void requireFor(Activity activity) throws AuthenticationFailed {
            if (!trimSlash(serviceUrl).equals(trimSlash(activity.serviceUrl()))) {
                throw AuthenticationFailed.forbidden(
                        "serviceurl claim does not match the activity");
            }
            if (!endorsements.contains(activity.channelId())) {
                throw AuthenticationFailed.forbidden(
                        "signing key not endorsed for channel " + activity.channelId());
            }
        }

        private static String trimSlash(String url) {
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
    }

    /** Verifies an {@code Authorization} header value. */
    VerifiedToken verify(String authorization) throws AuthenticationFailed {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw AuthenticationFailed.unauthorized("missing bearer token");
        }
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(authorization.substring("Bearer ".length()).trim());
        } catch (ParseException e) {
            throw AuthenticationFailed.unauthorized("not a signed JWT");
        }
        // Checked before any key lookup so that tokens of the wrong kind never cause a JWKS
        // refresh.
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            throw AuthenticationFailed.unauthorized("algorithm is not RS256");
        }
        String kid = jwt.getHeader().getKeyID();
        if (kid == null) {
            throw AuthenticationFailed.unauthorized("token names no key");
        }
        SigningKeys.SigningKey key =
                keys.find(kid)
                        .orElseThrow(
                                () -> AuthenticationFailed.unauthorized("unknown signing key"));
        JWTClaimsSet claims = process(jwt, key);
        Object serviceUrl = claims.getClaim("serviceurl");
        if (!(serviceUrl instanceof String url) || url.isBlank()) {
            throw AuthenticationFailed.unauthorized("serviceurl claim missing");
        }
        return new VerifiedToken(url, key.endorsements());
    }

    private JWTClaimsSet process(SignedJWT jwt, SigningKeys.SigningKey key)
            throws AuthenticationFailed {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(
                new JWSVerificationKeySelector<>(
                        JWSAlgorithm.RS256, new ImmutableJWKSet<>(new JWKSet(key.key()))));
        DefaultJWTClaimsVerifier<SecurityContext> verifier =
                new DefaultJWTClaimsVerifier<>(
                        appId,
                        new JWTClaimsSet.Builder().issuer(ISSUER).build(),
                        Set.of("exp", "serviceurl")) {
                    @Override
                    protected Date currentTime() {
                        return Date.from(clock.instant());
                    }
                };
        verifier.setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);
        processor.setJWTClaimsSetVerifier(verifier);
        try {
            return processor.process(jwt, null);
        } catch (BadJOSEException | JOSEException e) {
            throw AuthenticationFailed.unauthorized("invalid token: " + e.getMessage());
        }
    }
}
