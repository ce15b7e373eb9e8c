package dev.switchman.core.decision;

import dev.switchman.core.check.CheckResult;
import java.util.List;

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

    /** Time passed with no new input: windows and staleness are re-evaluated. */
    List<Decision> tick();

    @Override
    void close();
}
