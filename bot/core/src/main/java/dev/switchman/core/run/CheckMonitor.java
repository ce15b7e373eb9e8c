package dev.switchman.core.run;

import dev.switchman.core.check.CheckResult;
import dev.switchman.core.runbook.CheckSpec;
import dev.switchman.core.runbook.Step;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which checks a run runs, and when: a check runs once at a time, its next run is scheduled at its
 * interval while it is monitored (the current verify, gate or wait step's checks, overridden checks,
 * blocking and cutover-phase checks after cutover, and checks whose results are pushed from outside).
 * The rules are told the monitored set, so staleness only judges those. The next run is scheduled
 * before the result is recorded: a failed append never stops a check. Used on the run's actor only.
 */
final class CheckMonitor {

    private final RunEngine run;
    private final Set<String> inFlight = new HashSet<>();
    /** Checks whose results come from outside (agents, the simulator's feed): monitored from their first pushed result on. */
    private final Set<String> pushed = new HashSet<>();
    private final Map<String, Double> maxTtl = new HashMap<>();
    private Set<String> lastMonitored;

    CheckMonitor(RunEngine run) {
        this.run = run;
    }

    /** Runs a check asynchronously unless it is running; its result comes back as a turn of the run. */
    void runCheck(String id) {
        CheckSpec spec = run.plan().check(id);
        if (spec == null || run.closed() || !inFlight.add(id)) {
            return;
        }
        run.context().checkRunner().run(id, spec.kind(), spec.params(), spec.timeout()).whenComplete((r, err) -> run.actor().tell(() -> run.turn(() -> {
            inFlight.remove(id);
            if (r != null) {
                onResult(r.checkId().equals(id) ? r : r.withCheckId(id));
            } else {
                RunEngine.log.warn("check {} gave no result: {}", id, err == null ? "?" : err.toString());
            }
        })));
    }

    /** A result from a check this run ran, or one submitted from outside: recorded, given to the rules, acted on. */
    void onResult(CheckResult r) {
        if (run.closed() || run.state().status().finished()) {
            return;
        }
        scheduleNext(r.checkId()); // before anything is recorded: a failed append never stops a check
        CheckResult before = run.state().latestResults().get(r.checkId());
        run.runLog().emitResult(r);
        if (before == null || before.status() != r.status()) {
            run.runLog().statusDirty = true;
        }
        noteTtl(r);
        for (RunListener l : run.context().listeners()) {
            run.runLog().afterCommit(() -> l.onCheckResult(run.state(), r));
        }
        run.decisions().onResult(r);
        if (run.state().status().finished()) {
            return;
        }
        run.state().current().ifPresent(ps -> {
            if (run.state().currentStepDone()) return;
            Step s = run.plan().step(ps);
            run.handler(s).onResult(ps, s, r);
        });
        run.advance();
    }

    boolean running(String id) {
        return inFlight.contains(id);
    }

    Set<String> inFlight() {
        return Set.copyOf(inFlight);
    }

    /** Marks a check as fed from outside; true the first time. */
    boolean markPushed(String id) {
        return pushed.add(id);
    }

    boolean synced() {
        return lastMonitored != null;
    }

    void noteTtl(CheckResult r) {
        r.number("ttl").ifPresent(t -> maxTtl.merge(r.checkId(), t, Math::max));
    }

    Double maxTtl(String checkId) {
        return maxTtl.get(checkId);
    }

    boolean monitored(String checkId) {
        RunState state = run.state();
        if (run.closed() || state.status().finished()) return false;
        Optional<PlannedStep> cur = state.current();
        if (cur.isPresent() && !state.currentStepDone()) {
            Step s = run.plan().step(cur.get());
            if (run.handler(s).checks(cur.get(), s).contains(checkId)) return true;
        }
        if (state.overriddenChecks().contains(checkId)) return true;
        return state.cutoverAt() != null && (run.plan().afterCutoverChecks().contains(checkId) || run.plan().blocking(checkId));
    }

    /** Schedules the check's next run at its interval if it is monitored and not scheduled yet. */
    void scheduleNext(String checkId) {
        String key = "check:" + checkId;
        if (run.timers().has(key) || !monitored(checkId)) {
            return;
        }
        Duration interval = run.plan().interval(checkId);
        run.timers().schedule(key, run.context().clock().instant().plus(interval), () -> {
            if (monitored(checkId)) runCheck(checkId);
        });
    }

    boolean scheduled(String checkId) {
        return run.timers().has("check:" + checkId);
    }

    /** A result no older than two intervals. */
    boolean fresh(String checkId) {
        CheckResult r = run.state().latestResults().get(checkId);
        Duration interval = run.plan().interval(checkId);
        return r != null && !r.observedAt().plus(interval.multipliedBy(2)).isBefore(run.context().clock().instant());
    }

    /** Tells the rules which checks this engine is running now, so staleness only judges those. */
    void sync() {
        if (run.closed()) return;
        Set<String> now = new HashSet<>();
        for (CheckSpec c : run.runbook().checks()) {
            if (pushed.contains(c.id()) || monitored(c.id())) now.add(c.id());
        }
        if (!now.equals(lastMonitored)) {
            lastMonitored = now;
            run.decisions().onMonitoring(Set.copyOf(now));
        }
    }

    /** Forgets what the rules were told, so the next {@link #sync()} tells a new session. */
    void resync() {
        lastMonitored = null;
    }

    /** Runs every check in {@code ids} (ignoring those running). */
    void runAll(List<String> ids) {
        ids.forEach(this::runCheck);
    }
}
