package org.tenfour.adapters.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every request to /api/messages is authenticated as the Bot Connector authentication spec says.
 */
class TeamsAuthenticationTest {
    private final TeamsFixture teams = new TeamsFixture();
    private final String activity =
            Activities.personalMessage(teams.microsoft.serviceUrl(), "help").toString();

    @AfterEach
    void stop() {
        teams.close();
    }

    private Instant now() {
        return teams.clock.instant();
    }

    private JWTClaimsSet.Builder claims() {
        return TestTokens.claims(now(), teams.microsoft.serviceUrl());
    }

    private void assertRefused(int status, String authorization) {
        HttpResponse<String> response = teams.post(authorization, activity);
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(teams.events).isEmpty();
        assertThat(teams.microsoft.calls).isEmpty();
    }

    @Test
    void a_correctly_signed_token_reaches_the_handler() {
        HttpResponse<String> response = teams.post("Bearer " + teams.validToken(), activity);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(teams.events).hasSize(1);
    }

    @Test
    void a_token_expired_two_minutes_ago_is_still_accepted_within_the_five_minute_skew() {
        JWTClaimsSet expired = claims().expirationTime(Date.from(now().minusSeconds(120))).build();
        assertThat(
                        teams.post("Bearer " + TestTokens.sign(teams.key, expired), activity)
                                .statusCode())
                .isEqualTo(200);
    }

    @Test
    void a_request_without_authorization_header_is_refused() {
        assertRefused(401, null);
    }

    @Test
    void a_token_without_the_bearer_scheme_is_refused() {
        assertRefused(401, teams.validToken());
    }

    @Test
    void a_token_with_a_wrong_signature_is_refused() {
        RSAKey other = TestTokens.newKey("key-1");
        assertRefused(401, "Bearer " + TestTokens.sign(other, claims().build()));
    }

    @Test
    void a_token_signed_by_an_unknown_key_is_refused() {
        RSAKey unknown = TestTokens.newKey("key-unknown");
        assertRefused(401, "Bearer " + TestTokens.sign(unknown, claims().build()));
    }

    @Test
    void an_unsigned_token_with_alg_none_is_refused() {
        String none = new PlainJWT(claims().build()).serialize();
        assertRefused(401, "Bearer " + none);
    }

    @Test
    void an_hs256_token_keyed_with_the_public_key_bytes_is_refused() throws Exception {
        SignedJWT jwt =
                new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("key-1").build(),
                        claims().build());
        jwt.sign(new MACSigner(teams.key.toRSAPublicKey().getEncoded()));
        assertRefused(401, "Bearer " + jwt.serialize());
    }

    @Test
    void an_expired_token_is_refused() {
        JWTClaimsSet expired =
                claims().notBeforeTime(Date.from(now().minus(Duration.ofHours(2))))
                        .expirationTime(Date.from(now().minus(Duration.ofMinutes(6))))
                        .build();
        assertRefused(401, "Bearer " + TestTokens.sign(teams.key, expired));
    }

    @Test
    void a_token_not_yet_valid_is_refused() {
        JWTClaimsSet future =
                claims().notBeforeTime(Date.from(now().plus(Duration.ofMinutes(6)))).build();
        assertRefused(401, "Bearer " + TestTokens.sign(teams.key, future));
    }

    @Test
    void a_token_for_another_app_is_refused() {
        assertRefused(
                401,
                "Bearer " + TestTokens.sign(teams.key, claims().audience("another-app").build()));
    }

    @Test
    void a_token_from_another_issuer_is_refused() {
        JWTClaimsSet claims = claims().issuer("https://sts.windows.net/evil/").build();
        assertRefused(401, "Bearer " + TestTokens.sign(teams.key, claims));
    }

    @Test
    void a_token_without_expiry_is_refused() {
        JWTClaimsSet claims = claims().expirationTime(null).build();
        assertRefused(401, "Bearer " + TestTokens.sign(teams.key, claims));
    }

    @Test
    void a_token_issued_for_another_service_url_is_refused() {
        JWTClaimsSet claims = claims().claim("serviceurl", "https://smba.evil.example/").build();
        assertRefused(403, "Bearer " + TestTokens.sign(teams.key, claims));
    }

    @Test
    void a_key_not_endorsed_for_the_activitys_channel_is_refused() {
        RSAKey webchatOnly = TestTokens.newKey("key-webchat");
        teams.microsoft.publish(
                List.of(
                        Map.entry(teams.key, List.of("msteams")),
                        Map.entry(webchatOnly, List.of("webchat"))));
        assertRefused(403, "Bearer " + TestTokens.sign(webchatOnly, claims().build()));
    }

    @Test
    void malformed_activity_json_is_answered_400_with_a_reason() {
        HttpResponse<String> response =
                teams.post("Bearer " + teams.validToken(), "{\"type\": \"message\", ");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("malformed activity JSON");
        assertThat(teams.events).isEmpty();
    }

    @Test
    void an_activity_without_service_url_is_answered_400_naming_the_field() {
        var body = Activities.personalMessage(teams.microsoft.serviceUrl(), "help");
        body.remove("serviceUrl");
        HttpResponse<String> response = teams.post("Bearer " + teams.validToken(), body.toString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("serviceUrl");
        assertThat(teams.events).isEmpty();
    }

    @Test
    void a_new_key_id_triggers_one_refresh_of_the_key_set() {
        assertThat(teams.post("Bearer " + teams.validToken(), activity).statusCode())
                .isEqualTo(200);
        assertThat(teams.microsoft.jwksFetches).hasValue(1);

        RSAKey rotated = TestTokens.newKey("key-2");
        teams.microsoft.publish(
                List.of(
                        Map.entry(teams.key, List.of("msteams")),
                        Map.entry(rotated, List.of("msteams"))));
        teams.clock.advance(Duration.ofMinutes(2));

        assertThat(
                        teams.post("Bearer " + TestTokens.sign(rotated, claims().build()), activity)
                                .statusCode())
                .isEqualTo(200);
        assertThat(teams.microsoft.jwksFetches).hasValue(2);
        assertThat(
                        teams.post("Bearer " + TestTokens.sign(rotated, claims().build()), activity)
                                .statusCode())
                .isEqualTo(200);
        assertThat(teams.microsoft.jwksFetches)
                .as("known keys are served from the cache")
                .hasValue(2);
    }

    @Test
    void a_flood_of_unknown_key_ids_refetches_the_key_set_at_most_once_per_interval() {
        assertThat(teams.post("Bearer " + teams.validToken(), activity).statusCode())
                .isEqualTo(200);
        teams.clock.advance(Duration.ofMinutes(2));
        RSAKey attacker = TestTokens.newKey("ignored");

        for (int i = 0; i < 25; i++) {
            String token = TestTokens.sign(attacker, "bogus-" + i, claims().build());
            assertThat(teams.post("Bearer " + token, activity).statusCode()).isEqualTo(401);
        }
        assertThat(teams.microsoft.jwksFetches).hasValue(2);

        teams.clock.advance(Duration.ofSeconds(61));
        teams.post("Bearer " + TestTokens.sign(attacker, "bogus-late", claims().build()), activity);
        assertThat(teams.microsoft.jwksFetches)
                .as("one more refresh once the interval has passed")
                .hasValue(3);
        assertThat(teams.events).hasSize(1);
    }
}
