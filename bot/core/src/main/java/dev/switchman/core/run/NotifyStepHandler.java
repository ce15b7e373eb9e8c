package dev.switchman.core.run;

import dev.switchman.core.runbook.Step;

/** Sends the step's notification to its audience (once, across restarts) and completes. */
final class NotifyStepHandler implements StepHandler {

    private final RunEngine run;

    NotifyStepHandler(RunEngine run) {
        this.run = run;
    }

    @Override
    public void arm(PlannedStep ps, Step s) {
        String key = (ps.rollback() ? "rollback:" : "") + "step:" + s.id();
        if (s.notification() != null && !run.state().notified(key)) {
            run.stakeholders().send(key, s.notification().audience(), s.notification().text(), RunEngine.BOT);
        }
        run.completeStep(ps, RunEngine.BOT, RunMessages.notified(s));
    }

    @Override
    public String prompt(Step s) {
        return RunMessages.notifyPrompt(s);
    }

    @Override
    public void requireDone(PlannedStep ps, Step s) {
        throw new RunException(RunMessages.notifySendsItself(s));
    }
}
