package dev.switchman.core.run;

import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.chat.ChatUser;
import dev.switchman.core.chat.MessageRef;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.decision.Decision;
import dev.switchman.core.decision.DecisionKind;
import dev.switchman.core.decision.DecisionSession;
import dev.switchman.core.event.Event;
import dev.switchman.core.notify.Notification;
import dev.switchman.core.runbook.CheckSpec;
import dev.switchman.core.time.Durations;
import dev.switchman.core.runbook.Phase;
import dev.switchman.core.runbook.Roles;
import dev.switchman.core.runbook.Runbook;
import dev.switchman.core.runbook.Stakeholder;
import dev.switchman.core.runbook.Step;
import dev.switchman.core.runbook.StepKind;
import dev.switchman.core.runbook.WaitSpec;
import dev.switchman.core.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state machine of one run: phases and steps driven by commands, check results, timers and
 * decisions. Every change is an event appended to the store first and then applied to the
 * {@link RunState}; after a restart {@link #resume()} re-arms whatever was in progress (checks,
 * waits, gates, notifications). All methods run on the run's {@link RunActor}.
 */
public final class RunEngine {

    private static final Logger log = LoggerFactory.getLogger(RunEngine.class);
    public static final String BOT = "switchman";

    private final RunContext ctx;
    private final Runbook runbook;
    private final RunState state;
    private final DecisionSession session;
    private final RunActor actor;
    private final List<PlannedStep> forward;
    /** Checks of the cutover phase and later phases: they keep running after cutover (and while watching). */
    private final Set<String> afterCutoverChecks;
    private final Map<String, Scheduler.Cancellable> timers = new HashMap<>();
    private final Set<String> inFlight = new HashSet<>();
    private final Map<String, String> lastPosted = new HashMap<>();
    private final Map<String, Double> maxTtl = new HashMap<>();
    private final Set<String> advised = new HashSet<>();
    private PlannedStep armed;
    private MessageRef statusRef;
    private boolean statusDirty;
    private boolean factsDirty;
    private Set<String> lastMonitored;
    /** Checks whose results come from outside (agents, the simulator's feed): monitored from their first pushed result on. */
    private final Set<String> pushed = new HashSet<>();
    private boolean closed;
    /** Lookups on the per-result path, indexed once (the runbook is immutable for the run). */
    private final Map<String, CheckSpec> checksById = new HashMap<>();
    private final Map<PlannedStep, Step> stepsByPlan = new java.util.concurrent.ConcurrentHashMap<>();

    RunEngine(RunContext ctx, Runbook runbook, RunState state) {
        this.ctx = ctx;
        this.runbook = runbook;
        for (CheckSpec c : runbook.checks()) {
            checksById.putIfAbsent(c.id(), c);
        }
        this.state = state;
        this.session = ctx.decisionEngine().open(runbook, ctx.clock());
        this.actor = new RunActor(this::afterTurn);
        List<PlannedStep> plan = new ArrayList<>();
        for (Phase p : runbook.phases()) {
            for (Step s : p.steps()) {
                plan.add(new PlannedStep(p.id(), s.id(), false));
            }
        }
        this.forward = List.copyOf(plan);
        Set<String> later = new LinkedHashSet<>();
        boolean reached = false;
        for (Phase p : runbook.phases()) {
            reached |= p.cutover();
            if (!reached) continue;
            for (Step s : p.steps()) {
                if (s.checks() != null) later.addAll(s.checks());
                if (s.gate() != null && s.gate().checks() != null) later.addAll(s.gate().checks());
                if (s.waitSpec() != null && s.waitSpec().check() != null) later.add(s.waitSpec().check());
            }
        }
        this.afterCutoverChecks = Set.copyOf(later);
    }

    public RunState state() {
        return state;
    }

    public Runbook runbook() {
        return runbook;
    }

    public RunActor actor() {
        return actor;
    }

    public String runId() {
        return state.runId();
    }

    // ---------------------------------------------------------------- events

    /** Appends, applies, tells listeners. A duplicate idempotency key returns the stored event unapplied. */
    public Event emit(String type, String payload, String actorId, String idempotencyKey) {
        return emit(type, payload, actorId, idempotencyKey, null);
    }

    private Event emit(String type, String payload, String actorId, String idempotencyKey, CheckResult result) {
        Event e = ctx.store().append(state.runId(), type, payload, actorId, ctx.clock().instant(), idempotencyKey);
        if (e.sequence() <= state.lastSequence()) {
            return e;
        }
        if (result != null && e.sequence() == state.lastSequence() + 1) {
            state.applyResult(e, result);
        } else {
            state.apply(e);
        }
        if (!EventTypes.CHECK_RESULT.equals(type) && !EventTypes.DECISION.equals(type) && !EventTypes.COMMAND.equals(type)) {
            statusDirty = true;
            factsDirty = true;
        }
        for (RunListener l : ctx.listeners()) {
            try {
                l.onEvent(state, e);
            } catch (RuntimeException ex) {
                log.warn("listener failed on {}: {}", type, ex.toString());
            }
        }
        return e;
    }

    /** A result's event; its payload is written only if a listener or the store needs it. */
    private void emitResult(CheckResult r) {
        for (RunListener l : ctx.listeners()) {
            if (l.wantsResultEvents()) {
                emit(EventTypes.CHECK_RESULT, Payloads.checkResult(r), "check:" + r.kind(), null, r);
                return;
            }
        }
        String actorId = "check:" + r.kind();
        java.time.Instant at = ctx.clock().instant();
        long seq = ctx.store().appendDeferred(state.runId(), EventTypes.CHECK_RESULT, r.checkId(), () -> Payloads.checkResult(r), actorId, at);
        if (seq <= state.lastSequence()) {
            return;
        }
        if (seq == state.lastSequence() + 1) {
            state.applyResult(seq, r);
        } else {
            state.apply(new Event(state.runId(), seq, EventTypes.CHECK_RESULT, Payloads.checkResult(r), actorId, at, null));
        }
    }

    private Event emit(String type, String payload, String actorId) {
        return emit(type, payload, actorId, null);
    }

    /** Records a command before it is acted on. */
    public Event recordCommand(ChatUser user, String text, String channel, String idempotencyKey) {
        return emit(EventTypes.COMMAND, Payloads.of("text", text, "user", user.displayName(), "channel", channel),
                user.qualifiedId(), idempotencyKey);
    }

    /** Records a refusal (authorization, state). */
    public void recordRefusal(ChatUser user, String commandText, String reason) {
        emit(EventTypes.REFUSED, Payloads.of("command", commandText, "reason", reason), user.qualifiedId());
    }

    // ---------------------------------------------------------------- life cycle

    /** First events of a new run, then walk to the first step. */
    void begin(ChatUser user, String channel) {
        emit(EventTypes.RUN_STARTED, Payloads.of("runbook", runbook.id(), "title", runbook.title(), "channel", channel,
                "source", runbook.source()), user.qualifiedId());
        say(ChatMessage.of(ChatMessage.Tone.INFO, "Run " + runId() + " started",
                runbook.title() + " — started by " + user.displayName() + ". Type `status` for the whole picture."));
        scheduleCadence();
        advance();
    }

