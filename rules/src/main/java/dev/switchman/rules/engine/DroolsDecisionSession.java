package dev.switchman.rules.engine;

import dev.switchman.core.check.CheckResult;
import dev.switchman.core.decision.Decision;
import dev.switchman.core.decision.DecisionKind;
import dev.switchman.core.decision.DecisionSession;
import dev.switchman.core.decision.Evidence;
import dev.switchman.core.decision.RunFacts;
import dev.switchman.core.runbook.CheckSpec;
import dev.switchman.core.runbook.Phase;
import dev.switchman.core.runbook.Runbook;
import dev.switchman.core.runbook.Step;
import dev.switchman.core.runbook.StepKind;
import dev.switchman.rules.fact.CheckState;
import dev.switchman.rules.fact.DataAtRisk;
import dev.switchman.rules.fact.Finding;
import dev.switchman.rules.fact.GateRequest;
import dev.switchman.rules.fact.Kinds;
import dev.switchman.rules.fact.Limits;
import dev.switchman.rules.fact.Now;
import dev.switchman.rules.fact.RunState;
import dev.switchman.rules.fact.WriteCount;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.time.SessionPseudoClock;

/**
 * One run's rule session. Thread-safe: every public method is synchronized, so the run engine may call
 * it from its own thread while chat handling goes on elsewhere; calls are short (microseconds) and
 * never wait on I/O.
 *
 * <p>Facts: one {@link CheckState} per check (latest result, updated in place; for windowed kinds it
 * also keeps its sliding window of samples and the window's summary in Java), one {@link RunState},
 * one {@link Now} (moved on every call that advances time by at least a second, and on every tick, gate
 * and run-facts call), one {@link WriteCount} (unknown unless the runbook names a write counter), one
 * {@link DataAtRisk} (the writes a rollback would strand, recomputed when its inputs change). Memory is bounded
 * by the number of checks times the longest window, whatever the length of the run.
 */
final class DroolsDecisionSession implements DecisionSession {

    /** Results move the Now fact at most this often; tick(), gates and run facts always move it. */
    static final long NOW_GRANULARITY_MS = Long.getLong("switchman.rules.nowGranularityMs", 1000);

    private final KieSession ks;
    private final SessionPseudoClock pseudo;
    private final Clock clock;
    private final Runbook runbook;
    private final Limits limits;
    private final Map<String, CheckState> states = new HashMap<>();
    private final Map<String, FactHandle> stateHandles = new HashMap<>();
    private final Now now;
    private final FactHandle nowHandle;
    private final RunState run = new RunState();
    private final FactHandle runHandle;
    private final WriteCount writeCount;
    private final FactHandle writeHandle;
    private final DataAtRisk atRisk = new DataAtRisk();
    private final FactHandle atRiskHandle;
    private final List<Decision> pending = new ArrayList<>();
    private final List<Decision> notes = new ArrayList<>();
    private boolean closed;
    /** Checks the engine runs now; null until it says (then every check counts as monitored). */
    private Set<String> monitoring;
    private final Set<String> failedRules = new java.util.HashSet<>();
    private static final int MAX_FIRE_ATTEMPTS = 20;

