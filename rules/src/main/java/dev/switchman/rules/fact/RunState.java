package dev.switchman.rules.fact;

import dev.switchman.core.decision.RunFacts;
import java.util.Set;

/** The run's state as a fact: phase, cutover time (-1 before cutover), approvals and completed steps. */
public final class RunState {
    private String phase = "";
    private String status = "";
    private long cutoverMs = -1;
    private Set<String> approvedSteps = Set.of();
    private Set<String> completedSteps = Set.of();

    public String getPhase() {
        return phase;
    }

    public String getStatus() {
        return status;
    }

    public long getCutoverMs() {
        return cutoverMs;
    }

    public boolean isAfterCutover() {
        return cutoverMs >= 0;
    }

    public Set<String> getApprovedSteps() {
        return approvedSteps;
    }

    public Set<String> getCompletedSteps() {
        return completedSteps;
    }

    public boolean isApproved(String step) {
        return approvedSteps.contains(step);
    }

    public void apply(RunFacts f) {
        phase = f.phase() == null ? "" : f.phase();
        status = f.status() == null ? "" : f.status();
        cutoverMs = f.cutoverAt() == null ? -1 : f.cutoverAt().toEpochMilli();
        approvedSteps = f.approvedSteps();
        completedSteps = f.completedSteps();
    }

    @Override
    public String toString() {
        return "RunState[" + phase + ", cutover=" + cutoverMs + "]";
    }
}
