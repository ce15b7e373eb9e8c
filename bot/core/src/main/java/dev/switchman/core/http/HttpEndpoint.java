package dev.switchman.core.http;

/**
 * One route of the embedded HTTP server that {@code switchman serve} starts (default port 8080,
 * {@code SWITCHMAN_HTTP_PORT}): {@code /slack/events}, {@code /discord/interactions}, {@code /health},
 * later {@code /status} and {@code /ping/<id>}. Backends and features contribute endpoints; the server
 * owns sockets, threads and limits (body size, timeouts) and calls {@link #handle} once per request.
 *
 * <p>Small on purpose, like Bolt's {@code Request}/{@code Response} adapters: a backend verifies the
 * request's signature over {@link HttpRequest#body()} exactly as received, so the body is raw bytes.
 */
public interface HttpEndpoint {

    /** The path this endpoint answers, such as {@code /slack/events}; a trailing {@code /*} matches a prefix. */
    String path();

    /**
     * Answers one request. Must return within the platform's deadline (Slack and Discord allow 3 s):
     * acknowledge, then do slow work elsewhere. An exception becomes a 500 with no detail in the body.
     */
    HttpResponse handle(HttpRequest request);
}
