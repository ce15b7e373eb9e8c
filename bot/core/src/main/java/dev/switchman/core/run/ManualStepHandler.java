package dev.switchman.core.run;

import dev.switchman.core.runbook.Step;

/** {@code do:} a person does something and says {@code done <step>}. */
final class ManualStepHandler implements StepHandler {

    @Override
    public void arm(PlannedStep ps, Step s) {
    }

    @Override
    public String prompt(Step s) {
        return RunMessages.manualPrompt(s);
    }

    @Override
    public boolean promptsAtStart() {
        return true;
    }
}
