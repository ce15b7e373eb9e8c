package dev.switchman.core.decision;

import dev.switchman.core.check.CheckStatus;
import java.time.Instant;
import java.util.Map;

/** One result a decision rests on: which check, its status, the values that mattered, when. */
public record Evidence(String checkId, CheckStatus status, Map<String, Object> values, Instant observedAt) {
    public Evidence {
        values = values == null ? Map.of() : Map.copyOf(values);
    }
}
