package dev.switchman.core.run;

import dev.switchman.core.check.CheckResult;
import dev.switchman.core.decision.DecisionKind;
import dev.switchman.core.runbook.Step;
import dev.switchman.core.runbook.WaitSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Waits a duration from the step's start, until an instant, or for a condition such as "the old TTL
 * of a check has elapsed" (the largest {@code ttl} the check observed, or a rule saying so); a person
 * may cut it short with {@code done}.
 */
final class WaitStepHandler implements StepHandler {

    private final RunEngine run;

    WaitStepHandler(RunEngine run) {
        this.run = run;
    }

    @Override
    public List<String> checks(PlannedStep ps, Step s) {
        return s.waitSpec() != null && s.waitSpec().check() != null ? List.of(s.waitSpec().check()) : List.of();
    }

    @Override
    public void onResult(PlannedStep ps, Step s, CheckResult r) {
        if (s.waitSpec() != null && r.checkId().equals(s.waitSpec().check())) arm(ps, s);
    }

    @Override
    public void arm(PlannedStep ps, Step s) {
        StepRecord rec = run.state().record(ps).orElseThrow();
        WaitSpec w = s.waitSpec();
        Instant due = null;
        String what;
        if (w == null) {
            due = rec.startedAt();
            what = RunMessages.waitNothing();
        } else if (w.duration() != null) {
            due = rec.startedAt().plus(w.duration());
            what = dev.switchman.core.time.Durations.format(w.duration());
        } else if (w.until() != null) {
            due = w.until();
            what = RunMessages.waitUntil(w.until());
        } else {
            what = RunMessages.waitOldTtl(w.check());
            boolean ruled = run.state().decisions().stream().anyMatch(d -> d.ruleId().endsWith(w.condition())
                    && !d.at().isBefore(rec.startedAt()) && (d.kind() == DecisionKind.GO || d.kind() == DecisionKind.ADVISE));
            Double ttl = run.monitor().maxTtl(w.check());
            if (ruled) {
                due = rec.startedAt();
            } else if (ttl != null) {
                due = rec.startedAt().plusMillis(Math.round(ttl * 1000));
                what = RunMessages.waitOldTtl(w.check(), Duration.ofMillis(Math.round(ttl * 1000)));
            } else if (w.check() != null && !run.monitor().running(w.check())) {
                if (run.state().latestResults().containsKey(w.check())) {
                    run.channel().post("wait:" + s.id(), RunMessages.cannotTellTtl(w.check(), s));
                } else {
                    run.monitor().runCheck(w.check());
                }
            }
        }
        if (due == null) {
            return;
        }
        if (!run.context().clock().instant().isBefore(due)) {
            if (!run.held()) {
                run.completeStep(ps, RunEngine.BOT, RunMessages.waited(what));
            }
            return;
        }
        run.timers().schedule(timer(s), due, () -> {
            if (run.state().current().filter(ps::equals).isPresent() && !run.state().currentStepDone()) {
                arm(ps, s);
                run.advance();
            }
        });
    }

    static String timer(Step s) {
        return "wait:" + s.id();
    }

    @Override
    public String prompt(Step s) {
        return RunMessages.waitPrompt();
    }
}
