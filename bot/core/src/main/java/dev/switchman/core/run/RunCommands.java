package dev.switchman.core.run;

import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.chat.ChatUser;
import dev.switchman.core.decision.Decision;
import dev.switchman.core.runbook.CheckSpec;
import dev.switchman.core.runbook.Phase;
import dev.switchman.core.runbook.Step;
import dev.switchman.core.runbook.StepKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the team's commands do to a run ({@code done}, {@code done --override}, {@code approve},
 * {@code go}, {@code rollback}, {@code abort}, {@code check}, {@code notify}). Each runs inside the
 * command's transition, so the COMMAND event and everything the command changes are one append; a
 * refusal is a {@link RunException} whose message is the answer. Used on the run's actor only.
 */
final class RunCommands {

    private final RunEngine run;

    RunCommands(RunEngine run) {
        this.run = run;
    }

    private RunState state() {
        return run.state();
    }

    void requireActive() {
        if (state().status().finished()) {
            throw new RunException(RunMessages.runOver(run.runId(), state().status()));
        }
        if (run.quarantine() != null) {
            throw new RunException(RunMessages.quarantinedRefusal(run.runId(), run.quarantine()));
        }
    }

    private void requireNotHeld(String what) {
        if (run.held()) {
            throw new RunException(RunMessages.onHold(state().holdReason(), what));
        }
    }

    /** The current step, which {@code stepId} must name (else an error saying what is current). */
    private PlannedStep requireCurrent(String stepId) {
        PlannedStep cur = state().current().orElseThrow(() -> new RunException(RunMessages.noCurrentStep()));
        Step s = run.plan().step(cur);
        if (!s.id().equals(stepId)) {
            Optional<StepRecord> r = state().step(stepId);
            if (r.isPresent() && r.get().status() == StepStatus.DONE) {
                throw new RunException(RunMessages.alreadyDone(stepId, r.get(), s.id()));
            }
            throw new RunException(RunMessages.notCurrent(stepId, s));
        }
        return cur;
    }

    String nextLine() {
        Step cur = run.currentStep().orElse(null);
        return RunMessages.nextLine(state(), cur, cur == null ? null : run.handler(cur).prompt(cur));
    }

    ChatMessage done(ChatUser user, String stepId, String note) {
        requireActive();
        run.window().requireNotWatching("`done`");
        PlannedStep cur = requireCurrent(stepId);
        Step s = run.plan().step(cur);
        requireNotHeld("`done`");
        run.handler(s).requireDone(cur, s);
        run.completeStep(cur, user.qualifiedId(), note);
        run.advance();
        return RunMessages.done(stepId, user, note, nextLine());
    }

    ChatMessage override(ChatUser user, String stepId, String reason) {
        requireActive();
        run.window().requireNotWatching("`done --override`");
        if (reason == null || reason.isBlank()) {
            throw new RunException(RunMessages.overrideNeedsReason(stepId));
        }
        PlannedStep cur = requireCurrent(stepId);
        Step s = run.plan().step(cur);
        if (state().currentStepDone()) {
            throw new RunException(RunMessages.alreadyDone(stepId));
        }
        requireNotHeld("`done --override`");
        StepRecord rec = state().record(cur).orElseThrow();
        StepHandler.Blockers b = run.handler(s).overrideBlockers(cur, s, rec);
        run.runLog().emit(EventTypes.OVERRIDDEN, Payloads.of("phase", cur.phaseId(), "step", s.id(), "rollback", cur.rollback(), "kind", s.kind().name(),
                "reason", reason, "user", user.displayName(), "blockers", b.blockers(), "checks", b.checks()), user.qualifiedId(), null);
        RunState.StepOverride o = state().overrides().get(RunState.key(cur));
        RunEngine.log.info("run {}: {} {}", run.runId(), s.id(), o.describe());
        run.completeStep(cur, user.qualifiedId(), o.describe());
        for (String id : b.checks()) {
            if (!run.monitor().running(id)) run.monitor().scheduleNext(id);
        }
        run.advance();
        return RunMessages.overridden(s, o, nextLine());
    }

