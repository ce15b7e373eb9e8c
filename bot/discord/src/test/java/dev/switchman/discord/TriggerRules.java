package dev.switchman.discord;

import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.decision.BasicDecisionEngine;
import dev.switchman.core.decision.Decision;
import dev.switchman.core.decision.DecisionEngine;
import dev.switchman.core.decision.DecisionKind;
import dev.switchman.core.decision.DecisionSession;
import dev.switchman.core.decision.Evidence;
import dev.switchman.core.decision.RunFacts;
import dev.switchman.core.runbook.Runbook;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Test data, not a mock: core's basic rules plus one rollback trigger, as a rule pack would have it
 * (the Drools packs live in {@code rules}, which a backend does not depend on): a FAIL of {@code error-rate}
 * recommends ROLLBACK.
 */
final class TriggerRules implements DecisionEngine {

    static final String CHECK = "error-rate";

    private final DecisionEngine basic = new BasicDecisionEngine();

    @Override
    public DecisionSession open(Runbook runbook, Clock clock) {
        DecisionSession s = basic.open(runbook, clock);
        return new DecisionSession() {
            @Override
            public List<Decision> onResult(CheckResult result) {
                List<Decision> out = new ArrayList<>(s.onResult(result));
                if (result.checkId().equals(CHECK) && result.status() == CheckStatus.FAIL) {
                    out.add(new Decision(DecisionKind.ROLLBACK, "test.error-rate", "error rate above 5% on the new host",
                            List.of(new Evidence(CHECK, result.status(), java.util.Map.of(), result.observedAt())), clock.instant(), null));
                }
                return out;
            }

            @Override public List<Decision> onRunFacts(RunFacts facts) { return s.onRunFacts(facts); }
            @Override public List<Decision> evaluateGate(String phaseId, List<String> blocking) { return s.evaluateGate(phaseId, blocking); }
            @Override public List<Decision> onMonitoring(Set<String> monitored) { return s.onMonitoring(monitored); }
            @Override public List<Decision> tick() { return s.tick(); }
            @Override public void close() { s.close(); }
        };
    }
}
