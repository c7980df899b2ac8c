package org.tenfour.adapters.slack;

import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Javalin ↔ Bolt, the way Bolt's own http4k adapter does it: request in, status/type/headers/body
 * out.
 */
final class BoltHttp {
    private BoltHttp() {}

    static SlackRequestParser.HttpRequest request(Context ctx, String requestUri, String body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        HttpServletRequest req = ctx.req();
        for (String name : Collections.list(req.getHeaderNames())) {
            headers.put(name, Collections.list(req.getHeaders(name)));
        }
        return SlackRequestParser.HttpRequest.builder()
                .requestUri(requestUri)
                .queryString(QueryStringParser.toMap(ctx.queryString()))
                .headers(new RequestHeaders(headers))
                .requestBody(body)
                .remoteAddress(ctx.ip())
                .build();
    }

    static void write(Response response, Context ctx) {
        ctx.status(response.getStatusCode() == null ? 200 : response.getStatusCode());
        if (response.getHeaders() != null) {
            response.getHeaders()
                    .forEach((name, values) -> values.forEach(v -> ctx.res().addHeader(name, v)));
        }
        if (response.getContentType() != null) {
            ctx.contentType(response.getContentType());
        }
        ctx.result(response.getBody() == null ? "" : response.getBody());
    }

    static void reply(Context ctx, int status, String shortReason) {
        ctx.status(status)
                .contentType("application/json; charset=utf-8")
                .result("{\"error\":\"" + shortReason + "\"}");
    }
}