    /** The approval step {@code approve [step]} means: the named one, else the current, else the next pending. */
    Optional<Step> approvalTarget(String stepId) {
        if (stepId != null) {
            return run.plan().findStep(stepId);
        }
        Optional<Step> cur = run.currentStep().filter(s -> s.kind() == StepKind.APPROVAL);
        if (cur.isPresent()) return cur;
        List<PlannedStep> forward = run.plan().forward();
        int from = state().current().map(forward::indexOf).orElse(0);
        for (int i = Math.max(0, from); i < forward.size(); i++) {
            Step s = run.plan().step(forward.get(i));
            if (s.kind() == StepKind.APPROVAL && !state().approvals().containsKey(s.id())) return Optional.of(s);
        }
        return Optional.empty();
    }

    ChatMessage approve(ChatUser user, String stepId) {
        requireActive();
        run.window().requireNotWatching("`approve`");
        Step s = approvalTarget(stepId).orElseThrow(() -> new RunException(RunMessages.noApprovalPending()));
        if (s.kind() != StepKind.APPROVAL) {
            throw new RunException(RunMessages.notAnApproval(s));
        }
        RunState.Approval a = state().approvals().get(s.id());
        if (a != null) {
            throw new RunException(RunMessages.alreadyApproved(s, a));
        }
        run.runLog().emit(EventTypes.APPROVED, Payloads.of("step", s.id(), "role", s.approvalRole()), user.qualifiedId(), null);
        state().current().filter(ps -> ps.stepId().equals(s.id()) && !state().currentStepDone())
                .ifPresent(ps -> run.completeStep(ps, user.qualifiedId(), RunMessages.approvedNote()));
        run.currentStep().filter(c -> c.kind() == StepKind.GATE && !state().currentStepDone())
                .ifPresent(g -> run.handlers().gate().arm(state().current().get(), g));
        run.advance();
        return RunMessages.approved(s, user, nextLine());
    }

    /**
     * {@code go [reason]}: the rollback authority's word. On HOLD it resumes the run (a reason is required
     * and recorded); on a gate it asks the rules now and completes the gate on GO (NO_GO: refused with
     * every blocker; a HOLD from the rules is overridden only with a reason).
     */
    ChatMessage go(ChatUser user, String reason) {
        requireActive();
        run.window().requireNotWatching("`go`");
        if (run.held()) {
            if (reason == null || reason.isBlank()) {
                throw new RunException(RunMessages.holdNeedsReason(state().holdReason()));
            }
            run.runLog().emit(EventTypes.RESUMED, Payloads.of("reason", reason, "hold", state().holdReason()), user.qualifiedId(), null);
            run.rearm();
            run.advance();
            return RunMessages.resumed(user, reason, nextLine());
        }
        PlannedStep ps = state().current().orElseThrow(() -> new RunException(RunMessages.noCurrentStep()));
        Step s = run.plan().step(ps);
        if (s.kind() != StepKind.GATE || state().currentStepDone()) {
            throw new RunException(RunMessages.nothingToGo(s));
        }
        Decision d = run.handlers().gate().evaluate(ps, s, user);
        switch (d.kind()) {
            case GO -> run.completeStep(ps, user.qualifiedId(), RunMessages.goNote(reason, d));
            case HOLD -> {
                if (reason == null || reason.isBlank()) {
                    throw new RunException(RunMessages.rulesHoldNeedsReason(d));
                }
                run.runLog().emit(EventTypes.RESUMED, Payloads.of("reason", reason, "hold", d.reason(), "override", d.ruleId()), user.qualifiedId(), null);
                run.completeStep(ps, user.qualifiedId(), RunMessages.goOverHoldNote(reason));
            }
            default -> throw new RunException(RunMessages.noGo(d, run.overrideHint(s)));
        }
        run.advance();
        return RunMessages.go(s, user, d, nextLine());
    }