    /** After a restart: feed the rules what the log knows, then re-arm the current step. */
    void resume() {
        for (CheckResult r : state.latestResults().values()) {
            session.onResult(r);
            r.number("ttl").ifPresent(t -> maxTtl.merge(r.checkId(), t, Math::max));
        }
        session.onRunFacts(state.facts());
        if (state.status().finished()) {
            return;
        }
        if (state.cutoverAt() != null) {
            runbook.checks().stream().filter(CheckSpec::blocking).forEach(c -> runCheck(c.id()));
            afterCutoverChecks.forEach(this::runCheck);
        }
        state.overriddenChecks().forEach(this::runCheck);
        scheduleCadence();
        advance();
    }

    private void afterTurn() {
        syncFacts();
        if (statusDirty && statusRef != null && ctx.backend() != null) {
            statusDirty = false;
            try {
                ctx.backend().update(statusRef, status());
            } catch (RuntimeException e) {
                log.debug("status update failed: {}", e.toString());
            }
        }
        if (state.status().finished()) {
            close();
        }
    }

    /** Tells the rules the run's state if it changed since they last heard. */
    private void syncFacts() {
        int guard = 0;
        while (factsDirty && !closed && guard++ < 10) {
            factsDirty = false;
            handleDecisions(session.onRunFacts(state.facts()), null);
            syncMonitoring();
        }
        if (lastMonitored == null) {
            syncMonitoring();
        }
    }

    /** Tells the rules which checks this engine is running now, so staleness only judges those. */
    private void syncMonitoring() {
        if (closed) return;
        Set<String> now = new HashSet<>();
        for (CheckSpec c : runbook.checks()) {
            if (pushed.contains(c.id()) || monitored(c.id())) now.add(c.id());
        }
        if (!now.equals(lastMonitored)) {
            lastMonitored = now;
            handleDecisions(session.onMonitoring(Set.copyOf(now)), null);
        }
    }

    void close() {
        if (closed) return;
        closed = true;
        timers.values().forEach(Scheduler.Cancellable::cancel);
        timers.clear();
        try {
            session.close();
        } catch (RuntimeException e) {
            log.debug("closing decision session: {}", e.toString());
        }
    }

    /** The status message to keep up to date (the last {@code status} reply). */
    public void trackStatus(MessageRef ref) {
        this.statusRef = ref;
    }

    // ---------------------------------------------------------------- walking

    /** Moves past completed steps until a step needs something, and arms it. */
    private void advance() {
        while (!state.status().finished()) {
            if (state.status() == RunStatus.WATCHING) {
                armWatch();
                return;
            }
            Optional<PlannedStep> cur = state.current();
            if (cur.isEmpty()) {
                if (forward.isEmpty()) {
                    emit(EventTypes.RUN_COMPLETED, Payloads.of("reason", "the runbook has no steps"), BOT);
                    return;
                }
                startStep(forward.get(0));
                continue;
            }
            PlannedStep ps = cur.get();
            if (!state.currentStepDone()) {
                if (!ps.equals(armed)) {
                    armed = ps;
                    arm(ps);
                    if (state.currentStepDone()) {
                        continue;
                    }
                }
                return;
            }
            PlannedStep next = nextAfter(ps);
            if (!ps.rollback() && (next == null || !next.phaseId().equals(ps.phaseId())) && !state.completedPhases().contains(ps.phaseId())) {
                completePhase(ps.phaseId());
            }
            if (next == null) {
                if (ps.rollback()) {
                    updateStakeholders("end", runbook.title() + ": rolled back; every rollback step is done.");
                    emit(EventTypes.RUN_ROLLED_BACK, Payloads.of("reason", state.rollbackReason()), BOT);
                    say(ChatMessage.of(ChatMessage.Tone.WARNING, "Rolled back", "Every rollback step is done. Run " + runId() + " is over."));
                } else if (rollbackWindowOpen()) {
                    startWatching();
                } else {
                    updateStakeholders("end", runbook.title() + ": complete; every phase is done.");
                    emit(EventTypes.RUN_COMPLETED, "{}", BOT);
                    say(ChatMessage.of(ChatMessage.Tone.SUCCESS, "Run complete", runbook.title() + ": every phase is done."));
                }
                return;
            }
            startStep(next);
        }
    }

    // ---------------------------------------------------------------- rollback window

    /** When the rollback window closes: cutover + rollback-window; null without either. */
    private Instant rollbackWindowEnd() {
        if (state.watchingUntil() != null) return state.watchingUntil();
        if (state.cutoverAt() == null || runbook.rollbackWindow() == null) return null;
        return state.cutoverAt().plus(runbook.rollbackWindow());
    }

    private boolean rollbackWindowOpen() {
        Instant end = rollbackWindowEnd();
        return end != null && ctx.clock().instant().isBefore(end);
    }

    /** cutover + point-of-no-return, when both are known. */
    private Instant pointOfNoReturn() {
        if (state.cutoverAt() == null || runbook.pointOfNoReturn() == null) return null;
        return state.cutoverAt().plus(runbook.pointOfNoReturn());
    }

    private boolean pastPointOfNoReturn() {
        Instant ponr = pointOfNoReturn();
        return ponr != null && !ctx.clock().instant().isBefore(ponr);
    }

    /** Every phase is done inside the rollback window: watch until it closes. */
    private void startWatching() {
        Instant until = rollbackWindowEnd();
        emit(EventTypes.WATCHING, Payloads.of("until", until.toString(), "window", Durations.format(runbook.rollbackWindow())), BOT);
        String text = "Every phase is done. Watching until " + TimeText.of(until) + " (rollback window "
                + Durations.format(runbook.rollbackWindow()) + " after cutover at " + TimeText.of(state.cutoverAt()) + ").";
        updateStakeholders("watching", runbook.title() + ": " + text);
        ChatMessage.Builder m = ChatMessage.builder("Watching: rollback window open").tone(ChatMessage.Tone.SUCCESS);
        if (pastPointOfNoReturn()) {
            m.text(text + " Checks keep running and the rules keep deciding; the point of no return (" + TimeText.of(pointOfNoReturn())
                    + ") has passed, so `rollback` is refused. The run completes when the window closes, or on `abort`.");
        } else {
            m.text(text + " Checks keep running and the rules keep deciding; rollback authority (" + members(Roles.ROLLBACK_AUTHORITY)
                    + "): `rollback \"reason\"` if it goes wrong. The run completes when the window closes, or on `abort`.")
                    .button(new ChatMessage.Button("Rollback", "rollback --yes", true, true));
        }
        say(m.build());
        afterCutoverChecks.stream().filter(id -> !timers.containsKey("check:" + id)).forEach(this::runCheck);
        armWatch();
    }

