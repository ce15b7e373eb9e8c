package dev.switchman.core.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.decision.Decision;
import dev.switchman.core.decision.RunFacts;
import dev.switchman.core.event.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A run's state, rebuilt purely from its events ({@link #replay(List)}): kill the bot at any point,
 * replay the log, and the state (steps, approvals, notes, results, decisions) is the same.
 * Not thread-safe: the run's actor owns it.
 */
public final class RunState {

    /** An approval granted. */
    public record Approval(String stepId, String by, Instant at) {
    }

    /** A blocked verify step or gate completed by the rollback authority's override. */
    public record StepOverride(String stepId, String by, String byName, String reason, List<String> blockers, List<String> checks, Instant at) {

        /** "overridden by carol: reason; blockers were www-ttl ERROR". */
        public String describe() {
            return "overridden by " + byName + ": " + reason + "; blockers were " + (blockers.isEmpty() ? "none" : String.join(", ", blockers));
        }
    }

    /** A refusal recorded. */
    public record Refusal(String command, String user, String reason, Instant at) {
    }

    private static final int KEPT_DECISIONS = 200;

    private final String runId;
    private String runbookId = "";
    private String title = "";
    private String channel = "";
    private String startedBy = "";
    private Instant startedAt;
    private RunStatus status = RunStatus.ACTIVE;
    private String holdReason;
    private String endReason;
    private boolean rollingBack;
    private String rollbackReason;
    private String rollbackBy;
    private final List<PlannedStep> rollbackPlan = new ArrayList<>();
    private PlannedStep current;
    private final Map<String, StepRecord> steps = new LinkedHashMap<>();
    private final Set<String> completedPhases = new LinkedHashSet<>();
    private Instant cutoverAt;
    private Instant watchingUntil;
    private final Map<String, StepOverride> overrides = new LinkedHashMap<>();
    private final Map<String, Approval> approvals = new LinkedHashMap<>();
    private final Map<String, CheckResult> latestResults = new LinkedHashMap<>();
    private final Map<String, Decision> gateDecisions = new LinkedHashMap<>();
    private final List<Decision> decisions = new ArrayList<>();
    private final List<Refusal> refusals = new ArrayList<>();
    private final Set<String> notified = new LinkedHashSet<>();
    private long lastSequence;
    private long resultCount;

    public RunState(String runId) {
        this.runId = runId;
    }

    public static RunState replay(String runId, List<Event> events) {
        RunState s = new RunState(runId);
        events.forEach(s::apply);
        return s;
    }

    /** Applies a CHECK_RESULT event whose result is at hand (the live path: no JSON round trip). */
    void applyResult(Event e, CheckResult r) {
        applyResult(e.sequence(), r);
    }

    void applyResult(long sequence, CheckResult r) {
        lastSequence = sequence;
        latestResults.put(r.checkId(), r);
        resultCount++;
    }

