package org.tenfour.adapters.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.RSAKey;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.tenfour.adapters.InboundEvent;
import org.tenfour.adapters.Reply;
import org.tenfour.adapters.testing.MutableClock;
import org.tenfour.adapters.testing.TestVocabulary;

/**
 * The adapter mounted on a real Javalin server on loopback, talking to {@link FakeMicrosoft}; the
 * product's handler is a lambda that records each event and answers with {@link #answer}.
 */
final class TeamsFixture implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

    final FakeMicrosoft microsoft = new FakeMicrosoft();
    final MutableClock clock = new MutableClock(NOW);
    final RSAKey key = TestTokens.newKey("key-1");
    final List<InboundEvent> events = new CopyOnWriteArrayList<>();
    final ConversationReferences references = ConversationReferences.inMemory();
    volatile Function<InboundEvent, Reply> answer = e -> Reply.none();
    final TeamsAdapter adapter;
    private final Javalin bot;
    private final HttpClient http = HttpClient.newHttpClient();

    TeamsFixture() {
        microsoft.publish(List.of(Map.entry(key, List.of("msteams"))));
        adapter =
                new TeamsAdapter(
                        microsoft.settings(),
                        event -> {
                            events.add(event);
                            return answer.apply(event);
                        },
                        clock,
                        references,
                        HttpClient.newHttpClient(),
                        Duration.ofSeconds(60),
                        ActivityLedger.NONE,
                        TestVocabulary.WORDS);
        bot =
                Javalin.create(config -> config.routes.post("/api/messages", adapter.messages()))
                        .start("127.0.0.1", 0);
    }

    /** A valid token for an activity from the fake connector. */
    String validToken() {
        return TestTokens.sign(
                key, TestTokens.claims(clock.instant(), microsoft.serviceUrl()).build());
    }

    HttpResponse<String> post(String authorization, String body) {
        try {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + bot.port() + "/api/messages"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> postSigned(JsonNode activity) {
        return post("Bearer " + validToken(), activity.toString());
    }

    @Override
    public void close() {
        bot.stop();
        microsoft.close();
    }
}
