package dev.switchman.core.run;

import dev.switchman.core.runbook.Step;
import java.util.List;

/** A member of a role says {@code approve <step>}; an approval given ahead completes the step when it arrives. */
final class ApprovalStepHandler implements StepHandler {

    private final RunEngine run;

    ApprovalStepHandler(RunEngine run) {
        this.run = run;
    }

    @Override
    public void arm(PlannedStep ps, Step s) {
        RunState.Approval a = run.state().approvals().get(s.id());
        if (a != null && !ps.rollback()) {
            run.completeStep(ps, a.by(), RunMessages.approvedEarlier(a.by()));
        }
    }

    @Override
    public String prompt(Step s) {
        return RunMessages.approvalPrompt(s, run.plan().members(s.approvalRole()));
    }

    @Override
    public boolean promptsAtStart() {
        return true;
    }

    @Override
    public void requireDone(PlannedStep ps, Step s) {
        throw new RunException(RunMessages.approvalNeedsApprove(s, run.plan().members(s.approvalRole())));
    }

    @Override
    public List<String> statusBlockers(PlannedStep ps, Step s) {
        return List.of(RunMessages.needsApproval(run.plan().members(s.approvalRole())));
    }
}