    /** Schedules the end of the watch (at once when the window already closed, as after a long outage). */
    private void armWatch() {
        if (timers.containsKey("watch") || closed) return;
        Instant until = rollbackWindowEnd();
        if (until == null || !ctx.clock().instant().isBefore(until)) {
            finishWatch();
            return;
        }
        timers.put("watch", ctx.scheduler().schedule(until, () -> actor.tell(() -> {
            timers.remove("watch");
            if (state.status() == RunStatus.WATCHING) finishWatch();
        })));
    }

    private void finishWatch() {
        String text = "complete; the rollback window closed at " + TimeText.of(rollbackWindowEnd()) + ".";
        updateStakeholders("end", runbook.title() + ": " + text);
        emit(EventTypes.RUN_COMPLETED, Payloads.of("reason", "rollback window closed"), BOT);
        say(ChatMessage.of(ChatMessage.Tone.SUCCESS, "Run complete", runbook.title() + ": " + text));
    }

    private void requireNotWatching(String what) {
        if (state.status() == RunStatus.WATCHING) {
            throw new RunException("every phase is done; the run is watching until " + TimeText.of(state.watchingUntil())
                    + " (rollback window), so " + what + " has nothing to act on; `rollback \"reason\"` or `abort` end it early");
        }
    }

    private void completePhase(String phaseId) {
        Phase phase = runbook.phase(phaseId).orElseThrow();
        emit(EventTypes.PHASE_COMPLETED, Payloads.of("phase", phaseId), BOT);
        String text = "Phase " + phase.id() + (phase.title() == null ? "" : " (" + phase.title() + ")") + " is complete.";
        if (phase.cutover() && state.cutoverAt() == null) {
            emit(EventTypes.CUTOVER, Payloads.of("phase", phaseId), BOT);
            text += " Cutover at " + TimeText.of(state.cutoverAt()) + ".";
            if (runbook.rollbackWindow() != null) {
                text += " Rollback window: " + Durations.format(runbook.rollbackWindow()) + ".";
            }
            runbook.checks().stream().filter(CheckSpec::blocking).forEach(c -> runCheck(c.id()));
        }
        updateStakeholders("phase:" + phaseId, runbook.title() + ": " + text);
        say(ChatMessage.of(ChatMessage.Tone.SUCCESS, "Phase complete", text));
    }

    private void startStep(PlannedStep ps) {
        emit(EventTypes.STEP_STARTED, Payloads.of("phase", ps.phaseId(), "step", ps.stepId(), "rollback", ps.rollback()), BOT);
        Step s = step(ps);
        if (s.kind() == StepKind.MANUAL || s.kind() == StepKind.APPROVAL) {
            say(ChatMessage.of(ChatMessage.Tone.INFO, "Next: " + s.id(), prompt(s)));
        }
    }

    private String prompt(Step s) {
        return switch (s.kind()) {
            case MANUAL -> s.label() + " — when it is done: `done " + s.id() + "`" + (s.role() == null ? "" : " (role " + s.role() + ")");
            case APPROVAL -> s.label() + " — " + members(s.approvalRole()) + ": `approve " + s.id() + "`";
            case VERIFY -> "running checks " + String.join(", ", s.checks());
            case WAIT -> "waiting";
            case GATE -> "go/no-go gate";
            case NOTIFY -> "notifying " + (s.notification() == null ? "" : s.notification().audience());
        };
    }

    private String members(String role) {
        List<String> m = runbook.roles().of(role);
        return m.isEmpty() ? "nobody holds role " + role : String.join(", ", m);
    }

    PlannedStep nextAfter(PlannedStep ps) {
        List<PlannedStep> plan = ps.rollback() ? state.rollbackPlan() : forward;
        int i = plan.indexOf(ps);
        return i < 0 || i + 1 >= plan.size() ? null : plan.get(i + 1);
    }

    public Step step(PlannedStep ps) {
        Step cached = stepsByPlan.get(ps);
        if (cached != null) {
            return cached;
        }
        Step found = lookupStep(ps);
        stepsByPlan.put(ps, found);
        return found;
    }

