package org.tenfour.adapters.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TeamsSettingsTest {

    @Test
    void defaults_point_at_the_public_cloud_and_the_tenants_own_token_endpoint() {
        TeamsSettings s = new TeamsSettings("app", "pw", "contoso-tenant");
        assertThat(s.openIdMetadataUrl())
                .isEqualTo("https://login.botframework.com/v1/.well-known/openidconfiguration");
        assertThat(s.tokenUrl())
                .isEqualTo("https://login.microsoftonline.com/contoso-tenant/oauth2/v2.0/token");
    }

    @Test
    void the_password_never_appears_in_to_string() {
        assertThat(new TeamsSettings("app", "hunter2-secret", "t").toString())
                .doesNotContain("hunter2-secret")
                .contains("appPassword=***");
    }

    @Test
    void a_blank_app_id_password_or_tenant_is_refused_by_name() {
        assertThatThrownBy(() -> new TeamsSettings(" ", "pw", "t")).hasMessageContaining("appId");
        assertThatThrownBy(() -> new TeamsSettings("a", null, "t"))
                .hasMessageContaining("appPassword");
        assertThatThrownBy(() -> new TeamsSettings("a", "pw", "")).hasMessageContaining("tenantId");
    }

    @Test
    void plain_http_endpoints_are_refused_unless_on_loopback() {
        assertThatThrownBy(
                        () ->
                                new TeamsSettings(
                                        "a", "pw", "t", "http://login.example/openid", null))
                .hasMessageContaining("openIdMetadataUrl");
        assertThat(
                        new TeamsSettings(
                                        "a",
                                        "pw",
                                        "t",
                                        "http://127.0.0.1:8080/openid",
                                        "http://127.0.0.1:8080/token")
                                .tokenUrl())
                .isEqualTo("http://127.0.0.1:8080/token");
    }

    @Test
    void teams_is_off_when_no_app_id_is_in_the_environment() {
        assertThat(TeamsSettings.fromEnvironment(Map.of())).isEmpty();
    }

    @Test
    void the_environment_gives_the_settings_and_a_missing_password_is_named() {
        assertThat(
                        TeamsSettings.fromEnvironment(
                                Map.of(
                                        "TEAMS_APP_ID",
                                        "app",
                                        "TEAMS_APP_PASSWORD",
                                        "pw",
                                        "TEAMS_TENANT_ID",
                                        "t",
                                        "TEAMS_TOKEN_URL",
                                        "https://login.example/t/token")))
                .get()
                .extracting(TeamsSettings::tokenUrl)
                .isEqualTo("https://login.example/t/token");
        assertThatThrownBy(
                        () ->
                                TeamsSettings.fromEnvironment(
                                        Map.of("TEAMS_APP_ID", "app", "TEAMS_TENANT_ID", "t")))
                .hasMessageContaining("TEAMS_APP_PASSWORD");
        assertThatThrownBy(
                        () ->
                                TeamsSettings.fromEnvironment(
                                        Map.of(
                                                "TEAMS_APP_ID",
                                                "app",
                                                "TEAMS_APP_PASSWORD",
                                                "pw",
                                                "TEAMS_TENANT_ID",
                                                "t",
                                                "TEAMS_OPENID_METADATA_URL",
                                                "http://evil/x")))
                .hasMessageContaining("TEAMS_OPENID_METADATA_URL");
    }

    @Test
    void the_tenants_openid_configuration_defaults_to_the_tenants_own_and_may_be_overridden() {
        assertThat(new TeamsSettings("app", "pw", "contoso").entraOpenIdMetadataUrl())
                .isEqualTo(
                        "https://login.microsoftonline.com/contoso/v2.0/.well-known/openid-configuration");
        assertThat(new TeamsSettings("app", "pw", "contoso").tenantIssuers())
                .containsExactly(
                        "https://login.microsoftonline.com/contoso/v2.0",
                        "https://sts.windows.net/contoso/");
        Map<String, String> env =
                Map.of(
                        "TEAMS_APP_ID", "app",
                        "TEAMS_APP_PASSWORD", "pw",
                        "TEAMS_TENANT_ID", "contoso",
                        "TEAMS_ENTRA_OPENID_METADATA_URL", "http://127.0.0.1:9/entra/openid");
        assertThat(TeamsSettings.fromEnvironment(env).orElseThrow().entraOpenIdMetadataUrl())
                .isEqualTo("http://127.0.0.1:9/entra/openid");
        Map<String, String> bad = new HashMap<>(env);
        bad.put("TEAMS_ENTRA_OPENID_METADATA_URL", "http://login.example/openid");
        assertThatThrownBy(() -> TeamsSettings.fromEnvironment(bad))
                .hasMessageStartingWith("TEAMS_ENTRA_OPENID_METADATA_URL");
    }

    @Test
    void
            exactly_one_credential_is_read_from_the_environment_and_the_certificate_needs_an_https_authority() {
        Map<String, String> base = Map.of("TEAMS_APP_ID", "app", "TEAMS_TENANT_ID", "contoso");
        Map<String, String> none = new HashMap<>(base);
        assertThatThrownBy(() -> TeamsSettings.fromEnvironment(none))
                .hasMessageContaining(
                        "exactly one of TEAMS_APP_PASSWORD, TEAMS_CERTIFICATE_PATH and TEAMS_MANAGED_IDENTITY");
        Map<String, String> both = new HashMap<>(base);
        both.put("TEAMS_APP_PASSWORD", "pw");
        both.put("TEAMS_CERTIFICATE_PATH", "/etc/tenfour/bot.p12");
        assertThatThrownBy(() -> TeamsSettings.fromEnvironment(both))
                .hasMessageContaining("exactly one of");
        Map<String, String> certificate = new HashMap<>(base);
        certificate.put("TEAMS_CERTIFICATE_PATH", "/etc/tenfour/bot.p12");
        certificate.put("TEAMS_CERTIFICATE_PASSWORD", "p12-secret");
        TeamsSettings s = TeamsSettings.fromEnvironment(certificate).orElseThrow();
        assertThat(s.appPassword()).isNull();
        assertThat(s.certificate().file().toString()).isEqualTo("/etc/tenfour/bot.p12");
        assertThat(s.authority()).isEqualTo("https://login.microsoftonline.com/contoso/");
        assertThat(s.toString()).doesNotContain("p12-secret");
        certificate.put("TEAMS_TOKEN_URL", "http://127.0.0.1:9/contoso/oauth2/v2.0/token");
        assertThatThrownBy(() -> TeamsSettings.fromEnvironment(certificate))
                .hasMessageStartingWith("TEAMS_TOKEN_URL")
                .hasMessageContaining("https");
    }
}
