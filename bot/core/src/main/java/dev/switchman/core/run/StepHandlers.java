package dev.switchman.core.run;

import dev.switchman.core.runbook.Step;
import dev.switchman.core.runbook.StepKind;
import java.util.EnumMap;
import java.util.Map;

/** The handler of each step kind for one run. */
final class StepHandlers {

    private final Map<StepKind, StepHandler> byKind = new EnumMap<>(StepKind.class);
    private final GateStepHandler gate;

    StepHandlers(RunEngine run) {
        this.gate = new GateStepHandler(run);
        byKind.put(StepKind.MANUAL, new ManualStepHandler());
        byKind.put(StepKind.APPROVAL, new ApprovalStepHandler(run));
        byKind.put(StepKind.VERIFY, new VerifyStepHandler(run));
        byKind.put(StepKind.WAIT, new WaitStepHandler(run));
        byKind.put(StepKind.GATE, gate);
        byKind.put(StepKind.NOTIFY, new NotifyStepHandler(run));
    }

    StepHandler of(Step s) {
        return byKind.get(s.kind());
    }

    GateStepHandler gate() {
        return gate;
    }
}
