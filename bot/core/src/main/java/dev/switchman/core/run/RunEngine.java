package dev.switchman.core.run;

import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.chat.ChatUser;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.event.Event;
import dev.switchman.core.runbook.CheckSpec;
import dev.switchman.core.runbook.Runbook;
import dev.switchman.core.runbook.Step;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run: the walk over its phases and steps, driven by commands, check results, timers and decisions.
 * Every turn of the run (a command, a result, a timer) is one transition recorded by one atomic append
 * ({@link RunLog}); side effects follow the commit. After a restart {@link #resume()} re-arms whatever was
 * in progress. The parts: {@link StepHandler}s (one per step kind), {@link CheckMonitor},
 * {@link DecisionHandler}, {@link RollbackWindow}, {@link Stakeholders}, {@link RunCommands},
 * {@link TeamChannel} and {@link RunMessages} (all wording). All methods run on the run's {@link RunActor}.
 * <p>A turn that fails is undone (the state goes back to the log's); a store failure is said in the
 * channel and retried with back-off while checks keep running; a run that fails again and again, or
 * cannot resume (its current step renamed in a changed runbook, a wait that cannot be scheduled), is
 * quarantined: it says why in its channel and in {@code status}, refuses everything but {@code status},
 * {@code timeline} and {@code abort}, and every other run carries on.
 */
public final class RunEngine {

    static final Logger log = LoggerFactory.getLogger(RunEngine.class);
    public static final String BOT = "switchman";

    private final RunContext ctx;
    private final Runbook runbook;
    private final RunState state;
    private final RunActor actor;
    private final RunPlan plan;
    private final RunLog runLog;
    private final TeamChannel channel;
    private final Timers timers;
    private final CheckMonitor monitor;
    private final DecisionHandler decisions;
    private final RollbackWindow window;
    private final Stakeholders stakeholders;
    private final RunCommands commands;
    private final StepHandlers handlers;
    private final TimelineView.Lines timelineLines = new TimelineView.Lines();
    private PlannedStep armed;
    private long resultsAtLastTurn;
    private boolean closed;
    private final RunRecovery recovery;

    RunEngine(RunContext ctx, Runbook runbook, RunState state) {
        this.ctx = ctx;
        this.runbook = runbook;
        this.state = state;
        this.plan = new RunPlan(runbook);
        this.actor = new RunActor(ctx.runExecutor(), this::afterTurn);
        this.runLog = new RunLog(ctx, state);
        this.channel = new TeamChannel(this, ctx.team(), runLog);
        this.timers = new Timers(ctx.scheduler(), task -> actor.tell(() -> turn(task)));
        this.monitor = new CheckMonitor(this);
        this.decisions = new DecisionHandler(this, ctx.decisionEngine().open(runbook, ctx.clock()));
        this.window = new RollbackWindow(this);
        this.stakeholders = new Stakeholders(this);
        this.commands = new RunCommands(this);
        this.handlers = new StepHandlers(this);
        this.recovery = new RunRecovery(this);
    }

    public RunState state() { return state; }
    public Runbook runbook() { return runbook; }
    public RunActor actor() { return actor; }
    public String runId() { return state.runId(); }
    RunContext context() { return ctx; }
    RunPlan plan() { return plan; }
    RunLog runLog() { return runLog; }
    TeamChannel channel() { return channel; }
    Timers timers() { return timers; }
    CheckMonitor monitor() { return monitor; }
    DecisionHandler decisions() { return decisions; }
    RollbackWindow window() { return window; }
    Stakeholders stakeholders() { return stakeholders; }
    StepHandlers handlers() { return handlers; }
    StepHandler handler(Step s) { return handlers.of(s); }
    boolean closed() { return closed; }
    boolean held() { return state.status() == RunStatus.HELD; }
    /** Why the run is quarantined, or null. */
    public String quarantine() { return recovery.quarantine(); }

    // ---------------------------------------------------------------- transitions

    /**
     * Runs {@code work} as one transition of this run: everything it records is one atomic append, and
     * its messages and notifications follow the commit. A store failure is answered with a
     * {@link RunException} (nothing changed; try again); any other failure undoes the transition
     * ({@link RunRecovery}).
     */
    public <T> T transition(Supplier<T> work) {
        return recovery.transition(work);
    }

    /** A turn nobody waits on (a result, a timer, resume): failures are handled and logged, never thrown. */
    void turn(Runnable work) {
        recovery.turn(work);
    }

    // ---------------------------------------------------------------- recording

    /** Records a command before it is acted on (inside the command's transition). */
    public Event recordCommand(ChatUser user, String text, String channelId, String idempotencyKey) {
        return runLog.emit(EventTypes.COMMAND, Payloads.of("text", text, "user", user.displayName(), "channel", channelId),
                user.qualifiedId(), idempotencyKey);
    }

    /**
     * Appends one event of chat bookkeeping ({@link EventTypes#chatBookkeeping}: buttons drawn, the status
     * message, a message that failed for good), in a transition of its own unless one is open. On the actor.
     */
    public Event emit(String type, String payload, String actorId, String idempotencyKey) {
        return runLog.emit(type, payload, actorId, idempotencyKey);
    }

    /** Records a refusal (authorization, state). */
    public void recordRefusal(ChatUser user, String commandText, String reason) {
        runLog.emit(EventTypes.REFUSED, Payloads.of("command", commandText, "reason", reason), user.qualifiedId(), null);
    }

    // ---------------------------------------------------------------- life cycle

    /**
     * A new run: its command and RUN_STARTED are one transition (on failure the run does not exist and
     * the exception is thrown); the walk to the first step is the next one (a failure there quarantines).
     */
    void begin(ChatUser user, String channelId, String commandText, String idempotencyKey) {
        transition(() -> {
            recordCommand(user, commandText, channelId, idempotencyKey);
            runLog.emit(EventTypes.RUN_STARTED, Payloads.of("runbook", runbook.id(), "title", runbook.title(), "channel", channelId,
                    "source", runbook.source()), user.qualifiedId(), null);
            channel.say(RunMessages.started(runId(), runbook.title(), user));
            return null;
        });
        turn(() -> {
            stakeholders.scheduleCadence();
            advance();
        });
    }

    /**
     * After a restart: feed the rules what the log knows, re-send notifications a crash may have kept
     * from the outbox, then re-arm the current step. A run that cannot resume is quarantined.
     */
    void resume(List<Event> events) {
        turn(() -> {
            for (CheckResult r : state.latestResults().values()) {
                decisions.replay(r);
                monitor.noteTtl(r);
            }
            decisions.replayFacts();
            Stakeholders.heal(ctx, state, events);
            if (state.status().finished()) {
                return;
            }
            if (state.cutoverAt() != null) {
                runbook.checks().stream().filter(CheckSpec::blocking).forEach(c -> monitor.runCheck(c.id()));
                plan.afterCutoverChecks().forEach(monitor::runCheck);
            }
            state.overriddenChecks().forEach(monitor::runCheck);
            stakeholders.scheduleCadence();
            advance();
        });
    }

    private void afterTurn() {
        if (!closed) {
            turn(decisions::syncFacts);
        }
        if (runLog.statusDirty || state.resultCount() != resultsAtLastTurn) {
            runLog.statusDirty = false;
            resultsAtLastTurn = state.resultCount();
            ctx.team().statusChanged(this);
        }
        if (state.status().finished()) {
            close();
        }
    }

    void close() {
        if (closed) return;
        closed = true;
        timers.cancelAll();
        decisions.close();
    }


    // ---------------------------------------------------------------- walking

    /** Moves past completed steps until a step needs something, and arms it. */
    void advance() {
        while (!state.status().finished() && !closed) {
            if (state.status() == RunStatus.WATCHING) {
                window.arm();
                return;
            }
            Optional<PlannedStep> cur = state.current();
            if (cur.isEmpty()) {
                if (plan.forward().isEmpty()) {
                    runLog.emit(EventTypes.RUN_COMPLETED, Payloads.of("reason", "the runbook has no steps"), BOT, null);
                    return;
                }
                startStep(plan.forward().get(0));
                continue;
            }
            PlannedStep ps = cur.get();
            if (!state.currentStepDone()) {
                if (!ps.equals(armed)) {
                    armed = ps;
                    Step s = plan.step(ps);
                    handler(s).arm(ps, s);
                    if (state.currentStepDone()) {
                        continue;
                    }
                }
                return;
            }
            PlannedStep next = plan.nextAfter(ps, state);
            if (!ps.rollback() && (next == null || !next.phaseId().equals(ps.phaseId())) && !state.completedPhases().contains(ps.phaseId())) {
                completePhase(ps.phaseId());
            }
            if (next == null) {
                finishWalk(ps);
                return;
            }
            startStep(next);
        }
    }

    private void finishWalk(PlannedStep last) {
        if (last.rollback()) {
            stakeholders.update("end", RunMessages.stakeholdersRolledBack(runbook.title()));
            runLog.emit(EventTypes.RUN_ROLLED_BACK, Payloads.of("reason", state.rollbackReason()), BOT, null);
            channel.say(RunMessages.rolledBack(runId()));
        } else if (window.open()) {
            window.startWatching();
        } else {
            stakeholders.update("end", RunMessages.stakeholdersComplete(runbook.title()));
            runLog.emit(EventTypes.RUN_COMPLETED, "{}", BOT, null);
            channel.say(RunMessages.complete(runbook.title()));
        }
    }

    /** PHASE_COMPLETED and, for the cutover phase, CUTOVER: one transition, so a resumed run always has its rollback window. */
    private void completePhase(String phaseId) {
        var phase = runbook.phase(phaseId).orElseThrow();
        runLog.emit(EventTypes.PHASE_COMPLETED, Payloads.of("phase", phaseId), BOT, null);
        String text = RunMessages.phaseComplete(phase);
        if (phase.cutover() && state.cutoverAt() == null) {
            runLog.emit(EventTypes.CUTOVER, Payloads.of("phase", phaseId), BOT, null);
            text += RunMessages.cutover(state.cutoverAt(), runbook.rollbackWindow());
            runbook.checks().stream().filter(CheckSpec::blocking).forEach(c -> monitor.runCheck(c.id()));
        }
        stakeholders.update("phase:" + phaseId, RunMessages.forStakeholders(runbook.title(), text));
        channel.say(RunMessages.phaseCompleteMessage(text));
    }

    void startStep(PlannedStep ps) {
        runLog.emit(EventTypes.STEP_STARTED, Payloads.of("phase", ps.phaseId(), "step", ps.stepId(), "rollback", ps.rollback()), BOT, null);
        Step s = plan.step(ps);
        if (handler(s).promptsAtStart()) {
            channel.say(RunMessages.next(s, handler(s).prompt(s)));
        }
    }

    void completeStep(PlannedStep ps, String by, String note) {
        runLog.emit(EventTypes.STEP_COMPLETED, Payloads.of("phase", ps.phaseId(), "step", ps.stepId(), "rollback", ps.rollback(), "note", note), by, null);
        timers.cancel("wait:" + ps.stepId());
    }

    /** Forgets which step was armed, so the next {@link #advance()} arms the current one again. */
    void rearm() {
        armed = null;
    }

    String overrideHint(Step s) {
        return RunMessages.overrideHint(s, plan.authority());
    }

    public Step step(PlannedStep ps) {
        return plan.step(ps);
    }

    /** The current step; empty when none, or when the runbook no longer has it (a quarantined run). */
    public Optional<Step> currentStep() {
        return state.current().flatMap(plan::find);
    }

    /** Which step a {@code done} names (validated for existence by the command). */
    public Optional<Step> findStep(String stepId) {
        return plan.findStep(stepId);
    }

    // ---------------------------------------------------------------- check results

    /**
     * A result pushed from outside (an agent, the simulator's feed): the check counts as monitored from
     * now on, since only its sender knows when it stops on purpose.
     */
    public void onSubmittedResult(CheckResult r) {
        turn(() -> {
            if (closed || state.status().finished()) {
                return;
            }
            boolean first = monitor.markPushed(r.checkId());
            monitor.onResult(r);
            if (first && monitor.synced()) {
                monitor.sync();
            }
        });
    }

    /** Ticks the rules (windows, staleness) without new input. */
    public void tick() {
        turn(() -> {
            if (!closed && !state.status().finished()) {
                decisions.tick();
            }
        });
    }

    // ---------------------------------------------------------------- commands

    public ChatMessage done(ChatUser user, String stepId, String note) {
        return transition(() -> commands.done(user, stepId, note));
    }

    /**
     * {@code done <step> --override "reason"}: the rollback authority completes a blocked verify step or gate.
     * OVERRIDDEN (with the blockers of this moment) and STEP_COMPLETED are one transition; the step's checks
     * keep running while the run lasts and their results still go to the rules. No result is changed.
     */
    public ChatMessage override(ChatUser user, String stepId, String reason) {
        return transition(() -> commands.override(user, stepId, reason));
    }

    /** The approval step {@code approve [step]} means: the named one, else the current, else the next pending. */
    public Optional<Step> approvalTarget(String stepId) {
        return commands.approvalTarget(stepId);
    }

    public ChatMessage approve(ChatUser user, String stepId) {
        return transition(() -> commands.approve(user, stepId));
    }

    /** {@code go [reason]}: resumes a HOLD (with a reason) or confirms a gate the rules say GO to. */
    public ChatMessage go(ChatUser user, String reason) {
        return transition(() -> commands.go(user, reason));
    }

    /** {@code rollback [reason]}: ROLLBACK_STARTED, the stakeholder notices and the first rollback step are one transition. */
    public ChatMessage rollback(ChatUser user, String reason) {
        return transition(() -> commands.rollback(user, reason));
    }

    /** {@code abort [reason]}: ends the run (also a quarantined one). */
    public ChatMessage abort(ChatUser user, String reason) {
        return transition(() -> commands.abort(user, reason));
    }

    /** Re-runs one check, or the current step's checks, or every check. */
    public ChatMessage check(String checkId) {
        return transition(() -> commands.check(checkId));
    }

    public ChatMessage notifyAudience(ChatUser user, String audience, String text, long commandSeq) {
        return transition(() -> commands.notifyAudience(user, audience, text, commandSeq));
    }

    // ---------------------------------------------------------------- views

    public ChatMessage status() {
        return StatusView.render(this, ctx.clock().instant());
    }

    public ChatMessage timeline() {
        return TimelineView.render(runbook, ctx.store().read(runId()), timelineLines);
    }

    @Override
    public String toString() {
        return "RunEngine[" + runId() + "]";
    }
}
