package dev.switchman.core.run;

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
import java.util.List;

/**
 * Test rules (an implementation of our SPI, like a rule pack): a FAIL of {@code failCheck} after cutover
 * gives ROLLBACK, before cutover HOLD; gates are decided by the basic engine.
 */
final class ScriptedDecisions implements DecisionEngine {

    private final String failCheck;

    ScriptedDecisions(String failCheck) {
        this.failCheck = failCheck;
    }

    @Override
    public DecisionSession open(Runbook runbook, Clock clock) {
        DecisionSession basic = new BasicDecisionEngine().open(runbook, clock);
        return new DecisionSession() {
            RunFacts facts;

            @Override
            public List<Decision> onResult(CheckResult r) {
                basic.onResult(r);
                if (!r.checkId().equals(failCheck) || r.status() != CheckStatus.FAIL) return List.of();
                Evidence e = new Evidence(r.checkId(), r.status(), r.observations(), r.observedAt());
                boolean after = facts != null && facts.afterCutover();
                return List.of(new Decision(after ? DecisionKind.ROLLBACK : DecisionKind.HOLD, after ? "test.rollback" : "test.hold",
                        failCheck + " failed", List.of(e), clock.instant(), facts == null ? null : facts.phase()));
            }

            @Override
            public List<Decision> onRunFacts(RunFacts f) {
                facts = f;
                return basic.onRunFacts(f);
            }

            @Override
            public List<Decision> evaluateGate(String phaseId, List<String> checks) {
                return basic.evaluateGate(phaseId, checks);
            }

            @Override
            public List<Decision> tick() {
                return List.of();
            }

            @Override
            public void close() {
            }
        };
    }
}