    /** Applies one event; events must come in sequence order. */
    public void apply(Event e) {
        lastSequence = e.sequence();
        JsonNode p = Payloads.read(e.payload());
        switch (e.type()) {
            case EventTypes.RUN_STARTED -> {
                runbookId = Payloads.text(p, "runbook");
                title = Payloads.text(p, "title");
                channel = Payloads.text(p, "channel");
                startedBy = e.actor();
                startedAt = e.at();
            }
            case EventTypes.STEP_STARTED -> {
                PlannedStep ps = new PlannedStep(Payloads.text(p, "phase"), Payloads.text(p, "step"), p.path("rollback").asBoolean(false));
                current = ps;
                steps.put(key(ps), new StepRecord(ps.phaseId(), ps.stepId(), ps.rollback(), StepStatus.CURRENT, e.at(), null, null, null));
            }
            case EventTypes.STEP_COMPLETED -> {
                String k = key(Payloads.text(p, "step"), p.path("rollback").asBoolean(false));
                StepRecord r = steps.get(k);
                if (r != null) {
                    steps.put(k, r.completed(e.at(), e.actor(), Payloads.text(p, "note")));
                }
            }
            case EventTypes.APPROVED -> approvals.put(Payloads.text(p, "step"), new Approval(Payloads.text(p, "step"), e.actor(), e.at()));
            case EventTypes.CHECK_RESULT -> {
                CheckResult r = Payloads.checkResult(p);
                latestResults.put(r.checkId(), r);
                resultCount++;
            }
            case EventTypes.DECISION -> {
                Decision d = Payloads.decision(p.get("decision"));
                String gateStep = Payloads.text(p, "gate");
                if (gateStep != null) {
                    gateDecisions.put(gateStep, d);
                }
                decisions.add(d);
                if (decisions.size() > KEPT_DECISIONS) {
                    decisions.remove(0);
                }
            }
            case EventTypes.HELD -> {
                status = RunStatus.HELD;
                holdReason = Payloads.text(p, "reason");
            }
            case EventTypes.RESUMED -> {
                if (status == RunStatus.HELD) status = RunStatus.ACTIVE;
                holdReason = null;
            }
            case EventTypes.PHASE_COMPLETED -> completedPhases.add(Payloads.text(p, "phase"));
            case EventTypes.CUTOVER -> cutoverAt = e.at();
            case EventTypes.NOTIFIED -> notified.add(Payloads.text(p, "key"));
            case EventTypes.ROLLBACK_STARTED -> {
                rollingBack = true;
                rollbackReason = Payloads.text(p, "reason");
                rollbackBy = e.actor();
                rollbackPlan.clear();
                for (JsonNode n : p.path("plan")) {
                    rollbackPlan.add(new PlannedStep(Payloads.text(n, "phase"), Payloads.text(n, "step"), true));
                }
                if (status == RunStatus.HELD || status == RunStatus.WATCHING) status = RunStatus.ACTIVE;
            }
            case EventTypes.OVERRIDDEN -> {
                List<String> blockers = new ArrayList<>();
                p.path("blockers").forEach(n -> blockers.add(n.asText()));
                List<String> checks = new ArrayList<>();
                p.path("checks").forEach(n -> checks.add(n.asText()));
                String step = Payloads.text(p, "step");
                overrides.put(key(step, p.path("rollback").asBoolean(false)),
                        new StepOverride(step, e.actor(), Objects.requireNonNullElse(Payloads.text(p, "user"), e.actor()), Payloads.text(p, "reason"), List.copyOf(blockers), List.copyOf(checks), e.at()));
            }
            case EventTypes.WATCHING -> {
                status = RunStatus.WATCHING;
                watchingUntil = Instant.parse(Payloads.text(p, "until"));
            }
            case EventTypes.REFUSED -> refusals.add(new Refusal(Payloads.text(p, "command"), e.actor(), Payloads.text(p, "reason"), e.at()));
            case EventTypes.RUN_COMPLETED -> finish(RunStatus.COMPLETED, Payloads.text(p, "reason"));
            case EventTypes.RUN_ROLLED_BACK -> finish(RunStatus.ROLLED_BACK, null);
            case EventTypes.RUN_ABORTED -> finish(RunStatus.ABORTED, Payloads.text(p, "reason"));
            default -> {
                // COMMAND and unknown types change nothing
            }
        }
    }

    /** A copy of this state, to go back to if a transition cannot be recorded ({@link #restore}). */
    RunState snapshot() {
        RunState copy = new RunState(runId);
        copyInto(copy);
        return copy;
    }

    /** Makes this state equal to {@code snapshot} again (in place: holders of this object see the change). */
    void restore(RunState snapshot) {
        snapshot.copyInto(this);
    }

    private void copyInto(RunState t) {
        t.runbookId = runbookId;
        t.title = title;
        t.channel = channel;
        t.startedBy = startedBy;
        t.startedAt = startedAt;
        t.status = status;
        t.holdReason = holdReason;
        t.endReason = endReason;
        t.rollingBack = rollingBack;
        t.rollbackReason = rollbackReason;
        t.rollbackBy = rollbackBy;
        replace(t.rollbackPlan, rollbackPlan);
        t.current = current;
        replace(t.steps, steps);
        replace(t.completedPhases, completedPhases);
        t.cutoverAt = cutoverAt;
        t.watchingUntil = watchingUntil;
        replace(t.overrides, overrides);
        replace(t.approvals, approvals);
        replace(t.latestResults, latestResults);
        replace(t.gateDecisions, gateDecisions);
        replace(t.decisions, decisions);
        replace(t.refusals, refusals);
        replace(t.notified, notified);
        t.lastSequence = lastSequence;
        t.resultCount = resultCount;
    }

