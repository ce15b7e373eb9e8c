package dev.switchman.checks.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** One request of a redirect chain: where it went, what came back (status, Location, raw HSTS header on https), how long it took. */
public record HttpHop(String url, String address, int status, String location, String hsts, long ttfbMs, long totalMs) {

    /** As an observation value (a map of plain values). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", url);
        m.put("address", address);
        m.put("status", status);
        m.put("location", location == null ? "" : location);
        m.put("hsts", hsts == null ? "" : hsts);
        m.put("ttfb-ms", ttfbMs);
        m.put("ms", totalMs);
        return m;
    }
}
