package org.tenfour.adapters.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.Slack;
import com.slack.api.socket_mode.impl.SocketModeClientTyrusImpl;
import com.slack.api.socket_mode.queue.impl.ConcurrentLinkedMessageQueue;
import java.io.IOException;
import java.net.URISyntaxException;
import javax.websocket.ClientEndpoint;

/**
 * Bolt's Tyrus Socket Mode client with three changes: {@code hello} and {@code disconnect} go to
 * the {@link SocketModeLink} (which reconnects with backoff instead of Bolt's fixed retry), Bolt's
 * own session monitor is off (the link checks), and envelopes are never written to the debug log
 * (they carry what people write).
 *
 * <p>{@link ClientEndpoint} again: Tyrus reads it from the class itself, and annotations are not
 * inherited.
 */
@ClientEndpoint
final class LinkClient extends SocketModeClientTyrusImpl {
    private final SocketModeLink link;

    LinkClient(Slack slack, String appToken, String wssUrl, SocketModeLink link)
            throws URISyntaxException {
        super(
                slack,
                appToken,
                wssUrl,
                SocketModeLink.PROCESSORS,
                new ConcurrentLinkedMessageQueue(),
                true,
                false,
                DEFAULT_SESSION_MONITOR_INTERVAL_MILLISECONDS);
        this.link = link;
    }

    @Override
    public void processMessage(String message) throws IOException {
        String type = null;
        String reason = null;
        try {
            JsonObject json = JsonParser.parseString(message).getAsJsonObject();
            type = text(json.get("type"));
            reason = text(json.get("reason"));
        } catch (RuntimeException e) {
            return; // not JSON: nothing Slack sends
        }
        if ("hello".equals(type)) {
            link.greeted();
            return;
        }
        if ("disconnect".equals(type)) {
            link.reconnectRequested(reason == null ? "none" : reason);
            return;
        }
        super.processMessage(message);
    }

    @Override
    public long maintainCurrentSession() {
        return System.currentTimeMillis(); // the link checks; Bolt's monitor is off
    }

    @Override
    public void debugLogRequest(String message) {
        // envelopes carry message text: never logged
    }

    @Override
    public void debugLogResponse(String message) {
        // acknowledgements can carry reply text: never logged
    }

    private static String text(JsonElement e) {
        return e == null || !e.isJsonPrimitive() ? null : e.getAsString();
    }
}
