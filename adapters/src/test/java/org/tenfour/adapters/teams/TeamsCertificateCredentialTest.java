package org.tenfour.adapters.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
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
 * The certificate credential through MSAL4J, against a loopback token endpoint over real TLS (MSAL
 * speaks only https): the client assertion MSAL sends is a JWT signed with the certificate's key,
 * naming the certificate, and no secret is sent; the token it brings back is the one the Bot
 * Connector then receives.
 */
class TeamsCertificateCredentialTest {
    /** What Entra answers a certificate it does not accept. */
    private static final String ENTRA_ERROR =
            "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS700027: Client assertion"
                    + " failed signature validation.\",\"error_codes\":[700027],"
                    + "\"timestamp\":\"2026-05-01 12:00:00Z\",\"trace_id\":\"t\",\"correlation_id\":\"c\"}";

    private static final String ENTRA_UNAVAILABLE =
            "{\"error\":\"temporarily_unavailable\",\"error_description\":\"AADSTS90033: A transient"
                    + " error has occurred.\",\"error_codes\":[90033]}";
    private static final char[] TEST_ONLY = "test-only".toCharArray();
    private final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final HttpsServer tokenEndpoint;
    private final SSLContext trustLoopback;
    private final FakeMicrosoft connector = new FakeMicrosoft();
    private final MutableClock clock = new MutableClock(TeamsFixture.NOW);

