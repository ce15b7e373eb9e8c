package dev.switchman.core.decision;

import dev.switchman.core.runbook.Runbook;
import java.time.Clock;
import java.util.List;

/**
 * Decides go/no-go, hold and rollback from live results. Implemented with Drools in
 * switchman-rules; core knows only this interface. One {@link DecisionSession} per run.
 */
public interface DecisionEngine {

    /**
     * Opens a session for a run of this runbook. Time comes from {@code clock}: the session
     * follows it (a pseudo clock advanced to {@code clock.instant()} on every call), so the live
     * bot and the simulator run the same rules.
     */
    DecisionSession open(Runbook runbook, Clock clock);

    /** Problems compiling a rule file (path relative to the runbook), empty when it compiles. */
    default List<RuleProblem> validateRules(java.nio.file.Path drlFile) {
        return List.of();
    }

    /** A problem in a rule file: 1-based line and column, 0 when unknown. */
    record RuleProblem(String file, int line, int column, String message) {
    }
}
