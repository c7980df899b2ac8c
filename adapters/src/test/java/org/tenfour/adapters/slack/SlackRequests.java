package org.tenfour.adapters.slack;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts requests to {@code /slack/events} the way Slack does, signed with the v0 HMAC-SHA256
 * scheme.
 */
public final class SlackRequests {
    public static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    public static final String FORM = "application/x-www-form-urlencoded";
    public static final String JSON = "application/json";

    private final HttpClient client = HttpClient.newHttpClient();
    private final String baseUrl;

    public SlackRequests(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The v0 signature, computed here independently of the code under test. */
    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest =
                    mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> signed(String contentType, String body) {
        return signed(contentType, body, Map.of());
    }

    public HttpResponse<String> signed(
            String contentType, String body, Map<String, String> extraHeaders) {
        long now = Instant.now().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put("X-Slack-Request-Timestamp", String.valueOf(now));
        headers.put("X-Slack-Signature", sign(SECRET, now, body));
        return post(contentType, body, headers);
    }

    public HttpResponse<String> post(String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(baseUrl + "/slack/events"))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(b::header);
        return send(b.build());
    }

    public HttpResponse<String> get(String pathAndQuery, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).GET();
        headers.forEach(b::header);
        return send(b.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A slash command's form body, as Slack posts it. */
    public static String command(String team, String command, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "gIkuvaNzQIHg97ATvDxqgjtO");
        form.put("team_id", team);
        form.put("team_domain", "fd7");
        form.put("channel_id", "C0COORD");
        form.put("channel_name", "peer-coordinators");
        form.put("user_id", "U0PAT");
        form.put("user_name", "pat");
        form.put("command", command);
        form.put("text", text);
        form.put("api_app_id", "A0APP");
        form.put("is_enterprise_install", "false");
        form.put("response_url", "https://hooks.slack.com/commands/" + team + "/1234/5678");
        form.put("trigger_id", "13345224609.738474920.8088930838d88f008e0");
        return form(form);
    }

    /** An interactivity body: the JSON payload in a {@code payload=} form field. */
    public static String interactive(String payloadJson) {
        return "payload=" + URLEncoder.encode(payloadJson, StandardCharsets.UTF_8);
    }

    public static String form(Map<String, String> form) {
        return form.entrySet().stream()
                .map(
                        e ->
                                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                                        + "="
                                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
