package dev.switchman.core.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** An HTTP response: status code, content type, extra headers and body bytes. */
public record HttpResponse(int status, String contentType, Map<String, String> headers, byte[] body) {

    public HttpResponse {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    /** A {@code 200 application/json} answer. */
    public static HttpResponse json(String json) {
        return of(200, "application/json", json);
    }

    /** A plain-text answer with {@code status}. */
    public static HttpResponse text(int status, String text) {
        return of(status, "text/plain; charset=utf-8", text);
    }

    /** An empty answer with {@code status} (Slack's ack is an empty 200). */
    public static HttpResponse empty(int status) {
        return new HttpResponse(status, "text/plain; charset=utf-8", Map.of(), new byte[0]);
    }

    public static HttpResponse of(int status, String contentType, String body) {
        return new HttpResponse(status, contentType, Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }
}
