package dev.switchman.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchman.core.check.CheckResult;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints check results: one human line (plus observations) or one JSON object per line. */
public final class CheckOutput {

    static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final boolean json;

    public CheckOutput(PrintStream out, boolean json) {
        this.out = out;
        this.json = json;
    }

    public void print(CheckResult r) {
        if (json) {
            out.println(toJson(r));
        } else {
            StringBuilder b = new StringBuilder();
            b.append(String.format("%-7s", r.status())).append(' ').append(r.checkId());
            if (!r.checkId().equals(r.kind())) {
                b.append(" (").append(r.kind()).append(')');
            }
            if (!r.target().isEmpty()) {
                b.append(' ').append(r.target());
            }
            if (!r.message().isEmpty()) {
                b.append(": ").append(r.message());
            }
            b.append(" [").append(r.duration().toMillis()).append(" ms]");
            out.println(b);
            r.observations().forEach((k, v) -> {
                if (v instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(e -> e instanceof Map<?, ?>)) {
                    out.println("        " + k + ":");
                    list.forEach(e -> out.println("          " + item((Map<?, ?>) e)));
                } else {
                    out.println("        " + k + " = " + v);
                }
            });
        }
        out.flush();
    }

    /**
     * One entry of a list of objects, on one line: a per-address report ({@code address}, {@code status},
     * {@code message}) as {@code address STATUS: message} (its own observations are in the JSON form);
     * anything else (a redirect hop, ...) as compact JSON.
     */
    static String item(Map<?, ?> e) {
        if (e.containsKey("address") && e.containsKey("status") && e.containsKey("message")) {
            return String.format("%-15s %-7s %s", e.get("address"), e.get("status"), e.get("message"));
        }
        return toJson(e);
    }

    public static Map<String, Object> toMap(CheckResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("check", r.checkId());
        m.put("kind", r.kind());
        m.put("target", r.target());
        m.put("status", r.status().name());
        m.put("observations", r.observations());
        m.put("message", r.message());
        m.put("observed-at", r.observedAt().toString());
        m.put("duration-ms", r.duration().toMillis());
        return m;
    }

    public static String toJson(CheckResult r) {
        return toJson(toMap(r));
    }

    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}
