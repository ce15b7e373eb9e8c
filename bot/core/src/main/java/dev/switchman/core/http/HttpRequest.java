package dev.switchman.core.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request as received: method, path (no query), raw query string (may be empty), headers with
 * case-insensitive names (RFC 9110 section 5.1) and the body bytes exactly as sent (signatures are
 * computed over them).
 */
public record HttpRequest(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {

    public HttpRequest {
        Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> h.put(k, List.copyOf(v)));
        headers = java.util.Collections.unmodifiableMap(h);
        query = query == null ? "" : query;
        body = body == null ? new byte[0] : body;
    }

    /** The first value of header {@code name} (case-insensitive), if present. */
    public Optional<String> header(String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** The body decoded as UTF-8. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** True when the method is {@code m}, ignoring case. */
    public boolean is(String m) {
        return method.toUpperCase(Locale.ROOT).equals(m.toUpperCase(Locale.ROOT));
    }
}
