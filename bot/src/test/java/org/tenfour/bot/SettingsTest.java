package org.tenfour.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tenfour.bot.outbox.Concurrency;

class SettingsTest {

    @Test
    void defaults_need_no_variable_at_all() {
        Settings s = Settings.fromEnv(Map.of());
        assertThat(s.port()).isEqualTo(8080);
        assertThat(s.database().embedded()).isTrue();
        assertThat(s.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(s.defaultZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(s.secretKey()).isNull();
    }

    @Test
    void metrics_listen_on_loopback_by_default_and_elsewhere_only_with_a_token() {
        Settings s = Settings.fromEnv(Map.of());
        assertThat(s.bind()).isEqualTo("0.0.0.0");
        assertThat(s.management().host()).isEqualTo("127.0.0.1");
        assertThat(s.management().port()).isEqualTo(9090);
        assertThat(Settings.fromEnv(Map.of("PORT", "0")).management().port())
                .as("PORT=0: any free management port too")
                .isZero();
        assertThat(Settings.fromEnv(Map.of("TENFOUR_BIND", "127.0.0.1")).bind())
                .isEqualTo("127.0.0.1");
        assertThatThrownBy(
                        () ->
                                Settings.fromEnv(
                                        Map.of("TENFOUR_MANAGEMENT_ADDRESS", "0.0.0.0:9090")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("TENFOUR_MANAGEMENT_TOKEN: '0.0.0.0' is not a loopback");
        assertThatThrownBy(
                        () -> Settings.fromEnv(Map.of("TENFOUR_MANAGEMENT_ADDRESS", "host:http")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("TENFOUR_MANAGEMENT_ADDRESS: must be host:port");
        String token = "0123456789abcdef0123456789abcdef";
        Settings exposed =
                Settings.fromEnv(
                        Map.of(
                                "TENFOUR_MANAGEMENT_ADDRESS",
                                "0.0.0.0:9090",
                                "TENFOUR_MANAGEMENT_TOKEN",
                                token));
        assertThat(exposed.management().token()).isEqualTo(token);
        assertThat(exposed.toString()).doesNotContain(token);
    }

    @Test
    void a_bad_port_names_the_variable_and_the_problem() {
        assertThatThrownBy(() -> Settings.fromEnv(Map.of("PORT", "eighty")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("PORT: not a whole number: 'eighty'");
        assertThatThrownBy(() -> Settings.fromEnv(Map.of("PORT", "70000")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("PORT: must be between 0 and 65535, was 70000");
    }

    @Test
    void calls_in_flight_are_sized_to_the_machine_unless_set_and_per_workspace_never_above_all() {
        assertThat(Settings.fromEnv(Map.of()).sending()).isEqualTo(Concurrency.forMachine());
        assertThat(
                        Settings.fromEnv(
                                        Map.of(
                                                "TENFOUR_SEND_CONCURRENCY",
                                                "4",
                                                "TENFOUR_SEND_PER_WORKSPACE",
                                                "2"))
                                .sending())
                .isEqualTo(new Concurrency(4, 2));
        assertThat(Settings.fromEnv(Map.of("TENFOUR_SEND_CONCURRENCY", "1")).sending())
                .as("one call at a time")
                .isEqualTo(new Concurrency(1, 1));
        assertThatThrownBy(
                        () ->
                                Settings.fromEnv(
                                        Map.of(
                                                "TENFOUR_SEND_CONCURRENCY",
                                                "4",
                                                "TENFOUR_SEND_PER_WORKSPACE",
                                                "8")))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "TENFOUR_SEND_PER_WORKSPACE: must not be above TENFOUR_SEND_CONCURRENCY (4), was 8");
    }

    @Test
    void background_work_is_nicer_by_ten_unless_set_within_the_kernels_range() {
        assertThat(Settings.fromEnv(Map.of()).backgroundNice()).isEqualTo(10);
        assertThat(Settings.fromEnv(Map.of("TENFOUR_BACKGROUND_NICE", "0")).backgroundNice())
                .isZero();
        assertThatThrownBy(() -> Settings.fromEnv(Map.of("TENFOUR_BACKGROUND_NICE", "20")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("TENFOUR_BACKGROUND_NICE: must be between 0 and 19, was 20");
    }

    @Test
    void a_database_url_that_is_not_jdbc_postgresql_is_refused() {
        assertThatThrownBy(() -> Settings.fromEnv(Map.of("DATABASE_URL", "postgres://db/tenfour")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("DATABASE_URL: must be a JDBC URL");
    }

    @Test
    void an_unknown_time_zone_is_refused() {
        assertThatThrownBy(() -> Settings.fromEnv(Map.of("TENFOUR_TIME_ZONE", "Mars/Olympus")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("TENFOUR_TIME_ZONE: unknown time zone 'Mars/Olympus'");
    }

    @Test
    void a_public_url_must_be_http_with_a_host() {
        assertThatThrownBy(() -> Settings.fromEnv(Map.of("TENFOUR_PUBLIC_URL", "ftp://x")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("TENFOUR_PUBLIC_URL:");
        assertThat(
                        Settings.fromEnv(Map.of("TENFOUR_PUBLIC_URL", "https://bot.example.org"))
                                .publicUrl())
                .hasHost("bot.example.org");
    }

    @Test
    void the_secret_key_must_be_32_bytes_of_base64_and_is_never_printed() {
        assertThatThrownBy(() -> Settings.fromEnv(Map.of("TENFOUR_SECRET_KEY", "short")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("TENFOUR_SECRET_KEY:");
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        Settings s =
                Settings.fromEnv(
                        Map.of(
                                "TENFOUR_SECRET_KEY",
                                key,
                                "DATABASE_URL",
                                "jdbc:postgresql://db:5432/tenfour",
                                "DATABASE_PASSWORD",
                                "hunter2"));
        assertThat(s.secretKey()).hasSize(32);
        assertThat(s.toString())
                .doesNotContain(key)
                .doesNotContain("hunter2")
                .contains("secretKey=set");
    }

    @Test
    void a_pool_size_out_of_range_is_refused() {
        assertThatThrownBy(() -> Settings.fromEnv(Map.of("DATABASE_POOL_SIZE", "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("DATABASE_POOL_SIZE:");
        assertThatThrownBy(() -> Settings.fromEnv(Map.of("DATABASE_BACKGROUND_POOL_SIZE", "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("DATABASE_BACKGROUND_POOL_SIZE:");
    }

    @Test
    void background_work_gets_a_pool_of_its_own_beside_the_requests_one() {
        assertThat(Settings.fromEnv(Map.of()).database().backgroundPoolSize()).isEqualTo(4);
        assertThat(
                        Settings.fromEnv(
                                        Map.of(
                                                "DATABASE_POOL_SIZE",
                                                "6",
                                                "DATABASE_BACKGROUND_POOL_SIZE",
                                                "2"))
                                .database())
                .extracting(d -> d.poolSize(), d -> d.backgroundPoolSize())
                .containsExactly(6, 2);
    }

    @Test
    void the_sandbox_is_on_when_no_chat_platform_is_configured() {
        assertThat(Settings.fromEnv(Map.of()).sandbox()).isTrue();
        assertThat(Settings.fromEnv(Map.of(Settings.SANDBOX, "off")).sandbox()).isFalse();
    }

    @Test
    void with_a_chat_platform_the_sandbox_is_off_unless_asked_for() {
        Map<String, String> slack =
                Map.of("SLACK_SIGNING_SECRET", "s3cret", "SLACK_BOT_TOKEN", "xoxb-1");
        assertThat(Settings.fromEnv(slack).sandbox()).isFalse();
        var withSandbox = new HashMap<>(slack);
        withSandbox.put(Settings.SANDBOX, "on");
        assertThat(Settings.fromEnv(withSandbox).sandbox()).isTrue();
        assertThat(Settings.fromEnv(withSandbox).toString()).contains("sandbox=on");
    }

    @Test
    void a_sandbox_value_other_than_on_or_off_is_refused() {
        assertThatThrownBy(() -> Settings.fromEnv(Map.of(Settings.SANDBOX, "yes")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("TENFOUR_SANDBOX: must be on or off, was 'yes'");
    }
}
