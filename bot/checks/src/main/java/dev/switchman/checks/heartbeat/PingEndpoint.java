package dev.switchman.checks.heartbeat;

import dev.switchman.core.http.HttpEndpoint;
import dev.switchman.core.http.HttpRequest;
import dev.switchman.core.http.HttpResponse;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /ping/<check-id>} on {@code switchman serve}, in the manner of healthchecks.io: {@code GET},
 * {@code HEAD} or {@code POST} of {@code /ping/<id>} is a success, {@code /ping/<id>/start} a start,
 * {@code /ping/<id>/fail} a failure; answered {@code 200 OK}. When {@code SWITCHMAN_PING_KEY} is set,
 * every ping must carry it ({@code X-Switchman-Ping-Key} header or {@code ?key=}), else 403 and nothing is
 * recorded. Cron line: {@code curl -fsS -m 10 --retry 3 http://switchman:8080/ping/cron-heartbeat}.
 */
final class PingEndpoint implements HttpEndpoint {

    static final Pattern PATH = Pattern.compile("/ping/([A-Za-z0-9][A-Za-z0-9._-]{0,63})(/start|/fail)?/?");

    private final PingBook book;
    private final String key;

    /** {@code key}: what every ping must carry, or null when none is required. */
    PingEndpoint(PingBook book, String key) {
        this.book = book;
        this.key = key == null || key.isBlank() ? null : key.strip();
    }

    @Override
    public String path() {
        return "/ping/*";
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        if (!(request.is("GET") || request.is("HEAD") || request.is("POST"))) {
            return HttpResponse.text(405, "use GET, HEAD or POST\n");
        }
        Matcher m = PATH.matcher(request.path());
        if (!m.matches()) {
            return HttpResponse.text(404, "expected /ping/<check-id>, /ping/<check-id>/start or /ping/<check-id>/fail\n");
        }
        String id = m.group(1);
        if (key != null && !constantTimeEquals(key, presented(request))) {
            return HttpResponse.text(403, "this heartbeat needs its key (X-Switchman-Ping-Key header or ?key=)\n");
        }
        PingBook.Signal signal = m.group(2) == null ? PingBook.Signal.SUCCESS
                : m.group(2).equals("/start") ? PingBook.Signal.START : PingBook.Signal.FAIL;
        if (!book.record(id, signal)) {
            return HttpResponse.text(429, "too many heartbeat ids\n");
        }
        return HttpResponse.text(200, "OK\n");
    }

    private static String presented(HttpRequest request) {
        String h = request.header("X-Switchman-Ping-Key").orElse(null);
        if (h != null) {
            return h;
        }
        for (String pair : request.query().split("&")) {
            if (pair.startsWith("key=")) {
                return java.net.URLDecoder.decode(pair.substring(4), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
