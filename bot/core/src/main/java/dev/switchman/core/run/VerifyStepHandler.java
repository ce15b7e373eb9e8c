package dev.switchman.core.run;

import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.runbook.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs the step's checks and completes when every one has a PASS observed since the step started;
 * when all have reported and some do not pass, says what blocks (once per distinct set of blockers).
 */
final class VerifyStepHandler implements StepHandler {

    private final RunEngine run;

    VerifyStepHandler(RunEngine run) {
        this.run = run;
    }

    @Override
    public List<String> checks(PlannedStep ps, Step s) {
        return s.checks();
    }

    @Override
    public void arm(PlannedStep ps, Step s) {
        run.monitor().runAll(s.checks());
        evaluate(ps, s);
    }

    @Override
    public void onResult(PlannedStep ps, Step s, CheckResult r) {
        if (s.checks().contains(r.checkId())) evaluate(ps, s);
    }

    private void evaluate(PlannedStep ps, Step s) {
        StepRecord rec = run.state().record(ps).orElseThrow();
        List<String> blockers = new ArrayList<>();
        boolean allIn = true;
        for (String id : s.checks()) {
            CheckResult r = run.state().latestResults().get(id);
            if (r == null || r.observedAt().isBefore(rec.startedAt())) {
                allIn = false;
                blockers.add(RunMessages.noResultYet(id));
            } else if (r.status() != CheckStatus.PASS) {
                blockers.add(RunMessages.failing(id, r));
            }
        }
        if (blockers.isEmpty()) {
            if (!run.held()) {
                run.completeStep(ps, RunEngine.BOT, RunMessages.allChecksPass(s));
            }
        } else if (allIn) {
            run.channel().post("verify:" + s.id(), RunMessages.verifyBlocked(s, blockers, run.overrideHint(s)));
        }
    }

    @Override
    public String prompt(Step s) {
        return RunMessages.verifyPrompt(s);
    }

    @Override
    public void requireDone(PlannedStep ps, Step s) {
        String blockers = s.checks().stream().map(id -> {
            CheckResult r = run.state().latestResults().get(id);
            return id + " " + (r == null ? "no result yet" : r.status().name());
        }).collect(Collectors.joining(", "));
        throw new RunException(RunMessages.verifyCompletesItself(s, blockers, run.overrideHint(s)));
    }

    @Override
    public Blockers overrideBlockers(PlannedStep ps, Step s, StepRecord rec) {
        List<String> blockers = new ArrayList<>();
        for (String id : s.checks()) {
            CheckResult r = run.state().latestResults().get(id);
            if (r == null || r.observedAt().isBefore(rec.startedAt())) blockers.add(id + " NO_RESULT");
            else if (r.status() != CheckStatus.PASS) blockers.add(id + " " + r.status().name());
        }
        return new Blockers(s.checks(), blockers);
    }

    @Override
    public List<String> statusBlockers(PlannedStep ps, Step s) {
        List<String> out = new ArrayList<>();
        s.checks().forEach(id -> {
            CheckResult r = run.state().latestResults().get(id);
            if (r == null || r.status() != CheckStatus.PASS) out.add(RunMessages.checkBlocker(id, r));
        });
        return out;
    }
}