    private static <T> void replace(java.util.Collection<T> target, java.util.Collection<T> source) {
        if (target != source) {
            target.clear();
            target.addAll(source);
        }
    }

    private static <K, V> void replace(Map<K, V> target, Map<K, V> source) {
        if (target != source) {
            target.clear();
            target.putAll(source);
        }
    }

    private void finish(RunStatus s, String reason) {
        status = s;
        endReason = reason;
        current = null;
    }

    static String key(PlannedStep ps) {
        return key(ps.stepId(), ps.rollback());
    }

    static String key(String stepId, boolean rollback) {
        return rollback ? "rollback:" + stepId : stepId;
    }

    public String runId() { return runId; }
    public String runbookId() { return runbookId; }
    public String title() { return title; }
    public String channel() { return channel; }
    public String startedBy() { return startedBy; }
    public Instant startedAt() { return startedAt; }
    public RunStatus status() { return status; }
    public String holdReason() { return holdReason; }
    public String endReason() { return endReason; }
    public boolean rollingBack() { return rollingBack; }
    public String rollbackReason() { return rollbackReason; }
    public String rollbackBy() { return rollbackBy; }
    public List<PlannedStep> rollbackPlan() { return Collections.unmodifiableList(rollbackPlan); }
    public Optional<PlannedStep> current() { return Optional.ofNullable(current); }
    public Instant cutoverAt() { return cutoverAt; }
    /** While WATCHING (and after): when the rollback window closes; null if the run never watched. */
    public Instant watchingUntil() { return watchingUntil; }
    /** Overrides by step key (rollback steps: {@code rollback:<id>}), in order. */
    public Map<String, StepOverride> overrides() { return Collections.unmodifiableMap(overrides); }
    /** Checks of overridden steps: they keep running while the run lasts. */
    public Set<String> overriddenChecks() {
        Set<String> out = new LinkedHashSet<>();
        overrides.values().forEach(o -> out.addAll(o.checks()));
        return out;
    }
    public long lastSequence() { return lastSequence; }
    public long resultCount() { return resultCount; }
    public Map<String, Approval> approvals() { return Collections.unmodifiableMap(approvals); }
    public Map<String, CheckResult> latestResults() { return Collections.unmodifiableMap(latestResults); }
    public List<Decision> decisions() { return Collections.unmodifiableList(decisions); }
    public List<Refusal> refusals() { return Collections.unmodifiableList(refusals); }
    public Set<String> completedPhases() { return Collections.unmodifiableSet(completedPhases); }
    public boolean notified(String key) { return notified.contains(key); }

    /** The last gate decision recorded for a gate step. */
    public Optional<Decision> gateDecision(String stepId) {
        return Optional.ofNullable(gateDecisions.get(stepId));
    }

    /** A forward step's record (rollback steps: {@link #rollbackStep(String)}). */
    public Optional<StepRecord> step(String stepId) {
        return Optional.ofNullable(steps.get(stepId));
    }

    public Optional<StepRecord> rollbackStep(String stepId) {
        return Optional.ofNullable(steps.get(key(stepId, true)));
    }

    public Optional<StepRecord> record(PlannedStep ps) {
        return Optional.ofNullable(steps.get(key(ps)));
    }

    public List<StepRecord> steps() {
        return List.copyOf(steps.values());
    }

    public boolean currentStepDone() {
        return current != null && record(current).map(r -> r.status() == StepStatus.DONE).orElse(false);
    }

    /** Every step completed, forward and rollback, by id. */
    public Set<String> completedSteps() {
        Set<String> out = new LinkedHashSet<>();
        steps.values().stream().filter(r -> r.status() == StepStatus.DONE).forEach(r -> out.add(r.stepId()));
        return out;
    }

    /** The state as the rules see it. */
    public RunFacts facts() {
        return new RunFacts(runId, runbookId, current == null ? null : current.phaseId(), status.name(), startedAt, cutoverAt,
                approvals.keySet(), completedSteps());
    }
}
