package org.tenfour.adapters.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.aad.msal4j.ManagedIdentityEnvironment;
import io.javalin.Javalin;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.ChatPlatformException;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Platform;
import org.tenfour.adapters.Reply;
import org.tenfour.adapters.testing.MutableClock;
import org.tenfour.adapters.testing.TestVocabulary;

/**
 * The Azure resource's managed identity through MSAL4J, against a loopback fake of App Service's
 * identity endpoint: no secret or certificate anywhere, the token asked for the Bot Connector's
 * resource reaches the connector.
 */
class TeamsManagedIdentityTest {
    private static final String HEADER = "identity-header-from-azure";
    private final FakeMicrosoft connector = new FakeMicrosoft();
    private final MutableClock clock = new MutableClock(TeamsFixture.NOW);
    private final List<Map<String, List<String>>> requests = new CopyOnWriteArrayList<>();
    private final List<String> headers = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final Javalin identity =
            Javalin.create(
                            config ->
                                    config.routes.get(
                                            "/msi/token",
                                            ctx -> {
                                                requests.add(ctx.queryParamMap());
                                                headers.add(ctx.header("X-IDENTITY-HEADER"));
                                                ctx.status(status.get())
                                                        .contentType("application/json")
                                                        .result(
                                                                status.get() == 200
                                                                        ? "{\"access_token\":\"token-from-identity\","
                                                                                + "\"expires_on\":\""
                                                                                + (System
                                                                                                        .currentTimeMillis()
                                                                                                / 1000
                                                                                        + 3600)
                                                                                + "\",\"resource\":\"https://api.botframework.com\","
                                                                                + "\"token_type\":\"Bearer\"}"
                                                                        : "{\"statusCode\":400,\"message\":\"No"
                                                                                + " managed identity found\"}");
                                            }))
                    .start("127.0.0.1", 0);

    TeamsManagedIdentityTest() {
        ManagedIdentityEnvironment.appService(
                "http://127.0.0.1:" + identity.port() + "/msi/token", HEADER);
    }

    @AfterEach
    void stop() {
        ManagedIdentityEnvironment.reset();
        identity.stop();
        connector.close();
    }

    private TeamsSettings settings(String managedIdentity) {
        return new TeamsSettings(
                FakeMicrosoft.CLIENT_ID,
                null,
                "tenant-1",
                connector.baseUrl() + "/openid",
                null,
                connector.entraMetadataUrl(),
                null,
                managedIdentity);
    }

    @Test
    void the_system_assigned_identity_brings_the_token_the_connector_receives() {
        TeamsAdapter adapter =
                new TeamsAdapter(
                        settings(TeamsSettings.SYSTEM_ASSIGNED),
                        e -> Reply.none(),
                        clock,
                        ConversationReferences.inMemory(),
                        HttpClient.newHttpClient(),
                        TeamsAdapter.KEY_REFRESH_INTERVAL,
                        ActivityLedger.NONE,
                        TestVocabulary.WORDS);
        adapter.platform()
                .send(
                        new Address(
                                Platform.TEAMS,
                                "tenant-1",
                                Address.Kind.USER,
                                Activities.USER,
                                connector.serviceUrl(),
                                Activities.PERSONAL_CONVERSATION),
                        Message.text("hello"));

        assertThat(connector.calls("POST"))
                .singleElement()
                .satisfies(
                        c -> assertThat(c.authorization()).isEqualTo("Bearer token-from-identity"));
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0))
                .containsEntry("resource", List.of(AppTokens.RESOURCE))
                .doesNotContainKey("client_id");
        assertThat(headers).containsExactly(HEADER);
    }

    @Test
    void a_user_assigned_identity_is_named_by_its_client_id_and_a_failure_is_retried_later() {
        status.set(400);
        AppTokens tokens =
                new AppTokens(
                        HttpClient.newHttpClient(),
                        settings("99999999-8888-7777-6666-555555555555"),
                        clock);
        // MSAL does not say whether the identity endpoint's refusal is lasting: the outbox retries
        // with backoff rather than dropping the message
        assertThatThrownBy(tokens::token)
                .isInstanceOf(ChatPlatformException.Transient.class)
                .hasMessageContaining("managed_identity_request_failed");
        assertThat(requests.get(0))
                .containsEntry("client_id", List.of("99999999-8888-7777-6666-555555555555"));
    }
}
