package org.tenfour.adapters.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Tokens issued by the bot's own Entra tenant, as Microsoft's current SDKs accept them for a
 * single-tenant bot: real RS256 tokens against the fake tenant's OpenID configuration and JWKS.
 */
class TeamsTenantTokensTest {
    private static final String V2 =
            "https://login.microsoftonline.com/" + Activities.TENANT + "/v2.0";
    private static final String V1 = "https://sts.windows.net/" + Activities.TENANT + "/";
    private final TeamsFixture teams = new TeamsFixture();
    private final RSAKey tenantKey = TestTokens.newKey("tenant-key-1");

    TeamsTenantTokensTest() {
        teams.microsoft.publishEntra(List.of(tenantKey));
    }

    @AfterEach
    void stop() {
        teams.close();
    }

    private HttpResponse<String> post(String token, String serviceUrl) {
        return teams.post(
                "Bearer " + token,
                Activities.personalMessage(serviceUrl, "help")
                        .put("id", "a-" + System.nanoTime())
                        .toString());
    }

    private String tenantToken(String issuer, String audience) {
        return TestTokens.sign(
                tenantKey,
                TestTokens.tenantClaims(teams.clock.instant(), issuer, audience).build());
    }

    private void verifyTheFakeConnectorsServiceUrl() {
        assertThat(post(teams.validToken(), teams.microsoft.serviceUrl()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void tenant_tokens_v2_and_v1_with_either_audience_are_accepted_for_a_verified_service_url() {
        verifyTheFakeConnectorsServiceUrl();

        assertThat(
                        post(tenantToken(V2, FakeMicrosoft.CLIENT_ID), teams.microsoft.serviceUrl())
                                .statusCode())
                .isEqualTo(200);
        assertThat(
                        post(
                                        tenantToken(V1, "api://" + FakeMicrosoft.CLIENT_ID),
                                        teams.microsoft.serviceUrl())
                                .statusCode())
                .isEqualTo(200);
        assertThat(teams.events).hasSize(3);
    }

    @Test
    void a_tenant_token_for_a_service_url_nobody_verified_is_refused_so_no_reply_goes_there() {
        HttpResponse<String> r =
                post(tenantToken(V2, FakeMicrosoft.CLIENT_ID), teams.microsoft.serviceUrl());
        assertThat(r.statusCode()).isEqualTo(403);
        verifyTheFakeConnectorsServiceUrl();
        assertThat(
                        post(tenantToken(V2, FakeMicrosoft.CLIENT_ID), "http://127.0.0.1:9/")
                                .statusCode())
                .as("another loopback port is another service URL")
                .isEqualTo(403);
        assertThat(teams.events).hasSize(1);
    }

    @Test
    void a_tenant_token_for_microsofts_documented_teams_host_is_accepted() {
        assertThat(
                        post(
                                        tenantToken(V2, FakeMicrosoft.CLIENT_ID),
                                        "https://smba.trafficmanager.net/amer/")
                                .statusCode())
                .isEqualTo(200);
        assertThat(
                        post(
                                        tenantToken(V2, FakeMicrosoft.CLIENT_ID),
                                        "https://smba.trafficmanager.net.evil.example/amer/")
                                .statusCode())
                .isEqualTo(403);
        assertThat(teams.events).hasSize(1);
    }

    @Test
    void
            tokens_of_another_tenant_for_another_audience_or_signed_by_a_key_not_the_tenants_are_refused() {
        verifyTheFakeConnectorsServiceUrl();
        String url = teams.microsoft.serviceUrl();

        assertThat(
                        post(
                                        tenantToken(
                                                "https://login.microsoftonline.com/other-tenant/v2.0",
                                                FakeMicrosoft.CLIENT_ID),
                                        url)
                                .statusCode())
                .as("another tenant's issuer")
                .isEqualTo(401);
        assertThat(
                        post(
                                        tenantToken(
                                                "https://sts.windows.net/other-tenant/",
                                                FakeMicrosoft.CLIENT_ID),
                                        url)
                                .statusCode())
                .isEqualTo(401);
        assertThat(post(tenantToken(V2, "api://someone-else"), url).statusCode())
                .as("wrong audience")
                .isEqualTo(401);
        assertThat(post(tenantToken(V2, "https://graph.microsoft.com"), url).statusCode())
                .isEqualTo(401);
        JWTClaimsSet claims =
                TestTokens.tenantClaims(teams.clock.instant(), V2, FakeMicrosoft.CLIENT_ID).build();
        assertThat(post(TestTokens.sign(teams.key, "tenant-key-1", claims), url).statusCode())
                .as("the tenant's key id, another key's signature")
                .isEqualTo(401);
        assertThat(post(TestTokens.sign(teams.key, claims), url).statusCode())
                .as("the Bot Connector's key does not sign for the tenant")
                .isEqualTo(401);
        assertThat(teams.events).hasSize(1);
    }
}
