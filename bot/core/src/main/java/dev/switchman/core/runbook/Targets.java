package dev.switchman.core.runbook;

import java.util.List;
import java.util.Map;

/** The old and new environments (free-form key/values such as address, host) and the domains moved. */
public record Targets(Map<String, String> oldSide, Map<String, String> newSide, List<String> domains) {
    public Targets {
        oldSide = oldSide == null ? Map.of() : Map.copyOf(oldSide);
        newSide = newSide == null ? Map.of() : Map.copyOf(newSide);
        domains = domains == null ? List.of() : List.copyOf(domains);
    }

    public static Targets none() {
        return new Targets(Map.of(), Map.of(), List.of());
    }
}
