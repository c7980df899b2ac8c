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
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks the bearer token sent with every activity, accepting the issuers Microsoft's current SDKs
 * accept for a single-tenant bot:
 *
 * <ul>
 *   <li>the Bot Connector ({@code https://api.botframework.com}), keys from its JWKS, each endorsed
 *       for the activity's channel, with a {@code serviceurl} claim that must equal the activity's;
 *   <li>the bot's own Entra tenant ({@code https://login.microsoftonline.com/{tenant}/v2.0}, {@code
 *       https://sts.windows.net/{tenant}/}), keys from that tenant's OpenID configuration. Another
 *       tenant's issuer is refused.
 * </ul>
 *
 * Both: RS256, audience the app id or {@code api://{appId}}, exp/nbf with five minutes of skew. A
 * tenant token (which carries no {@code serviceurl} claim, and which any app of the tenant could
 * obtain) may only bring an activity whose service URL was already verified by a Bot Connector
 * token's claim, or is on one of Microsoft's documented Teams hosts: the bot sends its own access
 * token to that URL when it answers, so an unchecked one would leak it.
 */
final class TokenVerifier {
    static final String ISSUER = "https://api.botframework.com";
    private static final int MAX_CLOCK_SKEW_SECONDS = 300;

    /** Microsoft's documented Teams service hosts (public cloud, GCC, GCC High, DoD). */
    static final Set<String> DOCUMENTED_HOSTS =
            Set.of(
                    "smba.trafficmanager.net",
                    "smba.infra.gcc.teams.microsoft.com",
                    "smba.infra.gov.teams.microsoft.us",
                    "smba.infra.dod.teams.microsoft.us");

    /** Service URLs remembered as verified; a handful in practice (one per region). */
    private static final int MAX_VERIFIED = 100;

    private final SigningKeys botFramework;
    private final SigningKeys tenant;
    private final String appId;
    private final List<String> tenantIssuers;
    private final Clock clock;
    private final Set<String> verifiedServiceUrls = ConcurrentHashMap.newKeySet();

    /**
     * @param tenant the bot's Entra tenant's signing keys
     * @param tenantIssuers that tenant's issuers (v2 and v1)
     */
    TokenVerifier(
            SigningKeys botFramework,
            SigningKeys tenant,
            String appId,
            List<String> tenantIssuers,
            Clock clock) {
        this.botFramework = Objects.requireNonNull(botFramework, "null botFramework");
        this.tenant = Objects.requireNonNull(tenant, "null tenant");
        this.appId = Objects.requireNonNull(appId, "null appId");
        this.tenantIssuers = List.copyOf(tenantIssuers);
        this.clock = Objects.requireNonNull(clock, "null clock");
    }

    /**
     * What a valid token allows.
     *
     * @param serviceUrl the service URL it was issued for, or null (an Entra token names none)
     * @param endorsements its key's channel endorsements, or null where keys carry none (Entra)
     */
    record VerifiedToken(String serviceUrl, Set<String> endorsements) {}

    /**
     * Refuses the token for an activity from another service URL than it names, from an unverified
     * service URL when it names none, or from a channel its key is not endorsed for.
     */
    void requireFor(VerifiedToken token, Activity activity) throws AuthenticationFailed {
        String activityUrl = trimSlash(activity.serviceUrl());
        boolean connector = token.endorsements() != null;
        if (token.serviceUrl() != null && !trimSlash(token.serviceUrl()).equals(activityUrl)) {
            throw AuthenticationFailed.forbidden("serviceurl claim does not match the activity");
        }
        // any app of the tenant may obtain a tenant token for our audience: its service URL must be
        // one the Bot Connector vouched for, or Microsoft's own
        if (!connector && !verifiedServiceUrls.contains(activityUrl) && !documented(activityUrl)) {
            throw AuthenticationFailed.forbidden(
                    "a tenant token for a service URL not yet verified");
        }
        if (connector && !token.endorsements().contains(activity.channelId())) {
            throw AuthenticationFailed.forbidden(
                    "signing key not endorsed for channel " + activity.channelId());
        }
        if (connector && verifiedServiceUrls.size() < MAX_VERIFIED) {
            verifiedServiceUrls.add(activityUrl);
        }
    }

    private static boolean documented(String serviceUrl) {
        try {
            URI uri = URI.create(serviceUrl);
            return "https".equals(uri.getScheme())
                    && uri.getHost() != null
                    && DOCUMENTED_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT))
                    && uri.getPort() == -1
                    && uri.getUserInfo() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String trimSlash(String url) {
        String u = url == null ? "" : url;
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    /** Verifies an {@code Authorization} header value. */
    VerifiedToken verify(String authorization) throws AuthenticationFailed {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw AuthenticationFailed.unauthorized("missing bearer token");
        }
        SignedJWT jwt;
        String issuer;
        try {
            jwt = SignedJWT.parse(authorization.substring("Bearer ".length()).trim());
            issuer = jwt.getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            throw AuthenticationFailed.unauthorized("not a signed JWT");
        }
        // Checked before any key lookup so that tokens of the wrong kind never cause a JWKS
        // refresh.
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            throw AuthenticationFailed.unauthorized("algorithm is not RS256");
        }
        boolean fromConnector = ISSUER.equals(issuer);
        if (!fromConnector && (issuer == null || !tenantIssuers.contains(issuer))) {
            throw AuthenticationFailed.unauthorized("issuer is neither the Bot Connector nor ours");
        }
        String kid = jwt.getHeader().getKeyID();
        if (kid == null) {
            throw AuthenticationFailed.unauthorized("token names no key");
        }
        SigningKeys.SigningKey key =
                (fromConnector ? botFramework : tenant)
                        .find(kid)
                        .orElseThrow(
                                () -> AuthenticationFailed.unauthorized("unknown signing key"));
        JWTClaimsSet claims = process(jwt, key, issuer, fromConnector);
        Object serviceUrl = claims.getClaim("serviceurl");
        if (fromConnector) {
            if (!(serviceUrl instanceof String url) || url.isBlank()) {
                throw AuthenticationFailed.unauthorized("serviceurl claim missing");
            }
            return new VerifiedToken(url, key.endorsements());
        }
        return new VerifiedToken(
                serviceUrl instanceof String url && !url.isBlank() ? url : null, null);
    }

    private JWTClaimsSet process(
            SignedJWT jwt, SigningKeys.SigningKey key, String issuer, boolean fromConnector)
            throws AuthenticationFailed {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(
                new JWSVerificationKeySelector<>(
                        JWSAlgorithm.RS256, new ImmutableJWKSet<>(new JWKSet(key.key()))));
        DefaultJWTClaimsVerifier<SecurityContext> verifier =
                new DefaultJWTClaimsVerifier<>(
                        Set.of(appId, "api://" + appId),
                        new JWTClaimsSet.Builder().issuer(issuer).build(),
                        fromConnector ? Set.of("exp", "serviceurl") : Set.of("exp"),
                        null) {
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
