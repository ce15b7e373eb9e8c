package dev.switchman.core.decision;

import dev.switchman.core.check.CheckResult;
import java.util.List;
import java.util.Set;

/**
 * A run's rule session. Each call first brings the session's time up to the clock's, then
 * inserts, fires and returns the decisions that are new since the last call (never the same
 * decision twice for the same evidence).
 */
public interface DecisionSession extends AutoCloseable {

    /** A new check result. */
    List<Decision> onResult(CheckResult result);

    /** The run's state changed (phase, cutover, approvals, steps). */
    List<Decision> onRunFacts(RunFacts facts);

    /**
     * Evaluates the go/no-go gate of a phase now: GO, or NO_GO listing every blocker. The
     * returned list holds exactly one GO or NO_GO decision (and possibly advisories).
     */
    List<Decision> evaluateGate(String phaseId, List<String> blockingCheckIds);

    /**
     * The checks the engine is running now (the current verify step's, gate's or wait's checks,
     * overridden checks, and after cutover the blocking and cutover-phase checks). Staleness
     * ("monitoring blind") only applies to these: a check the engine is not supposed to run is not
     * stale when it goes quiet. Until the first call every check counts as monitored. The default
     * ignores it (sessions that do not judge staleness).
     */
    default List<Decision> onMonitoring(Set<String> monitoredCheckIds) {
        return List.of();
    }

    /** Time passed with no new input: windows and staleness are re-evaluated. */
    List<Decision> tick();

    @Override
    void close();
}
