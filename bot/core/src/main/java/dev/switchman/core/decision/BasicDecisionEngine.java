package dev.switchman.core.decision;

import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.runbook.CheckSpec;
import dev.switchman.core.runbook.Phase;
import dev.switchman.core.runbook.Runbook;
import dev.switchman.core.runbook.Step;
import dev.switchman.core.runbook.StepKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fallback decision engine when the Drools module is absent. It decides gates only:
 * GO iff every listed blocking check's latest result is PASS and was observed within two of its
 * intervals, and every approval the phase's gates require is granted; otherwise NO_GO naming every
 * blocker. It never recommends a rollback (that needs the rules). Rule ids: {@code basic.gate.go},
 * {@code basic.gate.no-go}.
 */
public final class BasicDecisionEngine implements DecisionEngine {

    public static final String GO_RULE = "basic.gate.go";
    public static final String NO_GO_RULE = "basic.gate.no-go";

    @Override
    public DecisionSession open(Runbook runbook, Clock clock) {
        return new Session(runbook, clock);
    }

    private static final class Session implements DecisionSession {
        private final Runbook runbook;
        private final Clock clock;
        private final Map<String, CheckResult> latest = new HashMap<>();
        private RunFacts facts;

        Session(Runbook runbook, Clock clock) {
            this.runbook = runbook;
            this.clock = clock;
        }

        @Override
        public List<Decision> onResult(CheckResult result) {
            latest.put(result.checkId(), result);
            return List.of();
        }

        @Override
        public List<Decision> onRunFacts(RunFacts f) {
            this.facts = f;
            return List.of();
        }

        @Override
        public List<Decision> evaluateGate(String phaseId, List<String> blockingCheckIds) {
            Instant now = clock.instant();
            List<String> blockers = new ArrayList<>();
            List<Evidence> evidence = new ArrayList<>();
            for (String id : blockingCheckIds) {
                CheckResult r = latest.get(id);
                Duration interval = runbook.check(id).map(CheckSpec::interval).orElse(CheckSpec.DEFAULT_INTERVAL);
                if (r == null) {
                    blockers.add(id + " has no result yet");
                    continue;
                }
                evidence.add(new Evidence(id, r.status(), r.observations(), r.observedAt()));
                if (r.status() != CheckStatus.PASS) {
                    blockers.add(id + " is " + r.status() + (r.message().isEmpty() ? "" : " (" + r.message() + ")"));
                } else if (r.observedAt().plus(interval.multipliedBy(2)).isBefore(now)) {
                    blockers.add(id + " is stale (last PASS at " + r.observedAt() + ", older than two intervals of " + interval + ")");
                }
            }
            Set<String> granted = facts == null ? Set.of() : facts.approvedSteps();
            for (String approval : requiredApprovals(phaseId)) {
                if (!granted.contains(approval)) {
                    blockers.add("approval " + approval + " is not granted");
                }
            }
            if (blockers.isEmpty()) {
                String reason = blockingCheckIds.isEmpty() ? "no blocking checks; approvals in" : "every blocking check passes and is fresh; approvals in";
                return List.of(new Decision(DecisionKind.GO, GO_RULE, reason, evidence, now, phaseId));
            }
            return List.of(new Decision(DecisionKind.NO_GO, NO_GO_RULE, "blocked: " + String.join("; ", blockers), evidence, now, phaseId));
        }

        private Set<String> requiredApprovals(String phaseId) {
            Set<String> out = new LinkedHashSet<>();
            runbook.phase(phaseId).map(Phase::steps).orElse(List.of()).stream()
                    .filter(s -> s.kind() == StepKind.GATE && s.gate() != null)
                    .map(Step::gate)
                    .forEach(g -> out.addAll(g.approvals()));
            return out;
        }

        @Override
        public List<Decision> tick() {
            return List.of();
        }

        @Override
        public void close() {
        }
    }
}
