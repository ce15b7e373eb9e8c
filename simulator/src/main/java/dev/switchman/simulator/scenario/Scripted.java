package dev.switchman.simulator.scenario;

import dev.switchman.core.check.CheckStatus;
import java.util.Map;

/** A scripted check outcome: status, typed observations and the one-line message. */
public record Scripted(CheckStatus status, Map<String, Object> observations, String message) {

    public static final Scripted PASS = new Scripted(CheckStatus.PASS, Map.of(), "ok (scripted)");

    public Scripted {
        observations = observations == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(observations));
        message = message == null ? "" : message;
    }
}