    TeamsCertificateCredentialTest() throws Exception {
        KeyStore server = keyStore("tls/loopback-token-endpoint.p12");
        KeyManagerFactory keys = KeyManagerFactory.getInstance("SunX509");
        keys.init(server, TEST_ONLY);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        tokenEndpoint =
                HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        tokenEndpoint.setHttpsConfigurator(new HttpsConfigurator(tls));
        tokenEndpoint.createContext(
                "/tenant-1/oauth2/v2.0/token",
                exchange -> {
                    tokenRequests.add(
                            form(
                                    new String(
                                            exchange.getRequestBody().readAllBytes(),
                                            StandardCharsets.UTF_8)));
                    byte[] body =
                            (status.get() == 200
                                            ? "{\"token_type\":\"Bearer\",\"expires_in\":3600,"
                                                    + "\"access_token\":\"token-from-certificate\"}"
                                            : status.get() == 401 ? ENTRA_ERROR : ENTRA_UNAVAILABLE)
                                    .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(status.get(), body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
        tokenEndpoint.start();
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("loopback", server.getCertificate("loopback"));
        TrustManagerFactory trust =
                TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        trustLoopback = SSLContext.getInstance("TLS");
        trustLoopback.init(null, trust.getTrustManagers(), null);
    }

    @AfterEach
    void stop() {
        tokenEndpoint.stop(0);
        connector.close();
    }

    private static KeyStore keyStore(String resource) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in =
                TeamsCertificateCredentialTest.class
                        .getClassLoader()
                        .getResourceAsStream(resource)) {
            store.load(in, TEST_ONLY);
        }
        return store;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(
                    URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return form;
    }

    private String tokenUrl() {
        return "https://127.0.0.1:"
                + tokenEndpoint.getAddress().getPort()
                + "/tenant-1/oauth2/v2.0/token";
    }

    private TeamsSettings settings() throws Exception {
        Path file =
                Path.of(getClass().getClassLoader().getResource("tls/bot-certificate.p12").toURI());
        return new TeamsSettings(
                FakeMicrosoft.CLIENT_ID,
                null,
                "tenant-1",
                connector.baseUrl() + "/openid",
                tokenUrl(),
                connector.entraMetadataUrl(),
                new TeamsSettings.Certificate(file, "test-only"),
                null);
    }

    @Test
    void msal_signs_a_client_assertion_with_the_certificate_and_the_connector_gets_its_token()
            throws Exception {
        TeamsAdapter adapter =
                new TeamsAdapter(
                        settings(),
                        e -> Reply.none(),
                        clock,
                        ConversationReferences.inMemory(),
                        HttpClient.newHttpClient(),
                        TeamsAdapter.KEY_REFRESH_INTERVAL,
                        ActivityLedger.NONE,
                        TestVocabulary.WORDS,
                        trustLoopback.getSocketFactory());
        Address alice =
                new Address(
                        Platform.TEAMS,
                        "tenant-1",
                        Address.Kind.USER,
                        Activities.USER,
                        connector.serviceUrl(),
                        Activities.PERSONAL_CONVERSATION);
        adapter.platform().send(alice, Message.text("hello"));
        adapter.platform().send(alice, Message.text("again"));

        assertThat(connector.calls("POST"))
                .hasSize(2)
                .allSatisfy(
                        c ->
                                assertThat(c.authorization())
                                        .isEqualTo("Bearer token-from-certificate"));
        assertThat(tokenRequests).as("the token is cached").hasSize(1);
        Map<String, String> request = tokenRequests.get(0);
        assertThat(request)
                .containsEntry("grant_type", "client_credentials")
                .containsEntry("client_id", FakeMicrosoft.CLIENT_ID)
                .containsEntry(
                        "client_assertion_type",
                        "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                .doesNotContainKey("client_secret");
        assertThat(request.get("scope")).contains(AppTokens.SCOPE);

        SignedJWT assertion = SignedJWT.parse(request.get("client_assertion"));
        X509Certificate certificate =
                (X509Certificate) keyStore("tls/bot-certificate.p12").getCertificate("bot");
        assertThat(assertion.verify(new RSASSAVerifier((RSAPublicKey) certificate.getPublicKey())))
                .as("signed with the certificate's private key")
                .isTrue();
        assertThat(assertion.getJWTClaimsSet().getIssuer()).isEqualTo(FakeMicrosoft.CLIENT_ID);
        assertThat(assertion.getJWTClaimsSet().getSubject()).isEqualTo(FakeMicrosoft.CLIENT_ID);
        assertThat(assertion.getJWTClaimsSet().getAudience()).containsExactly(tokenUrl());
        // MSAL writes the thumbprint in standard Base64, which Entra reads
        assertThat(
                        Base64.getDecoder()
                                .decode(
                                        assertion
                                                .getHeader()
                                                .getX509CertSHA256Thumbprint()
                                                .toString()))
                .as("the certificate named by its SHA-256 thumbprint")
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    }

    @Test
    void a_refused_certificate_is_rejected_and_an_unavailable_endpoint_is_transient()
            throws Exception {
        AppTokens refused =
                new AppTokens(
                        HttpClient.newHttpClient(),
                        settings(),
                        clock,
                        trustLoopback.getSocketFactory());
        status.set(401);
        assertThatThrownBy(refused::token)
                .isInstanceOf(ChatPlatformException.Rejected.class)
                .hasMessageContaining("certificate")
                .hasMessageNotContaining("test-only");
        status.set(503);
        assertThatThrownBy(refused::token).isInstanceOf(ChatPlatformException.Transient.class);
    }

    @Test
    void a_wrong_certificate_password_stops_the_bot_from_starting_and_is_never_printed()
            throws Exception {
        TeamsSettings s = settings();
        TeamsSettings wrong =
                new TeamsSettings(
                        s.appId(),
                        null,
                        s.tenantId(),
                        s.openIdMetadataUrl(),
                        s.tokenUrl(),
                        s.entraOpenIdMetadataUrl(),
                        new TeamsSettings.Certificate(s.certificate().file(), "not-the-password"),
                        null);
        assertThatThrownBy(() -> new AppTokens(HttpClient.newHttpClient(), wrong, clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wrong password")
                .hasMessageNotContaining("not-the-password");
        assertThat(wrong.toString()).doesNotContain("not-the-password");
    }
}