    DroolsDecisionSession(KieBase kb, Runbook runbook, Clock clock) {
        this.clock = clock;
        this.runbook = runbook;
        this.limits = new Limits(runbook);
        KieSessionConfiguration conf = KieServices.get().newKieSessionConfiguration();
        conf.setOption(ClockTypeOption.PSEUDO);
        // this class serialises every call itself, so Drools' own propagation locking is not needed
        conf.setOption(org.kie.api.runtime.conf.ThreadSafeOption.NO);
        this.ks = kb.newKieSession(conf, null);
        this.pseudo = ks.getSessionClock();
        long start = clock.millis();
        pseudo.advanceTime(start - pseudo.getCurrentTime(), TimeUnit.MILLISECONDS);
        ks.setGlobal("limits", limits);
        ks.addEventListener(new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                if (event.getObject() instanceof Finding f && f.getAnnounce() != null) {
                    pending.add(new Decision(f.getAnnounce(), f.getRuleId(), f.getReason(), f.getEvidence(),
                            sessionTime(), run.getPhase()));
                }
            }
        });
        now = new Now(start);
        nowHandle = ks.insert(now);
        runHandle = ks.insert(run);
        writeCount = new WriteCount(limits.getWriteCounterCheck(), limits.getFixForwardWrites());
        writeHandle = ks.insert(writeCount);
        atRisk.update(writeCount, null, null, -1, start, limits);
        atRiskHandle = ks.insert(atRisk);
        for (CheckSpec c : runbook.checks()) {
            CheckState s = windowed(new CheckState(c.id(), c.kind(), c.interval().toMillis(), c.blocking(), start)
                    .withSeverity(c.severity()).blindAfter(limits.getBlindIntervals()));
            states.put(c.id(), s);
            stateHandles.put(c.id(), ks.insert(s));
        }
    }

    Limits limits() {
        return limits;
    }

    /** A decision the engine itself makes at open (broken runbook rules, bad thresholds), returned by the first call. */
    synchronized void note(DecisionKind kind, String ruleId, String reason) {
        notes.add(new Decision(kind, ruleId, reason, List.of(), sessionTime(), run.getPhase()));
    }

    @Override
    public synchronized List<Decision> onResult(CheckResult r) {
        ensureOpen();
        long t = advance();
        CheckState s = states.get(r.checkId());
        FactHandle h;
        if (s == null) {
            CheckSpec spec = runbook.check(r.checkId()).orElse(null);
            long interval = spec == null ? CheckSpec.DEFAULT_INTERVAL.toMillis() : spec.interval().toMillis();
            s = windowed(new CheckState(r.checkId(), r.kind(), interval, spec != null && spec.blocking(), t)
                    .withSeverity(spec == null ? null : spec.severity()).blindAfter(limits.getBlindIntervals()));
            s.observe(r, limits.getStaleIntervals(), limits.getFreshIntervals(), run.getCutoverMs());
            sample(s, r);
            if (monitoring != null) {
                s.setMonitored(monitoring.contains(r.checkId()), t, limits.getStaleIntervals());
            }
            states.put(r.checkId(), s);
            h = ks.insert(s);
            stateHandles.put(r.checkId(), h);
        } else {
            String[] changed = s.observe(r, limits.getStaleIntervals(), limits.getFreshIntervals(), run.getCutoverMs());
            if (sample(s, r) && changed != null) {
                String[] all = java.util.Arrays.copyOf(changed, changed.length + CheckState.WINDOW_PROPS.length);
                System.arraycopy(CheckState.WINDOW_PROPS, 0, all, changed.length, CheckState.WINDOW_PROPS.length);
                changed = all;
            }
            h = stateHandles.get(r.checkId());
            if (changed == null) {
                ks.update(h, s);
            } else {
                ks.update(h, s, changed);
            }
        }
        if (!writeCount.getCheckId().isEmpty() && writeCount.getCheckId().equals(r.checkId())) {
            OptionalDouble w = r.number("writes");
            if (w.isPresent()) {
                boolean over = writeCount.isOverLimit();
                writeCount.observe((long) w.getAsDouble(), run.isAfterCutover()
                        && r.observedAt().toEpochMilli() >= run.getCutoverMs());
                if (over != writeCount.isOverLimit()) {
                    ks.update(writeHandle, writeCount, "writes", "known", "overLimit");
                } else {
                    ks.update(writeHandle, writeCount, "writes", "known");
                }
            }
        }
        if (feedsDataAtRisk(r.checkId())) {
            refreshDataAtRisk(t);
        }
        if (t - now.getMs() >= NOW_GRANULARITY_MS) {
            moveNow(t);
        }
        return fire();
    }

    /** Whether a result of this check changes what a rollback would strand. */
    private boolean feedsDataAtRisk(String checkId) {
        return checkId.equals(writeCount.getCheckId()) || checkId.equals(limits.getReverseReplicationCheck())
                || checkId.equals(limits.getParityCheck());
    }

    /** Recomputes the writes a rollback would strand; rules watching its band wake only when the band moves. */
    private void refreshDataAtRisk(long t) {
        String before = atRisk.getBand();
        if (atRisk.update(writeCount, states.get(limits.getReverseReplicationCheck()), states.get(limits.getParityCheck()),
                run.getCutoverMs(), t, limits)) {
            if (before.equals(atRisk.getBand())) {
                ks.update(atRiskHandle, atRisk, "writes", "sinceCutover", "basis", "known");
            } else {
                ks.update(atRiskHandle, atRisk, "band", "writes", "sinceCutover", "basis", "known");
            }
        }
    }

    @Override
    public synchronized List<Decision> onRunFacts(RunFacts facts) {
        ensureOpen();
        long t = advance();
        run.apply(facts);
        ks.update(runHandle, run);
        refreshDataAtRisk(t);
        moveNow(t);
        return fire();
    }

    @Override
    public synchronized List<Decision> onMonitoring(Set<String> monitoredCheckIds) {
        ensureOpen();
        long t = advance();
        monitoring = Set.copyOf(monitoredCheckIds);
        for (Map.Entry<String, CheckState> e : states.entrySet()) {
            if (e.getValue().setMonitored(monitoring.contains(e.getKey()), t, limits.getStaleIntervals())) {
                ks.update(stateHandles.get(e.getKey()), e.getValue(), "monitored", "staleAtMs");
            }
        }
        moveNow(t);
        return fire();
    }

    @Override
    public synchronized List<Decision> evaluateGate(String phaseId, List<String> blockingCheckIds) {
        ensureOpen();
        long t = advance();
        moveNow(t);
        for (String id : blockingCheckIds) {
            if (!states.containsKey(id)) {
                CheckState s = windowed(new CheckState(id, runbook.check(id).map(CheckSpec::kind).orElse("unknown"),
                        runbook.check(id).map(c -> c.interval().toMillis()).orElse(CheckSpec.DEFAULT_INTERVAL.toMillis()),
                        true, t).withSeverity(runbook.check(id).map(CheckSpec::severity).orElse(null))
                        .blindAfter(limits.getBlindIntervals()));
                if (monitoring != null) {
                    s.setMonitored(monitoring.contains(id), t, limits.getStaleIntervals());
                }
                states.put(id, s);
                stateHandles.put(id, ks.insert(s));
            }
        }
        // settle first (time-driven findings appear or lapse), then ask the gate question
        List<Decision> out = fire();
        GateRequest g = new GateRequest(phaseId, blockingCheckIds, approvalsOf(phaseId));
        FactHandle gh = ks.insert(g);
        out.addAll(fire());
        ks.delete(gh);
        out.add(verdict(g, t));
        return out;
    }

    @Override
    public synchronized List<Decision> tick() {
        ensureOpen();
        moveNow(advance());
        return fire();
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            ks.dispose();
        }
    }

    /** Facts held by the session (for memory tests and diagnostics). */
    synchronized long factCount() {
        return ks.getFactCount();
    }

    /** Findings currently held (diagnostics and tests). */
    synchronized List<Finding> findings() {
        List<Finding> out = new ArrayList<>();
        for (Object o : ks.getObjects(o -> o instanceof Finding)) {
            out.add((Finding) o);
        }
        return out;
    }

    synchronized String dump() {
        StringBuilder b = new StringBuilder();
        for (Object o : ks.getObjects()) {
            b.append(o).append("; ");
        }
        return b.toString();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("decision session is closed");
        }
    }

    private long advance() {
        long target = clock.millis();
        long current = pseudo.getCurrentTime();
        if (target > current) {
            pseudo.advanceTime(target - current, TimeUnit.MILLISECONDS);
            return target;
        }
        return current;
    }

    private Instant sessionTime() {
        return Instant.ofEpochMilli(pseudo.getCurrentTime());
    }

    /** Moves the Now fact, telling Drools which properties changed so band watchers wake only when the band moves. */
    private void moveNow(long t) {
        if (!limits.getReverseReplicationCheck().isEmpty() && run.isAfterCutover()) {
            refreshDataAtRisk(t); // a silent reverse replication puts every write at risk
        }
        String band = Now.bandAt(t, run.getCutoverMs(), limits);
        boolean bandChanged = !band.equals(now.getBand());
        if (t != now.getMs() || bandChanged) {
            now.setMs(t);
            if (bandChanged) {
                now.setBand(band);
                ks.update(nowHandle, now, "ms", "band");
            } else {
                ks.update(nowHandle, now, "ms");
            }
        }
    }

    /** Gives a check of a windowed kind its window (length, retention and threshold from the limits). */
    private CheckState windowed(CheckState s) {
        switch (s.getKind()) {
            case Kinds.ERROR_RATE -> s.useWindow(limits.getErrorWindowMs(), limits.retentionMs(s.getKind()),
                    limits.getErrorRate());
            case Kinds.LATENCY -> s.useWindow(limits.getLatencyWindowMs(), limits.retentionMs(s.getKind()),
                    limits.getLatencyP99Ms());
            case Kinds.REPLICATION -> s.useWindow(limits.getLagSustainMs(), limits.retentionMs(s.getKind()),
                    limits.getReplicationLagS());
            default -> { }
        }
        return s;
    }

    /**
     * Adds the result's reading to its check's window (measured results only) and re-summarises the window,
     * which ends at the latest result; returns whether the summary changed.
     */
    private boolean sample(CheckState s, CheckResult r) {
        if (!s.isWindowed()) {
            return false;
        }
        String sampled = Kinds.SAMPLED.get(s.getKind());
        OptionalDouble v = sampled == null ? OptionalDouble.empty() : r.number(sampled);
        if (v.isPresent() && !s.isUnmeasured()) {
            s.addSample(r.observedAt().toEpochMilli(), v.getAsDouble());
        }
        return s.refreshWindow();
    }

    /**
     * Fires; a rule whose action throws (a runbook rule with a bug) is reported once as an ADVISE
     * {@code engine.rule-failed} and the remaining activations still fire: a broken rule never takes
     * the session down.
     */
    private List<Decision> fire() {
        for (int attempt = 0; attempt < MAX_FIRE_ATTEMPTS; attempt++) {
            try {
                ks.fireAllRules();
                break;
            } catch (RuntimeException e) {
                String rule = ruleOf(e);
                if (failedRules.add(rule)) {
                    note(DecisionKind.ADVISE, DroolsDecisionEngine.RULE_FAILED, "Rule " + rule
                            + " failed and was skipped (" + rootMessage(e) + "); the other rules keep running."
                            + " Fix the rule file and restart the run.");
                }
            }
        }
        List<Decision> out = new ArrayList<>(notes.size() + pending.size());
        if (!notes.isEmpty()) {
            Instant at = sessionTime();
            for (Decision d : notes) {
                out.add(new Decision(d.kind(), d.ruleId(), d.reason(), d.evidence(), at, run.getPhase()));
            }
            notes.clear();
        }
        out.addAll(pending);
        pending.clear();
        return out;
    }

    private static String ruleOf(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.kie.api.runtime.rule.ConsequenceException ce && ce.getMatch() != null) {
                return ce.getMatch().getRule().getName();
            }
        }
        return "(unknown rule)";
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    private List<String> approvalsOf(String phaseId) {
        Set<String> out = new LinkedHashSet<>();
        for (Phase p : runbook.phases()) {
            if (p.id().equals(phaseId)) {
                for (Step st : p.steps()) {
                    if (st.kind() == StepKind.GATE && st.gate() != null) {
                        out.addAll(st.gate().approvals());
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    private Decision verdict(GateRequest g, long t) {
        Instant at = Instant.ofEpochMilli(t);
        // in a fixed order (rule, then sentence), not the order the rules happened to fire in: the same
        // blockers make the same NO-GO, which the run recognises as a repeat instead of posting it again
        List<GateRequest.Blocker> blockers = g.getBlockers().stream()
                .sorted(java.util.Comparator.comparing(GateRequest.Blocker::ruleId).thenComparing(GateRequest.Blocker::sentence))
                .toList();
        if (blockers.isEmpty()) {
            List<Evidence> ev = new ArrayList<>();
            for (String id : g.getCheckIds()) {
                ev.add(states.get(id).evidence());
            }
            String checks = g.getCheckIds().isEmpty() ? "no blocking checks" : "all " + g.getCheckIds().size()
                    + " blocking check" + (g.getCheckIds().size() == 1 ? "" : "s") + " pass and are fresh ("
                    + String.join(", ", g.getCheckIds()) + ")";
            String approvals = g.getApprovals().isEmpty() ? "no approvals required"
                    : "approvals in (" + String.join(", ", g.getApprovals()) + ")";
            return new Decision(DecisionKind.GO, "gate.go", "GO for phase " + g.getPhase() + ": " + checks + "; "
                    + approvals + ".", ev, at, g.getPhase());
        }
        StringBuilder b = new StringBuilder("NO-GO for phase ").append(g.getPhase()).append(": ")
                .append(blockers.size()).append(blockers.size() == 1 ? " blocker" : " blockers").append(". ");
        List<Evidence> ev = new ArrayList<>();
        int i = 1;
        for (GateRequest.Blocker bl : blockers) {
            b.append(i++).append(") ").append(bl.sentence()).append(" [").append(bl.ruleId()).append("] ");
            ev.addAll(bl.evidence());
        }
        return new Decision(DecisionKind.NO_GO, "gate.no-go", b.toString().trim(), ev, at, g.getPhase());
    }
}
