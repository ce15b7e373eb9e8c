package dev.switchman.simulator.scenario;

import dev.switchman.core.decision.DecisionKind;
import dev.switchman.core.yaml.SourceLocation;
import java.time.Duration;

/**
 * What must happen. {@code DECISION}: the rules decide {@code decision} (optionally by rule {@code rule}),
 * {@code within} of fault {@code of} (or of offset {@code at}, or of the start); {@code NEVER}: the rules never decide
 * {@code decision} (by rule {@code rule}, when given); {@code PHASE}: phase {@code phase} is reached by offset {@code by} (or, with
 * {@code notReached}, is never reached); {@code OUTCOME}: the run ends {@code outcome}
 * (completed, rolled-back, aborted, running).
 */
public record Expectation(
        Kind kind,
        DecisionKind decision,
        String rule,
        Duration within,
        String of,
        Duration at,
        String phase,
        Duration by,
        boolean notReached,
        String outcome,
        String text,
        SourceLocation location) {

    public enum Kind { DECISION, NEVER, PHASE, OUTCOME }
}
