package dev.switchman.core.run;

import dev.switchman.core.chat.ChatUser;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.decision.Decision;
import dev.switchman.core.decision.DecisionKind;
import dev.switchman.core.runbook.Roles;
import dev.switchman.core.runbook.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * A go/no-go gate: asks the rules once its checks are fresh, records the gate decision when it
 * changes, and acts on it: GO completes a plain gate, and asks the rollback authority to {@code go} at
 * the cutover gate; anything else says what blocks.
 */
final class GateStepHandler implements StepHandler {

    private final RunEngine run;

    GateStepHandler(RunEngine run) {
        this.run = run;
    }

    @Override
    public List<String> checks(PlannedStep ps, Step s) {
        return run.plan().gateChecks(ps, s);
    }

    @Override
    public void arm(PlannedStep ps, Step s) {
        List<String> stale = checks(ps, s).stream().filter(id -> !run.monitor().fresh(id)).toList();
        stale.forEach(run.monitor()::runCheck);
        if (stale.stream().noneMatch(run.monitor()::running)) {
            evaluate(ps, s, null);
        }
    }

    @Override
    public void onResult(PlannedStep ps, Step s, CheckResult r) {
        List<String> checks = checks(ps, s);
        if (checks.contains(r.checkId()) && checks.stream().noneMatch(run.monitor()::running)) evaluate(ps, s, null);
    }

    /** Asks the rules; records the decision when it changed; acts on it. {@code goBy} non-null: a `go` asked, the caller acts. */
    Decision evaluate(PlannedStep ps, Step s, ChatUser goBy) {
        List<Decision> ds = run.decisions().evaluateGate(ps.phaseId(), checks(ps, s));
        Decision gate = ds.stream().filter(d -> d.kind() == DecisionKind.GO || d.kind() == DecisionKind.NO_GO).findFirst()
                .orElseGet(() -> ds.stream().filter(d -> d.kind() == DecisionKind.HOLD).findFirst()
                        .orElse(new Decision(DecisionKind.NO_GO, "engine.gate.no-decision", RunMessages.gateNoDecision(), List.of(),
                                run.context().clock().instant(), ps.phaseId())));
        Decision previous = run.state().gateDecision(s.id()).orElse(null);
        if (previous == null || previous.kind() != gate.kind() || !previous.reason().equals(gate.reason())) {
            run.decisions().record(gate, s.id());
        }
        run.decisions().handle(ds.stream().filter(d -> d != gate).toList());
        if (goBy != null) {
            return gate;
        }
        if (gate.kind() == DecisionKind.GO) {
            if (run.plan().cutoverGate(ps)) {
                run.channel().post("gate:" + s.id(), RunMessages.gateGo(s, gate, run.runbook().roles().of(Roles.ROLLBACK_AUTHORITY)));
            } else if (!run.held()) {
                run.completeStep(ps, RunEngine.BOT, RunMessages.gateGoNote(gate));
            }
        } else {
            run.channel().post("gate:" + s.id(), RunMessages.gateBlocked(s, gate, run.overrideHint(s)));
        }
        return gate;
    }

    @Override
    public String prompt(Step s) {
        return RunMessages.gatePrompt();
    }

    @Override
    public void requireDone(PlannedStep ps, Step s) {
        throw new RunException(RunMessages.gateNeedsGo(s, run.overrideHint(s)));
    }

    @Override
    public Blockers overrideBlockers(PlannedStep ps, Step s, StepRecord rec) {
        List<String> checks = checks(ps, s);
        List<String> blockers = new ArrayList<>();
        for (String id : checks) {
            CheckResult r = run.state().latestResults().get(id);
            if (r == null) blockers.add(id + " NO_RESULT");
            else if (r.status() != CheckStatus.PASS) blockers.add(id + " " + r.status().name());
        }
        if (s.gate() != null) {
            s.gate().approvals().stream().filter(a -> !run.state().approvals().containsKey(a)).forEach(a -> blockers.add("approval " + a + " missing"));
        }
        run.state().gateDecision(s.id()).filter(d -> d.kind() != DecisionKind.GO)
                .ifPresent(d -> blockers.add("rules " + d.kind() + " (" + d.ruleId() + ")"));
        if (blockers.isEmpty()) {
            throw new RunException(RunMessages.nothingBlocksGate(s));
        }
        return new Blockers(checks, blockers);
    }

    @Override
    public List<String> statusBlockers(PlannedStep ps, Step s) {
        List<String> out = new ArrayList<>();
        run.state().gateDecision(s.id()).filter(d -> d.kind() != DecisionKind.GO).ifPresent(d -> out.add(d.reason()));
        return out;
    }
}
