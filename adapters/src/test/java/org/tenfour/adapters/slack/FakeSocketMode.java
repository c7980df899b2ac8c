package org.tenfour.adapters.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.javalin.Javalin;
import io.javalin.websocket.WsContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slack's Socket Mode server on loopback, as Slack documents it: {@code apps.connections.open} at
 * the fake Web API hands out a single-use {@code ws://127.0.0.1:…/link/?ticket=…} URL (only to an
 * app-level {@code xapp-} token); a connection with a valid ticket is greeted with {@code hello};
 * requests are sent as envelopes ({@code envelope_id}, {@code type}, {@code payload}, {@code
 * accepts_response_payload}, {@code retry_attempt}) to the newest connection, and what the app
 * sends back is recorded as acknowledgements. It can drop the link without a close frame, and ask
 * for a reconnect with a {@code disconnect} message (closing the old link once the new one is up).
 */
public final class FakeSocketMode implements AutoCloseable {
    public static final String APP_TOKEN = "xapp-1-A0APP-1234-abcdef";

    /** An acknowledgement the app sent: its envelope id, payload (or null) and arrival time. */
    public record Ack(String envelopeId, JsonObject payload, long atNanos) {}

    /** An envelope sent to the app, and when. */
    public record Sent(String envelopeId, String type, long atNanos) {}

    private final Javalin server;
    private final Set<String> tickets = ConcurrentHashMap.newKeySet();
    private final List<WsContext> links = new CopyOnWriteArrayList<>();
    private final List<Ack> acks = new CopyOnWriteArrayList<>();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger greeted = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger ticketNumber = new AtomicInteger();
    private volatile boolean closeOldOnNextHello;

    /** Serves the link and teaches {@code api} to answer {@code apps.connections.open}. */
    public FakeSocketMode(FakeSlackApi api) {
        server =
                Javalin.create(
                                config ->
                                        config.routes.ws(
                                                "/link",
                                                ws -> {
                                                    ws.onConnect(this::connected);
                                                    ws.onMessage(ctx -> received(ctx.message()));
                                                    ws.onClose(ctx -> links.remove(ctx));
                                                }))
                        .start("127.0.0.1", 0);
        api.answerWith("apps.connections.open", this::connectionsOpen);
    }

    private String connectionsOpen(FakeSlackApi.Call call) {
        if (call.token() == null || !call.token().startsWith("xapp-")) {
            return "{\"ok\":false,\"error\":\"not_allowed_token_type\"}";
        }
        String ticket = "t" + ticketNumber.incrementAndGet() + "-" + UUID.randomUUID();
        tickets.add(ticket);
        return "{\"ok\":true,\"url\":\"ws://127.0.0.1:"
                + server.port()
                + "/link/?ticket="
                + ticket
                + "&app_id=A0APP\"}";
    }

    private void connected(WsContext ctx) {
        String ticket = ctx.queryParam("ticket");
        if (ticket == null || !tickets.remove(ticket)) {
            refused.incrementAndGet();
            ctx.closeSession(1008, "invalid ticket");
            return;
        }
        List<WsContext> older = List.copyOf(links);
        links.add(ctx);
        ctx.send(
                """
                {"type":"hello","num_connections":%d,"debug_info":{"host":"applink-fake-1",\
                "build_number":1,"approximate_connection_time":18060},\
                "connection_info":{"app_id":"A0APP"}}"""
                        .formatted(links.size()));
        greeted.incrementAndGet();
        if (closeOldOnNextHello) {
            closeOldOnNextHello = false;
            older.forEach(old -> old.closeSession(1000, "refresh"));
        }
    }

    private void received(String message) {
        JsonObject json = JsonParser.parseString(message).getAsJsonObject();
        JsonElement id = json.get("envelope_id");
        if (id != null) {
            JsonElement payload = json.get("payload");
            acks.add(
                    new Ack(
                            id.getAsString(),
                            payload == null || payload.isJsonNull()
                                    ? null
                                    : payload.getAsJsonObject(),
                            System.nanoTime()));
        }
    }

    /** Sends an envelope to the newest link and returns its envelope id. */
    public String send(String type, String payloadJson, boolean acceptsResponsePayload) {
        return send(type, payloadJson, acceptsResponsePayload, 0);
    }

    /**
     * As {@link #send(String, String, boolean)}, marked as Slack's {@code retryAttempt}th retry.
     */
    public String send(
            String type, String payloadJson, boolean acceptsResponsePayload, int retryAttempt) {
        WsContext link = newest().orElseThrow(() -> new IllegalStateException("no open link"));
        String envelopeId = UUID.randomUUID().toString();
        String retry =
                retryAttempt == 0
                        ? ""
                        : ",\"retry_attempt\":" + retryAttempt + ",\"retry_reason\":\"timeout\"";
        sent.add(new Sent(envelopeId, type, System.nanoTime()));
        link.send(
                "{\"envelope_id\":\""
                        + envelopeId
                        + "\",\"type\":\""
                        + type
                        + "\",\"payload\":"
                        + payloadJson
                        + ",\"accepts_response_payload\":"
                        + acceptsResponsePayload
                        + retry
                        + "}");
        return envelopeId;
    }

    /** The acknowledgement of an envelope, once it arrived. */
    public Optional<Ack> ack(String envelopeId) {
        return acks.stream().filter(a -> a.envelopeId().equals(envelopeId)).findFirst();
    }

    public List<Ack> acks() {
        return List.copyOf(acks);
    }

    /** When an envelope was sent. */
    public long sentAtNanos(String envelopeId) {
        return sent.stream()
                .filter(s -> s.envelopeId().equals(envelopeId))
                .findFirst()
                .orElseThrow()
                .atNanos();
    }

    /** Connections greeted with {@code hello} so far. */
    public int greeted() {
        return greeted.get();
    }

    /** Connections refused for a missing, unknown or reused ticket. */
    public int refused() {
        return refused.get();
    }

    /** Links open now. */
    public int open() {
        return (int) links.stream().filter(l -> l.session.isOpen()).count();
    }

    /** The link breaks without a close frame (a network failure, a proxy timing out). */
    public void drop() {
        links.forEach(l -> l.session.disconnect());
        links.clear();
    }

    /**
     * Slack's refresh: a {@code disconnect} message on every link; each is closed once the app has
     * opened a new one.
     */
    public void askToReconnect(String reason) {
        closeOldOnNextHello = true;
        links.forEach(
                l ->
                        l.send(
                                "{\"type\":\"disconnect\",\"reason\":\""
                                        + reason
                                        + "\",\"debug_info\":{\"host\":\"applink-fake-1\"}}"));
    }

    private Optional<WsContext> newest() {
        for (int i = links.size() - 1; i >= 0; i--) {
            if (links.get(i).session.isOpen()) {
                return Optional.of(links.get(i));
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        server.stop();
    }
}
