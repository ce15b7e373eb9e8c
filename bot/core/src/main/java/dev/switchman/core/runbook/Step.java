package dev.switchman.core.runbook;

import dev.switchman.core.yaml.SourceLocation;
import java.time.Duration;
import java.util.List;

/**
 * One step. Which fields are set depends on {@link #kind()}: MANUAL has {@code instruction} (the
 * {@code do:} text); VERIFY has {@code checks}; WAIT has {@code waitSpec}; GATE has {@code gate};
 * APPROVAL has {@code approvalRole}; NOTIFY has {@code notification}. {@code role}, when set, is the role
 * allowed to complete a manual step; {@code expected} is how long it usually takes (the simulator's
 * auto responders use it).
 */
public record Step(
        String id,
        String title,
        StepKind kind,
        String instruction,
        List<String> checks,
        WaitSpec waitSpec,
        GateSpec gate,
        String approvalRole,
        NotifySpec notification,
        String role,
        Duration expected,
        SourceLocation location) {

    public Step {
        checks = checks == null ? List.of() : List.copyOf(checks);
        location = location == null ? SourceLocation.UNKNOWN : location;
    }

    /** The title, or a sensible label from the step's content. */
    public String label() {
        if (title != null && !title.isBlank()) {
            return title;
        }
        return switch (kind) {
            case MANUAL -> instruction;
            case VERIFY -> "verify " + String.join(", ", checks);
            case WAIT -> "wait";
            case GATE -> "go/no-go gate";
            case APPROVAL -> "approval by " + approvalRole;
            case NOTIFY -> "notify " + (notification == null ? "" : notification.audience());
        };
    }
}
