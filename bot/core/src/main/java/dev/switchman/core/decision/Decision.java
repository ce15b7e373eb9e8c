package dev.switchman.core.decision;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A decision from the rules: the kind, the rule's stable id (documented in docs/rules.md), a
 * sentence a person under stress understands, the evidence, when, and in which phase.
 */
public record Decision(DecisionKind kind, String ruleId, String reason, List<Evidence> evidence, Instant at, String phase) {
    public Decision {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(at, "at");
        reason = reason == null ? "" : reason;
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