    ChatMessage rollback(ChatUser user, String reason) {
        requireActive();
        if (state().rollingBack()) {
            throw new RunException(RunMessages.alreadyRollingBack(state().rollbackReason()));
        }
        if (run.window().pastPointOfNoReturn()) {
            String why = RunMessages.pastPointOfNoReturn(run.runbook().pointOfNoReturn(), state().cutoverAt(), run.window().pointOfNoReturn());
            run.recordRefusal(user, "rollback" + (reason == null ? "" : " " + reason), why);
            RunEngine.log.info("refused {} `rollback` in run {}: {}", user.qualifiedId(), run.runId(), why);
            return RunMessages.refused(why);
        }
        int currentPhase = state().current().filter(ps -> !ps.rollback())
                .map(ps -> run.plan().indexOfPhase(ps.phaseId())).orElse(-1);
        List<PlannedStep> plan = new ArrayList<>();
        for (int i = currentPhase; i >= 0; i--) {
            Phase p = run.runbook().phases().get(i);
            for (Step s : p.rollback()) {
                plan.add(new PlannedStep(p.id(), s.id(), true));
            }
        }
        run.timers().cancelAll();
        boolean watching = state().status() == RunStatus.WATCHING;
        // ROLLBACK_STARTED, the stakeholder notices and the first rollback step are one transition (one append)
        run.runLog().emit(EventTypes.ROLLBACK_STARTED, Payloads.of("reason", reason,
                "plan", plan.stream().map(ps -> Map.of("phase", ps.phaseId(), "step", ps.stepId())).toList(),
                "afterCutover", state().cutoverAt() != null, "whileWatching", watching), user.qualifiedId(), null);
        run.stakeholders().scheduleCadence();
        run.stakeholders().update("rollback", RunMessages.stakeholdersRollingBack(run.runbook().title(), reason));
        String warning = RunMessages.insideWindow(watching, state().watchingUntil());
        if (plan.isEmpty()) {
            run.runLog().emit(EventTypes.RUN_ROLLED_BACK, Payloads.of("reason", reason), RunEngine.BOT, null);
            return RunMessages.nothingToUndo(user, reason, warning);
        }
        run.startStep(plan.get(0));
        run.advance();
        return RunMessages.rollbackOrdered(user, reason, plan, warning, nextLine());
    }

    ChatMessage abort(ChatUser user, String reason) {
        if (state().status().finished()) {
            throw new RunException(RunMessages.runOver(run.runId(), state().status()));
        }
        run.stakeholders().update("end", RunMessages.stakeholdersStopped(run.runbook().title(), reason));
        run.runLog().emit(EventTypes.RUN_ABORTED, Payloads.of("reason", reason), user.qualifiedId(), null);
        return RunMessages.aborted(run.runId(), user, reason);
    }

    /** Re-runs one check, or the current step's checks, or every check. */
    ChatMessage check(String checkId) {
        requireActive();
        List<String> ids;
        if (checkId != null) {
            ids = List.of(checkId);
        } else {
            Optional<PlannedStep> ps = state().current();
            Step s = ps.map(run.plan()::step).orElse(null);
            List<String> own = s == null ? List.of() : run.handler(s).checks(ps.get(), s);
            boolean ownChecks = s != null && (s.kind() == StepKind.VERIFY || s.kind() == StepKind.GATE || !own.isEmpty());
            ids = ownChecks ? own : run.runbook().checks().stream().map(CheckSpec::id).toList();
        }
        run.monitor().runAll(ids);
        return RunMessages.checking(ids);
    }

    ChatMessage notifyAudience(ChatUser user, String audience, String text, long commandSeq) {
        requireActive();
        List<String> sinks = run.stakeholders().send("command:" + commandSeq, audience, text, user.qualifiedId());
        return RunMessages.notifiedAudience(audience, sinks);
    }
}
