package dev.switchman.rules.fact;

import dev.switchman.core.decision.Evidence;
import java.util.ArrayList;
import java.util.List;

/**
 * A go/no-go question for one phase, inserted for one evaluation: gate rules add every blocker they
 * find ({@link #block}); the session answers GO when none was added, NO_GO listing all otherwise.
 */
public final class GateRequest {
    private final String phase;
    private final List<String> checkIds;
    private final List<String> approvals;
    private final List<Blocker> blockers = new ArrayList<>();

    public GateRequest(String phase, List<String> checkIds, List<String> approvals) {
        this.phase = phase;
        this.checkIds = List.copyOf(checkIds);
        this.approvals = List.copyOf(approvals);
    }

    public String getPhase() {
        return phase;
    }

    public List<String> getCheckIds() {
        return checkIds;
    }

    public List<String> getApprovals() {
        return approvals;
    }

    public boolean covers(String checkId) {
        return checkIds.contains(checkId);
    }

    public void block(String ruleId, String sentence, Evidence... evidence) {
        Blocker b = new Blocker(ruleId, sentence, List.of(evidence));
        if (!blockers.contains(b)) {
            blockers.add(b);
        }
    }

    public void block(String ruleId, String sentence, List<Evidence> evidence) {
        block(ruleId, sentence, evidence.toArray(new Evidence[0]));
    }

    public List<Blocker> getBlockers() {
        return List.copyOf(blockers);
    }

    /** One reason the gate says NO_GO. */
    public record Blocker(String ruleId, String sentence, List<Evidence> evidence) {
    }
}
