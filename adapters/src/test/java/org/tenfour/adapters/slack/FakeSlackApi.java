package org.tenfour.adapters.slack;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake Slack Web API on loopback: records every call (method, form parameters, bearer token) and
 * answers like Slack, or as told (429 with Retry-After, 500, {@code ok:false}).
 */
public final class FakeSlackApi implements AutoCloseable {
    public static final String TEAM = "T111";
    public static final String BOT_USER = "UBOT";

    /** One recorded call. */
    public record Call(String method, Map<String, String> params, String token) {
        JsonObject json(String param) {
            return JsonParser.parseString(params.get(param)).getAsJsonObject();
        }
    }

    private record Answer(int status, String body, Map<String, String> headers) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Javalin server;
    private final Map<String, byte[]> uploads = new ConcurrentHashMap<>();

    /** Bytes received at the upload URL, by file id. */
    public Map<String, byte[]> uploads() {
        return Map.copyOf(uploads);
    }

    public FakeSlackApi() {
        server = Javalin.create(config -> {
            config.routes.post("/api/{method}", this::handle);
            // where files.getUploadURLExternal sends the bytes
            config.routes.post("/upload/{file}", ctx -> {
                uploads.put(ctx.pathParam("file"), ctx.bodyAsBytes());
                ctx.result("OK - " + ctx.bodyAsBytes().length);
            });
        }).start("127.0.0.1", 0);
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + server.port() + "/api/";
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    public void answer(String method, int status, String body, Map<String, String> headers) {
        answers.put(method, new Answer(status, body, headers));
    }

    public void rateLimit(String method, int retryAfterSeconds) {
        answer(method, 429, "{\"ok\":false,\"error\":\"ratelimited\"}",
                Map.of("Retry-After", String.valueOf(retryAfterSeconds)));
    }

    public void serverError(String method) {
        answer(method, 500, "<html>oops</html>", Map.of());
    }

    public void error(String method, String error) {
        answer(method, 200, "{\"ok\":false,\"error\":\"" + error + "\"}", Map.of());
    }

    private void handle(Context ctx) {
        String method = ctx.pathParam("method");
        Map<String, String> params = new LinkedHashMap<>();
        ctx.formParamMap().forEach((k, v) -> params.put(k, v.isEmpty() ? "" : v.get(0)));
        String auth = ctx.header("Authorization");
        String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : params.get("token");
        calls.add(new Call(method, params, token));
        Answer answer = answers.get(method);
        if (answer != null) {
            answer.headers().forEach(ctx::header);
            ctx.status(answer.status()).contentType("application/json").result(answer.body());
            return;
        }
        ctx.contentType("application/json; charset=utf-8").result(defaultAnswer(method, params));
    }

    private String defaultAnswer(String method, Map<String, String> params) {
        return switch (method) {
            case "auth.test" -> """
                    {"ok":true,"url":"https://fd7.slack.com/","team":"Fire District 7","user":"tenfour",
                     "team_id":"%s","user_id":"%s","bot_id":"B0BOT","is_enterprise_install":false}"""
                    .formatted(TEAM, BOT_USER);
            case "chat.postMessage" -> """
                    {"ok":true,"channel":"%s","ts":"1700000000.000100","message":{"type":"message","ts":"1700000000.000100"}}"""
                    .formatted(params.getOrDefault("channel", "").startsWith("U") ? "D0DM" : params.get("channel"));
            case "chat.update" -> "{\"ok\":true,\"channel\":\"" + params.get("channel") + "\",\"ts\":\"" + params.get("ts") + "\"}";
            case "chat.postEphemeral" -> "{\"ok\":true,\"message_ts\":\"1700000000.000200\"}";
            case "views.open", "views.publish" -> "{\"ok\":true,\"view\":{\"id\":\"V0VIEW\",\"type\":\"modal\"}}";
            case "users.info" -> """
                    {"ok":true,"user":{"id":"%s","team_id":"%s","name":"pat","real_name":"Pat Real","tz":"America/Chicago",
                     "is_admin":true,"is_owner":false,"profile":{"display_name":"Pat","real_name":"Pat Real"}}}"""
                    .formatted(params.get("user"), TEAM);
            case "conversations.members" -> "page2".equals(params.get("cursor"))
                    ? "{\"ok\":true,\"members\":[\"U3\"],\"response_metadata\":{\"next_cursor\":\"\"}}"
                    : "{\"ok\":true,\"members\":[\"U1\",\"U2\"],\"response_metadata\":{\"next_cursor\":\"page2\"}}";
            case "usergroups.users.list" -> "{\"ok\":true,\"users\":[\"U7\",\"U8\"]}";
            case "conversations.open" -> "{\"ok\":true,\"channel\":{\"id\":\"G0MPIM\"}}";
            case "files.getUploadURLExternal" -> "{\"ok\":true,\"upload_url\":\"" + apiUrl().replace("/api/", "/upload/")
                    + "F0FILE1\",\"file_id\":\"F0FILE1\"}";
            case "files.completeUploadExternal" -> "{\"ok\":true,\"files\":[{\"id\":\"F0FILE1\",\"title\":\""
                    + params.getOrDefault("files", "") .replace("\"", "'") + "\"}]}";
            case "oauth.v2.access" -> """
                    {"ok":true,"app_id":"A0APP","authed_user":{"id":"UINSTALLER"},"scope":"commands,chat:write",
                     "token_type":"bot","access_token":"xoxb-installed-token","bot_user_id":"UBOT7",
                     "team":{"id":"T777","name":"Fire District 7"},"enterprise":null,"is_enterprise_install":false}""";
            default -> "{\"ok\":false,\"error\":\"unknown_method\"}";
        };
    }

    @Override
    public void close() {
        server.stop();
    }
}