    private Step lookupStep(PlannedStep ps) {
        Phase p = runbook.phase(ps.phaseId()).orElseThrow(() -> new IllegalStateException("no phase " + ps.phaseId()));
        return (ps.rollback() ? p.rollback() : p.steps()).stream().filter(s -> s.id().equals(ps.stepId())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no step " + ps.stepId() + " in phase " + ps.phaseId()));
    }

    public Optional<Step> currentStep() {
        return state.current().map(this::step);
    }

    /** Arms the current step: runs its checks, schedules its wait, evaluates its gate, sends its notification. */
    private void arm(PlannedStep ps) {
        Step s = step(ps);
        StepRecord rec = state.record(ps).orElseThrow();
        switch (s.kind()) {
            case MANUAL -> { }
            case APPROVAL -> {
                RunState.Approval a = state.approvals().get(s.id());
                if (a != null && !ps.rollback()) {
                    completeStep(ps, a.by(), "approved earlier by " + a.by());
                }
            }
            case VERIFY -> {
                s.checks().forEach(this::runCheck);
                evaluateVerify(ps, s, rec);
            }
            case WAIT -> armWait(ps, s, rec);
            case GATE -> armGate(ps, s);
            case NOTIFY -> runNotify(ps, s);
        }
    }

    private void completeStep(PlannedStep ps, String by, String note) {
        emit(EventTypes.STEP_COMPLETED, Payloads.of("phase", ps.phaseId(), "step", ps.stepId(), "rollback", ps.rollback(), "note", note), by);
        Scheduler.Cancellable t = timers.remove("wait:" + ps.stepId());
        if (t != null) t.cancel();
    }

    private boolean held() {
        return state.status() == RunStatus.HELD;
    }

    // ---------------------------------------------------------------- checks

    /** Runs a check asynchronously; its result comes back through the actor. */
    public void runCheck(String id) {
        CheckSpec spec = checksById.get(id);
        if (spec == null || closed || !inFlight.add(id)) {
            return;
        }
        ctx.checkRunner().run(id, spec.kind(), spec.params(), spec.timeout()).whenComplete((r, err) -> actor.tell(() -> {
            inFlight.remove(id);
            if (r != null) {
                onCheckResult(r.checkId().equals(id) ? r : r.withCheckId(id));
            } else {
                log.warn("check {} gave no result: {}", id, err == null ? "?" : err.toString());
            }
        }));
    }

    /**
     * A result pushed from outside (an agent, the simulator's feed): the check counts as monitored from
     * now on, since only its sender knows when it stops on purpose.
     */
    public void onSubmittedResult(CheckResult r) {
        if (closed || state.status().finished()) {
            return;
        }
        boolean first = pushed.add(r.checkId());
        onCheckResult(r);
        if (first && lastMonitored != null) {
            syncMonitoring();
        }
    }

    /** A result from a check this run ran, or one submitted from outside (agents, the simulator). */
    public void onCheckResult(CheckResult r) {
        if (closed || state.status().finished()) {
            return;
        }
        CheckResult before = state.latestResults().get(r.checkId());
        emitResult(r);
        if (before == null || before.status() != r.status()) {
            statusDirty = true;
        }
        r.number("ttl").ifPresent(t -> maxTtl.merge(r.checkId(), t, Math::max));
        for (RunListener l : ctx.listeners()) {
            try {
                l.onCheckResult(state, r);
            } catch (RuntimeException ex) {
                log.warn("listener failed on result: {}", ex.toString());
            }
        }
        handleDecisions(session.onResult(r), null);
        scheduleNext(r.checkId());
        if (state.status().finished()) {
            return;
        }
        state.current().ifPresent(ps -> {
            Step s = step(ps);
            if (state.currentStepDone()) return;
            StepRecord rec = state.record(ps).orElseThrow();
            switch (s.kind()) {
                case VERIFY -> {
                    if (s.checks().contains(r.checkId())) evaluateVerify(ps, s, rec);
                }
                case GATE -> {
                    if (gateChecks(ps, s).contains(r.checkId()) && gateChecks(ps, s).stream().noneMatch(inFlight::contains)) evaluateGate(ps, s, null, null);
                }
                case WAIT -> {
                    if (s.waitSpec() != null && r.checkId().equals(s.waitSpec().check())) armWait(ps, s, rec);
                }
                default -> { }
            }
        });
        advance();
    }

    /** Ticks the rules (windows, staleness) without new input. */
    public void tick() {
        if (!closed && !state.status().finished()) {
            handleDecisions(session.tick(), null);
        }
    }

    private boolean monitored(String checkId) {
        if (closed || state.status().finished()) return false;
        Optional<Step> cur = currentStep();
        if (cur.isPresent() && !state.currentStepDone()) {
            Step s = cur.get();
            if (s.kind() == StepKind.VERIFY && s.checks().contains(checkId)) return true;
            if (s.kind() == StepKind.GATE && gateChecks(state.current().get(), s).contains(checkId)) return true;
            if (s.kind() == StepKind.WAIT && s.waitSpec() != null && checkId.equals(s.waitSpec().check())) return true;
        }
        if (state.overriddenChecks().contains(checkId)) return true;
        return state.cutoverAt() != null && (afterCutoverChecks.contains(checkId) || blocking(checkId));
    }

    private boolean blocking(String checkId) {
        CheckSpec c = checksById.get(checkId);
        return c != null && c.blocking();
    }

    private Duration interval(String checkId) {
        CheckSpec c = checksById.get(checkId);
        return c == null ? CheckSpec.DEFAULT_INTERVAL : c.interval();
    }

    private void scheduleNext(String checkId) {
        String key = "check:" + checkId;
        if (timers.containsKey(key) || !monitored(checkId)) {
            return;
        }
        Duration interval = interval(checkId);
        timers.put(key, ctx.scheduler().schedule(ctx.clock().instant().plus(interval), () -> actor.tell(() -> {
            timers.remove(key);
            if (monitored(checkId)) runCheck(checkId);
        })));
    }

    private void evaluateVerify(PlannedStep ps, Step s, StepRecord rec) {
        List<String> blockers = new ArrayList<>();
        boolean allIn = true;
        for (String id : s.checks()) {
            CheckResult r = state.latestResults().get(id);
            if (r == null || r.observedAt().isBefore(rec.startedAt())) {
                allIn = false;
                blockers.add(id + ": no result yet");
            } else if (r.status() != CheckStatus.PASS) {
                blockers.add(id + ": " + r.status() + (r.message().isEmpty() ? "" : " — " + r.message()));
            }
        }
        if (blockers.isEmpty()) {
            if (!held()) {
                completeStep(ps, BOT, "all checks pass: " + String.join(", ", s.checks()));
            }
        } else if (allIn) {
            post("verify:" + s.id(), ChatMessage.of(ChatMessage.Tone.WARNING, "Blocked: " + s.id(),
                    String.join("\n", blockers) + "\nChecks re-run every interval; `check` re-runs them now." + overrideHint(s)));
        }
    }

    /** Posts a message unless the same one was the last posted under {@code key}. */
    private void post(String key, ChatMessage m) {
        String text = m.plain();
        if (!text.equals(lastPosted.get(key))) {
            lastPosted.put(key, text);
            say(m);
        }
    }

    public void say(ChatMessage m) {
        if (ctx.backend() != null) {
            try {
                ctx.backend().send(state.channel(), m);
            } catch (RuntimeException e) {
                log.warn("cannot post to channel {}: {}", state.channel(), e.toString());
            }
        }
    }

    // ---------------------------------------------------------------- waits

    private void armWait(PlannedStep ps, Step s, StepRecord rec) {
        WaitSpec w = s.waitSpec();
        Instant due = null;
        String what;
        if (w == null) {
            due = rec.startedAt();
            what = "nothing";
        } else if (w.duration() != null) {
            due = rec.startedAt().plus(w.duration());
            what = Durations.format(w.duration());
        } else if (w.until() != null) {
            due = w.until();
            what = "until " + TimeText.of(w.until());
        } else {
            what = "the old TTL of " + w.check();
            boolean ruled = state.decisions().stream().anyMatch(d -> d.ruleId().endsWith(w.condition())
                    && !d.at().isBefore(rec.startedAt()) && (d.kind() == DecisionKind.GO || d.kind() == DecisionKind.ADVISE));
            Double ttl = maxTtl.get(w.check());
            if (ruled) {
                due = rec.startedAt();
            } else if (ttl != null) {
                due = rec.startedAt().plusMillis(Math.round(ttl * 1000));
                what = "the old TTL of " + w.check() + " (" + Durations.format(Duration.ofMillis(Math.round(ttl * 1000))) + ")";
            } else if (w.check() != null && !inFlight.contains(w.check())) {
                if (state.latestResults().containsKey(w.check())) {
                    post("wait:" + s.id(), ChatMessage.of(ChatMessage.Tone.WARNING, "Cannot tell the old TTL",
                            w.check() + " reports no ttl observation; when you know it has passed: `done " + s.id() + "`"));
                } else {
                    runCheck(w.check());
                }
            }
        }
        if (due == null) {
            return;
        }
        Instant now = ctx.clock().instant();
        if (!now.isBefore(due)) {
            if (!held()) {
                completeStep(ps, BOT, "waited " + what);
            }
            return;
        }
        String key = "wait:" + s.id();
        Scheduler.Cancellable old = timers.remove(key);
        if (old != null) old.cancel();
        Instant at = due;
        timers.put(key, ctx.scheduler().schedule(at, () -> actor.tell(() -> {
            timers.remove(key);
            if (state.current().filter(ps::equals).isPresent() && !state.currentStepDone()) {
                armWait(ps, s, state.record(ps).orElseThrow());
                advance();
            }
        })));
    }

    // ---------------------------------------------------------------- gates

    private List<String> gateChecks(PlannedStep ps, Step s) {
        if (s.gate() != null && !s.gate().checks().isEmpty()) {
            return s.gate().checks();
        }
        Set<String> ids = new LinkedHashSet<>();
        runbook.phase(ps.phaseId()).ifPresent(p -> p.steps().stream().filter(x -> x.kind() == StepKind.VERIFY)
                .flatMap(x -> x.checks().stream())
                .filter(id -> blocking(id))
                .forEach(ids::add));
        return List.copyOf(ids);
    }

    private boolean fresh(String checkId) {
        CheckResult r = state.latestResults().get(checkId);
        Duration interval = interval(checkId);
        return r != null && !r.observedAt().plus(interval.multipliedBy(2)).isBefore(ctx.clock().instant());
    }

    private void armGate(PlannedStep ps, Step s) {
        List<String> stale = gateChecks(ps, s).stream().filter(id -> !fresh(id)).toList();
        stale.forEach(this::runCheck);
        if (stale.stream().noneMatch(inFlight::contains)) {
            evaluateGate(ps, s, null, null);
        }
    }

    private boolean cutoverGate(PlannedStep ps) {
        return !ps.rollback() && runbook.phase(ps.phaseId()).map(Phase::cutover).orElse(false);
    }

    /** Asks the rules; records the decision when it changed; acts on it. {@code goBy} non-null: a `go` asked. */
    private Decision evaluateGate(PlannedStep ps, Step s, ChatUser goBy, String reason) {
        syncFacts();
        List<Decision> ds = session.evaluateGate(ps.phaseId(), gateChecks(ps, s));
        Decision gate = ds.stream().filter(d -> d.kind() == DecisionKind.GO || d.kind() == DecisionKind.NO_GO).findFirst()
                .orElseGet(() -> ds.stream().filter(d -> d.kind() == DecisionKind.HOLD).findFirst()
                        .orElse(new Decision(DecisionKind.NO_GO, "engine.gate.no-decision", "the rules gave no GO or NO_GO", List.of(), ctx.clock().instant(), ps.phaseId())));
        Decision previous = state.gateDecision(s.id()).orElse(null);
        if (previous == null || previous.kind() != gate.kind() || !previous.reason().equals(gate.reason())) {
            recordDecision(gate, s.id());
        }
        handleDecisions(ds.stream().filter(d -> d != gate).toList(), null);
        if (goBy != null) {
            return gate;
        }
        if (gate.kind() == DecisionKind.GO) {
            if (cutoverGate(ps)) {
                Roles roles = runbook.roles();
                post("gate:" + s.id(), ChatMessage.builder("Rules say GO: " + s.id())
                        .tone(ChatMessage.Tone.SUCCESS)
                        .text(gate.reason() + "\nRollback authority (" + String.join(", ", roles.of(Roles.ROLLBACK_AUTHORITY)) + "): `go` to cut over.")
                        .button(new ChatMessage.Button("Go", "go --yes", false, true)).build());
            } else if (!held()) {
                completeStep(ps, BOT, "rules: GO (" + gate.ruleId() + ")");
            }
        } else {
            post("gate:" + s.id(), ChatMessage.of(ChatMessage.Tone.WARNING, gate.kind() + ": " + s.id(), gate.reason() + overrideHint(s)));
        }
        return gate;
    }

    // ---------------------------------------------------------------- decisions

    private void recordDecision(Decision d, String gateStep) {
        emit(EventTypes.DECISION, Payloads.of("decision", d, "gate", gateStep), "rules:" + d.ruleId());
        for (RunListener l : ctx.listeners()) {
            try {
                l.onDecision(state, d);
            } catch (RuntimeException ex) {
                log.warn("listener failed on decision: {}", ex.toString());
            }
        }
    }

    private void handleDecisions(List<Decision> decisions, String gateStep) {
        for (Decision d : decisions) {
            if (state.status().finished()) return;
            recordDecision(d, gateStep);
            switch (d.kind()) {
                case ROLLBACK -> recommendRollback(d);
                case HOLD -> {
                    if (state.status() == RunStatus.ACTIVE && !state.rollingBack()) {
                        emit(EventTypes.HELD, Payloads.of("reason", d.reason(), "rule", d.ruleId()), "rules:" + d.ruleId());
                        say(ChatMessage.builder("HOLD: " + d.reason()).tone(ChatMessage.Tone.WARNING)
                                .text("The run is paused (rule " + d.ruleId() + ").\n" + evidence(d)
                                        + "Rollback authority (" + members(Roles.ROLLBACK_AUTHORITY) + "): `go \"reason\"` to continue, or `rollback \"reason\"`.")
                                .button(new ChatMessage.Button("Rollback", "rollback --yes " + quote(d.reason()), true, true)).build());
                    }
                }
                case FIX_FORWARD, ADVISE -> {
                    if (advised.add(d.kind() + "|" + d.ruleId() + "|" + d.reason())) {
                        say(ChatMessage.of(ChatMessage.Tone.INFO, d.kind() + ": " + d.reason(), evidence(d) + "(rule " + d.ruleId() + ")"));
                    }
                }
                default -> { }
            }
        }
    }

    private void recommendRollback(Decision d) {
        if (state.rollingBack() || state.status().finished()) return;
        if (!advised.add("ROLLBACK|" + d.ruleId() + "|" + d.reason())) return; // said once; the log has every decision
        String when = state.cutoverAt() == null ? "before cutover" : "since cutover at " + TimeText.of(state.cutoverAt());
        if (pastPointOfNoReturn()) {
            say(ChatMessage.of(ChatMessage.Tone.DANGER, "Rules recommend ROLLBACK, but the point of no return has passed",
                    d.reason() + " (" + when + ", rule " + d.ruleId() + ")\n" + evidence(d) + "Past the point of no return (" + TimeText.of(pointOfNoReturn())
                            + "): `rollback` is refused; fix forward."));
            return;
        }
        say(ChatMessage.builder("Rules recommend ROLLBACK").tone(ChatMessage.Tone.DANGER)
                .text(d.reason() + " (" + when + ", rule " + d.ruleId() + ")\n" + evidence(d)
                        + "Rollback authority (" + members(Roles.ROLLBACK_AUTHORITY) + "): `rollback \"reason\"` to roll back, or keep going.")
                .button(new ChatMessage.Button("Rollback", "rollback --yes " + quote(d.reason()), true, true))
                .build());
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String evidence(Decision d) {
        if (d.evidence().isEmpty()) return "";
        return d.evidence().stream().map(e -> "• " + e.checkId() + " " + e.status() + (e.values().isEmpty() ? "" : " " + e.values())
                + " at " + TimeText.of(e.observedAt())).collect(Collectors.joining("\n")) + "\n";
    }

    // ---------------------------------------------------------------- notifications

    private void runNotify(PlannedStep ps, Step s) {
        String key = (ps.rollback() ? "rollback:" : "") + "step:" + s.id();
        if (s.notification() != null && !state.notified(key)) {
            sendNotification(key, s.notification().audience(), s.notification().text(), BOT);
        }
        completeStep(ps, BOT, "notified " + (s.notification() == null ? "nobody" : s.notification().audience()));
    }

    /**
     * Tells every stakeholder audience (not the team: the channel sees it anyway) about a phase change,
     * the cutover, a rollback or the end of the run. {@code key} makes it once-only across restarts.
     */
    private void updateStakeholders(String key, String text) {
        runbook.stakeholders().stream().map(Stakeholder::audience).distinct()
                .forEach(audience -> sendNotification(key + ":" + audience, audience, text, BOT));
    }

    /** Routine updates at each stakeholder's cadence, while the run lasts. */
    private void scheduleCadence() {
        for (Stakeholder st : runbook.stakeholders()) {
            if (st.cadence() == null || st.cadence().isZero() || st.cadence().isNegative()) continue;
            String timer = "cadence:" + st.audience() + ":" + st.sink();
            if (timers.containsKey(timer)) continue;
            Instant at = ctx.clock().instant().plus(st.cadence());
            timers.put(timer, ctx.scheduler().schedule(at, () -> actor.tell(() -> {
                timers.remove(timer);
                if (closed || state.status().finished()) return;
                Notification n = new Notification(runId(), st.audience(), runbook.title() + " — " + st.audience() + " update", summary(), ctx.clock().instant());
                if (ctx.notifications() != null) {
                    ctx.notifications().send(runId(), "cadence:" + st.audience() + ":" + st.sink() + ":" + at, st, n, ctx.clock().instant());
                }
                scheduleCadence();
            })));
        }
    }

    /** One paragraph for stakeholders: where the run stands. */
    String summary() {
        StringBuilder b = new StringBuilder();
        b.append(runbook.title()).append(": ");
        if (state.status().finished()) {
            b.append("the run is ").append(state.status().name().toLowerCase().replace('_', ' ')).append('.');
            return b.toString();
        }
        if (state.status() == RunStatus.WATCHING) {
            b.append("every phase is done; watching until ").append(TimeText.of(state.watchingUntil())).append(" (rollback window). ");
        } else state.current().ifPresent(ps -> b.append(ps.rollback() ? "rolling back, " : "phase ")
                .append(runbook.phase(ps.phaseId()).map(p -> p.title() == null ? p.id() : p.title()).orElse(ps.phaseId()))
                .append(", step ").append(step(ps).label()).append(". "));
        if (state.cutoverAt() != null) b.append("Cut over at ").append(TimeText.of(state.cutoverAt())).append(". ");
        long failing = state.latestResults().values().stream().filter(r -> r.status() != CheckStatus.PASS).count();
        b.append(state.latestResults().size() - failing).append(" of ").append(state.latestResults().size()).append(" checks pass");
        if (held()) b.append("; on HOLD: ").append(state.holdReason());
        return b.append('.').toString();
    }

    /** Sends {@code text} to an audience through the outbox; returns the sinks it went to. */
    public List<String> sendNotification(String key, String audience, String text, String actorId) {
        List<Stakeholder> targets = new ArrayList<>();
        if ("team".equals(audience)) {
            targets.add(new Stakeholder("team", "chat:" + state.channel(), null, null));
        } else {
            runbook.stakeholders().stream().filter(x -> x.audience().equals(audience)).forEach(targets::add);
        }
        List<String> sinks = targets.stream().map(Stakeholder::sink).toList();
        emit(EventTypes.NOTIFIED, Payloads.of("key", key, "audience", audience, "text", text, "sinks", sinks), actorId);
        Instant now = ctx.clock().instant();
        for (int i = 0; i < targets.size(); i++) {
            Stakeholder t = targets.get(i);
            Notification n = new Notification(runId(), audience, runbook.title() + " — " + audience + " update", text, now);
            if (ctx.notifications() != null) {
                ctx.notifications().send(runId(), key + "#" + i, t, n, now);
            }
        }
        return sinks;
    }

    // ---------------------------------------------------------------- commands

    private void requireActive() {
        if (state.status().finished()) {
            throw new RunException("run " + runId() + " is over (" + state.status() + ")");
        }
    }

    private void requireNotHeld(String what) {
        if (held()) {
            throw new RunException("the run is on HOLD (" + state.holdReason() + "); " + what + " waits until the rollback authority says `go \"reason\"` or `rollback`");
        }
    }

    /** Which step a {@code done} names (validated for existence by the command). */
    public Optional<Step> findStep(String stepId) {
        return runbook.allSteps().filter(s -> s.id().equals(stepId)).findFirst();
    }

    /** " — rollback authority (…): `done <step> --override \"reason\"` …" for a blocked verify step or gate. */
    private String overrideHint(Step s) {
        return "\nIf it cannot pass for a known reason, the rollback authority (" + members(Roles.ROLLBACK_AUTHORITY) + ") may complete it anyway: `done "
                + s.id() + " --override \"reason\"` (recorded with the blockers).";
    }

    /** The current step, which {@code stepId} must name (else an error saying what is current). */
    private PlannedStep requireCurrent(String stepId) {
        PlannedStep cur = state.current().orElseThrow(() -> new RunException("no step is current"));
        Step s = step(cur);
        if (!s.id().equals(stepId)) {
            Optional<StepRecord> r = state.step(stepId);
            if (r.isPresent() && r.get().status() == StepStatus.DONE) {
                throw new RunException(stepId + " is already done (by " + r.get().completedBy() + " at " + TimeText.of(r.get().completedAt()) + "); the current step is " + s.id());
            }
            throw new RunException(stepId + " is not the current step; the current step is " + s.id() + " (" + s.label() + ")");
        }
        return cur;
    }

    public ChatMessage done(ChatUser user, String stepId, String note) {
        requireActive();
        requireNotWatching("`done`");
        PlannedStep cur = requireCurrent(stepId);
        Step s = step(cur);
        requireNotHeld("`done`");
        switch (s.kind()) {
            case MANUAL, WAIT -> { }
            case VERIFY -> throw new RunException(s.id() + " completes by itself when its checks pass; blockers: " + verifyBlockers(s) + "; `check` re-runs them."
                    + overrideHint(s));
            case GATE -> throw new RunException(s.id() + " is a go/no-go gate: the rollback authority says `go`" + overrideHint(s));
            case APPROVAL -> throw new RunException(s.id() + " is an approval: `approve " + s.id() + "` by " + members(s.approvalRole()));
            case NOTIFY -> throw new RunException(s.id() + " sends itself");
        }
        completeStep(cur, user.qualifiedId(), note);
        advance();
        return ChatMessage.of(ChatMessage.Tone.SUCCESS, "Done: " + stepId, by(user) + (note == null ? "" : " — " + note) + nextLine());
    }

    /**
     * {@code done <step> --override "reason"}: the rollback authority completes a blocked verify step or gate.
     * Recorded as OVERRIDDEN with the blockers of this moment (check ids and statuses); the step's checks keep
     * running while the run lasts and their results still go to the rules. No result is changed.
     */
    public ChatMessage override(ChatUser user, String stepId, String reason) {
        requireActive();
        requireNotWatching("`done --override`");
        if (reason == null || reason.isBlank()) {
            throw new RunException("`done " + stepId + " --override` needs a reason: done " + stepId + " --override \"why it is safe to go on\"");
        }
        PlannedStep cur = requireCurrent(stepId);
        Step s = step(cur);
        if (state.currentStepDone()) {
            throw new RunException(stepId + " is already done");
        }
        requireNotHeld("`done --override`");
        StepRecord rec = state.record(cur).orElseThrow();
        List<String> checks;
        List<String> blockers = new ArrayList<>();
        switch (s.kind()) {
            case VERIFY -> {
                checks = s.checks();
                for (String id : checks) {
                    CheckResult r = state.latestResults().get(id);
                    if (r == null || r.observedAt().isBefore(rec.startedAt())) blockers.add(id + " NO_RESULT");
                    else if (r.status() != CheckStatus.PASS) blockers.add(id + " " + r.status().name());
                }
            }
            case GATE -> {
                checks = gateChecks(cur, s);
                for (String id : checks) {
                    CheckResult r = state.latestResults().get(id);
                    if (r == null) blockers.add(id + " NO_RESULT");
                    else if (r.status() != CheckStatus.PASS) blockers.add(id + " " + r.status().name());
                }
                if (s.gate() != null) {
                    s.gate().approvals().stream().filter(a -> !state.approvals().containsKey(a)).forEach(a -> blockers.add("approval " + a + " missing"));
                }
                state.gateDecision(s.id()).filter(d -> d.kind() != DecisionKind.GO)
                        .ifPresent(d -> blockers.add("rules " + d.kind() + " (" + d.ruleId() + ")"));
                if (blockers.isEmpty()) {
                    throw new RunException("nothing blocks " + s.id() + ": the rules say GO; the rollback authority says `go`");
                }
            }
            default -> throw new RunException("`--override` completes a blocked verify step or gate; " + s.id() + " is a "
                    + s.kind().name().toLowerCase() + " step" + (s.kind() == StepKind.MANUAL || s.kind() == StepKind.WAIT ? ": `done " + s.id() + "`" : ""));
        }
        emit(EventTypes.OVERRIDDEN, Payloads.of("phase", cur.phaseId(), "step", s.id(), "rollback", cur.rollback(), "kind", s.kind().name(),
                "reason", reason, "user", user.displayName(), "blockers", blockers, "checks", checks), user.qualifiedId());
        RunState.StepOverride o = state.overrides().get(RunState.key(cur));
        log.info("run {}: {} {}", runId(), s.id(), o.describe());
        completeStep(cur, user.qualifiedId(), o.describe());
        for (String id : checks) {
            if (!inFlight.contains(id)) scheduleNext(id);
        }
        advance();
        return ChatMessage.of(ChatMessage.Tone.WARNING, "Overridden: " + s.id(), o.describe()
                + "\nIts checks keep running and the rules still see every result." + nextLine());
    }

    private String verifyBlockers(Step s) {
        return s.checks().stream().map(id -> {
            CheckResult r = state.latestResults().get(id);
            return id + " " + (r == null ? "no result yet" : r.status().name());
        }).collect(Collectors.joining(", "));
    }

    private String nextLine() {
        if (state.status().finished()) {
            return "\nRun " + state.status().name().toLowerCase().replace('_', ' ') + ".";
        }
        return currentStep().map(s -> "\nNext: " + s.id() + " — " + prompt(s)).orElse("");
    }

    private static String by(ChatUser u) {
        return "by " + u.displayName();
    }

    /** The approval step {@code approve [step]} means: the named one, else the current, else the next pending. */
    public Optional<Step> approvalTarget(String stepId) {
        if (stepId != null) {
            return findStep(stepId);
        }
        Optional<Step> cur = currentStep().filter(s -> s.kind() == StepKind.APPROVAL);
        if (cur.isPresent()) return cur;
        int from = state.current().map(forward::indexOf).orElse(0);
        for (int i = Math.max(0, from); i < forward.size(); i++) {
            Step s = step(forward.get(i));
            if (s.kind() == StepKind.APPROVAL && !state.approvals().containsKey(s.id())) return Optional.of(s);
        }
        return Optional.empty();
    }

    public ChatMessage approve(ChatUser user, String stepId) {
        requireActive();
        requireNotWatching("`approve`");
        Step s = approvalTarget(stepId).orElseThrow(() -> new RunException("no approval is pending"));
        if (s.kind() != StepKind.APPROVAL) {
            throw new RunException(s.id() + " is not an approval step (it is " + s.kind().name().toLowerCase() + ")");
        }
        RunState.Approval a = state.approvals().get(s.id());
        if (a != null) {
            throw new RunException(s.id() + " is already approved by " + a.by() + " at " + TimeText.of(a.at()));
        }
        emit(EventTypes.APPROVED, Payloads.of("step", s.id(), "role", s.approvalRole()), user.qualifiedId());
        state.current().filter(ps -> ps.stepId().equals(s.id()) && !state.currentStepDone())
                .ifPresent(ps -> completeStep(ps, user.qualifiedId(), "approved"));
        currentStep().filter(c -> c.kind() == StepKind.GATE && !state.currentStepDone())
                .ifPresent(g -> armGate(state.current().get(), g));
        advance();
        return ChatMessage.of(ChatMessage.Tone.SUCCESS, "Approved: " + s.id(), by(user) + " (role " + s.approvalRole() + ")" + nextLine());
    }

    /**
     * {@code go [reason]}: the rollback authority's word. On HOLD it resumes the run (a reason is required
     * and recorded); on a gate it asks the rules now and completes the gate on GO (NO_GO: refused with
     * every blocker; a HOLD from the rules is overridden only with a reason).
     */
    public ChatMessage go(ChatUser user, String reason) {
        requireActive();
        requireNotWatching("`go`");
        if (held()) {
            if (reason == null || reason.isBlank()) {
                throw new RunException("the run is on HOLD (" + state.holdReason() + "); to continue give the reason: go --yes \"why it is safe\"");
            }
            emit(EventTypes.RESUMED, Payloads.of("reason", reason, "hold", state.holdReason()), user.qualifiedId());
            armed = null;
            advance();
            return ChatMessage.of(ChatMessage.Tone.SUCCESS, "Resumed", "HOLD overridden " + by(user) + ": " + reason + nextLine());
        }
        PlannedStep ps = state.current().orElseThrow(() -> new RunException("no step is current"));
        Step s = step(ps);
        if (s.kind() != StepKind.GATE || state.currentStepDone()) {
            throw new RunException("nothing to go: the current step is " + s.id() + " (" + s.kind().name().toLowerCase() + "); `go` confirms a go/no-go gate or resumes a HOLD");
        }
        Decision d = evaluateGate(ps, s, user, reason);
        switch (d.kind()) {
            case GO -> completeStep(ps, user.qualifiedId(), "go" + (reason == null ? "" : ": " + reason) + " (rules: GO, " + d.ruleId() + ")");
            case HOLD -> {
                if (reason == null || reason.isBlank()) {
                    throw new RunException("the rules say HOLD: " + d.reason() + "; to override give the reason: go --yes \"why\"");
                }
                emit(EventTypes.RESUMED, Payloads.of("reason", reason, "hold", d.reason(), "override", d.ruleId()), user.qualifiedId());
                completeStep(ps, user.qualifiedId(), "go over HOLD: " + reason);
            }
            default -> throw new RunException("NO-GO (" + d.ruleId() + "): " + d.reason() + overrideHint(s));
        }
        advance();
        return ChatMessage.of(ChatMessage.Tone.SUCCESS, "GO: " + s.id(), by(user) + " — " + d.reason() + nextLine());
    }

    public ChatMessage rollback(ChatUser user, String reason) {
        requireActive();
        if (state.rollingBack()) {
            throw new RunException("already rolling back (" + state.rollbackReason() + ")");
        }
        if (pastPointOfNoReturn()) {
            String why = "past the point of no return: " + Durations.format(runbook.pointOfNoReturn()) + " after cutover at "
                    + TimeText.of(state.cutoverAt()) + " was " + TimeText.of(pointOfNoReturn()) + "; rolling back is no longer planned, fix forward";
            recordRefusal(user, "rollback" + (reason == null ? "" : " " + reason), why);
            log.info("refused {} `rollback` in run {}: {}", user.qualifiedId(), runId(), why);
            return ChatMessage.of(ChatMessage.Tone.DANGER, "Refused", why);
        }
        int currentPhase = state.current().filter(ps -> !ps.rollback())
                .map(ps -> indexOfPhase(ps.phaseId())).orElse(-1);
        List<Map<String, String>> plan = new ArrayList<>();
        for (int i = currentPhase; i >= 0; i--) {
            Phase p = runbook.phases().get(i);
            for (Step s : p.rollback()) {
                plan.add(Map.of("phase", p.id(), "step", s.id()));
            }
        }
        timers.values().forEach(Scheduler.Cancellable::cancel);
        timers.clear();
        boolean watching = state.status() == RunStatus.WATCHING;
        emit(EventTypes.ROLLBACK_STARTED, Payloads.of("reason", reason, "plan", plan, "afterCutover", state.cutoverAt() != null, "whileWatching", watching), user.qualifiedId());
        scheduleCadence();
        updateStakeholders("rollback", runbook.title() + ": we are rolling back" + (reason == null ? "." : ": " + reason));
        String warning = watching ? "\nInside the rollback window (until " + TimeText.of(state.watchingUntil()) + ")." : "";
        if (plan.isEmpty()) {
            emit(EventTypes.RUN_ROLLED_BACK, Payloads.of("reason", reason), BOT);
            return ChatMessage.of(ChatMessage.Tone.WARNING, "Rolled back", "Nothing to undo: no rollback steps. " + by(user) + (reason == null ? "" : ": " + reason) + warning);
        }
        PlannedStep first = new PlannedStep(plan.get(0).get("phase"), plan.get(0).get("step"), true);
        startStep(first);
        advance();
        return ChatMessage.of(ChatMessage.Tone.DANGER, "ROLLBACK", "Ordered " + by(user) + (reason == null ? "" : ": " + reason)
                + "\n" + plan.size() + " rollback step(s): " + plan.stream().map(m -> m.get("step")).collect(Collectors.joining(", ")) + warning + nextLine());
    }

    private int indexOfPhase(String id) {
        for (int i = 0; i < runbook.phases().size(); i++) {
            if (runbook.phases().get(i).id().equals(id)) return i;
        }
        return -1;
    }

    public ChatMessage abort(ChatUser user, String reason) {
        requireActive();
        updateStakeholders("end", runbook.title() + ": the run was stopped" + (reason == null ? "." : ": " + reason));
        emit(EventTypes.RUN_ABORTED, Payloads.of("reason", reason), user.qualifiedId());
        return ChatMessage.of(ChatMessage.Tone.DANGER, "Aborted", "Run " + runId() + " aborted " + by(user) + (reason == null ? "" : ": " + reason));
    }

    /** Re-runs one check, or the current step's checks, or every check. */
    public ChatMessage check(String checkId) {
        requireActive();
        List<String> ids;
        if (checkId != null) {
            ids = List.of(checkId);
        } else {
            Optional<PlannedStep> ps = state.current();
            Step s = ps.map(this::step).orElse(null);
            if (s != null && s.kind() == StepKind.VERIFY) ids = s.checks();
            else if (s != null && s.kind() == StepKind.GATE) ids = gateChecks(ps.get(), s);
            else if (s != null && s.kind() == StepKind.WAIT && s.waitSpec() != null && s.waitSpec().check() != null) ids = List.of(s.waitSpec().check());
            else ids = runbook.checks().stream().map(CheckSpec::id).toList();
        }
        ids.forEach(this::runCheck);
        return ChatMessage.of(ChatMessage.Tone.INFO, "Checking", "running " + String.join(", ", ids) + "; results follow");
    }

    public ChatMessage notifyAudience(ChatUser user, String audience, String text, long commandSeq) {
        requireActive();
        List<String> sinks = sendNotification("command:" + commandSeq, audience, text, user.qualifiedId());
        return ChatMessage.of(ChatMessage.Tone.SUCCESS, "Notified " + audience, sinks.isEmpty() ? "no sink for " + audience : "sent to " + String.join(", ", sinks));
    }

    public ChatMessage status() {
        return StatusView.render(this, ctx.clock().instant());
    }

    public ChatMessage timeline() {
        return TimelineView.render(runbook, ctx.store().read(runId()));
    }

    /** cutover + point-of-no-return, or null. */
    Instant pointOfNoReturnAt() {
        return pointOfNoReturn();
    }

    boolean closed() {
        return closed;
    }

    Set<String> checksInFlight() {
        return Set.copyOf(inFlight);
    }

    String describeCurrent() {
        if (state.status() == RunStatus.WATCHING) {
            return "watching until " + TimeText.of(state.watchingUntil()) + " (rollback window); `rollback` or `abort` end it early";
        }
        return currentStep().map(s -> s.id() + " — " + prompt(s)).orElse("—");
    }

    List<String> blockers() {
        if (state.status() == RunStatus.WATCHING) return List.of();
        Optional<PlannedStep> ps = state.current();
        if (ps.isEmpty() || state.currentStepDone()) return List.of();
        Step s = step(ps.get());
        List<String> out = new ArrayList<>();
        if (held()) out.add("HOLD: " + state.holdReason());
        switch (s.kind()) {
            case VERIFY -> s.checks().forEach(id -> {
                CheckResult r = state.latestResults().get(id);
                if (r == null || r.status() != CheckStatus.PASS) out.add(id + " " + (r == null ? "has no result yet" : "is " + r.status()));
            });
            case GATE -> state.gateDecision(s.id()).filter(d -> d.kind() != DecisionKind.GO).ifPresent(d -> out.add(d.reason()));
            case APPROVAL -> out.add("needs approval by " + members(s.approvalRole()));
            default -> { }
        }
        return out;
    }

    @Override
    public String toString() {
        return "RunEngine[" + runId() + "]";
    }

    static boolean same(Object a, Object b) {
        return Objects.equals(a, b);
    }
}
