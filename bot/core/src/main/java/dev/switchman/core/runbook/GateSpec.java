package dev.switchman.core.runbook;

import java.util.List;

/**
 * A go/no-go gate: the rules must say GO. {@code checks} are the blocking checks it needs PASS and
 * fresh (empty: every blocking check verified in this phase); {@code approvals} the approval step
 * ids that must be granted.
 */
public record GateSpec(List<String> checks, List<String> approvals) {
    public GateSpec {
        checks = checks == null ? List.of() : List.copyOf(checks);
        approvals = approvals == null ? List.of() : List.copyOf(approvals);
    }
}
