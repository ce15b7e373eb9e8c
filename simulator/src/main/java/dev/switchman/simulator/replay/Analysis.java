package dev.switchman.simulator.replay;

import dev.switchman.core.decision.Decision;
import dev.switchman.core.decision.DecisionKind;
import dev.switchman.core.decision.Evidence;
import dev.switchman.core.time.Durations;
import dev.switchman.simulator.scenario.Expectation;
import dev.switchman.simulator.scenario.Offsets;
import dev.switchman.simulator.scenario.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Judges a finished replay: expectation verdicts, per-fault timings, signals the team missed. */
public final class Analysis {

    private static final Set<DecisionKind> ACTIONS = Set.of(DecisionKind.ROLLBACK, DecisionKind.FIX_FORWARD, DecisionKind.NO_GO);
    private static final Set<String> TEAM_DECISIONS = Set.of("rollback", "abort", "go");

    private Analysis() {
    }

    public static List<Verdict> verdicts(Scenario s, ReplayLog log) {
        List<Verdict> out = new ArrayList<>();
        for (Expectation x : s.expectations()) {
            out.add(judge(s, log, x));
        }
        return out;
    }

    static Verdict judge(Scenario s, ReplayLog log, Expectation x) {
        return switch (x.kind()) {
            case NEVER -> {
                Optional<Decision> bad = log.decisions().stream()
                        .filter(d -> d.kind() == x.decision() && (x.rule() == null || x.rule().equals(d.ruleId()))).findFirst();
                String what = x.decision() + (x.rule() == null ? "" : " by " + x.rule());
                yield bad.map(d -> new Verdict(x, false, x.decision() + " by " + d.ruleId() + " at " + off(s, d.at()) + ": " + d.reason()))
                        .orElseGet(() -> new Verdict(x, true, "no " + what + " decision"));
            }
            case DECISION -> {
                Instant ref = s.start();
                String refName = "the start";
                if (x.of() != null) {
                    Optional<ReplayLog.Fault> f = log.faults().stream().filter(ff -> ff.id().equals(x.of())).findFirst();
                    if (f.isEmpty()) {
                        yield new Verdict(x, false, "fault " + x.of() + " was never injected (the run ended at "
                                + (log.endedAt() == null ? "?" : off(s, log.endedAt())) + ")");
                    }
                    ref = f.get().at();
                    refName = x.of();
                } else if (x.at() != null) {
                    ref = s.at(x.at());
                    refName = Offsets.format(x.at());
                }
                Instant from = ref;
                Instant until = x.within() == null ? null : ref.plus(x.within());
                Optional<Decision> hit = log.decisions().stream()
                        .filter(d -> d.kind() == x.decision() && (x.rule() == null || x.rule().equals(d.ruleId())))
                        .filter(d -> !d.at().isBefore(from) && (until == null || !d.at().isAfter(until)))
                        .findFirst();
                if (hit.isPresent()) {
                    Decision d = hit.get();
                    yield new Verdict(x, true, x.decision() + " by " + d.ruleId() + " at " + off(s, d.at()) + ", "
                            + Durations.format(Duration.between(ref, d.at())) + " after " + refName);
                }
                Optional<Decision> any = log.decisions().stream().filter(d -> d.kind() == x.decision() && !d.at().isBefore(from)).findFirst();
                yield new Verdict(x, false, "no " + x.decision() + (x.rule() == null ? "" : " by rule " + x.rule())
                        + (x.within() == null ? "" : " within " + Durations.format(x.within())) + " of " + refName
                        + any.map(d -> "; first " + x.decision() + " came at " + off(s, d.at()) + " by " + d.ruleId()).orElse(""));
            }
            case PHASE -> {
                Instant entered = log.phaseEntered(x.phase());
                if (x.notReached()) {
                    yield entered == null ? new Verdict(x, true, "phase " + x.phase() + " never reached")
                            : new Verdict(x, false, "phase " + x.phase() + " reached at " + off(s, entered));
                }
                if (entered == null) {
                    yield new Verdict(x, false, "phase " + x.phase() + " never reached");
                }
                boolean ok = x.by() == null || !entered.isAfter(s.at(x.by()));
                yield new Verdict(x, ok, "phase " + x.phase() + " reached at " + off(s, entered)
                        + (x.by() == null ? "" : (ok ? ", by " : ", later than ") + Offsets.format(x.by())));
            }
            case OUTCOME -> new Verdict(x, x.outcome().equals(log.outcome()), "the run ended " + log.outcome()
                    + (log.endedAt() == null ? "" : " at " + off(s, log.endedAt())));
        };
    }

    public static List<FaultMetrics> faults(Scenario s, ReplayLog log) {
        List<FaultMetrics> out = new ArrayList<>();
        for (ReplayLog.Fault f : log.faults()) {
            Decision detect = log.decisions().stream()
                    .filter(d -> !d.at().isBefore(f.at()) && d.kind() != DecisionKind.GO && cites(d, f.checkId()))
                    .findFirst().orElse(null);
            Decision decide = log.decisions().stream()
                    .filter(d -> !d.at().isBefore(f.at()) && ACTIONS.contains(d.kind()) && cites(d, f.checkId()))
                    .findFirst().orElse(null);
            ReplayLog.Command teamDetect = log.commands().stream().filter(c -> c.human() && !c.at().isBefore(f.at())).findFirst().orElse(null);
            ReplayLog.Command teamDecide = log.commands().stream()
                    .filter(c -> c.human() && !c.at().isBefore(f.at()) && TEAM_DECISIONS.contains(c.text().trim().split("\\s+")[0]))
                    .findFirst().orElse(null);
            out.add(new FaultMetrics(f.id(), f.checkId(), f.at(),
                    detect == null ? null : Duration.between(f.at(), detect.at()), detect == null ? null : detect.ruleId(),
                    decide == null ? null : Duration.between(f.at(), decide.at()), decide == null ? null : decide.kind() + " by " + decide.ruleId(),
                    teamDetect == null ? null : Duration.between(f.at(), teamDetect.at()),
                    teamDecide == null ? null : Duration.between(f.at(), teamDecide.at())));
        }
        return out;
    }

    /** Decisions the rules raised (ROLLBACK, FIX_FORWARD, NO_GO, HOLD) that no human answered before the next one or the end. */
    public static List<Decision> missedSignals(ReplayLog log) {
        List<Decision> out = new ArrayList<>();
        List<Decision> ds = log.decisions();
        for (int i = 0; i < ds.size(); i++) {
            Decision d = ds.get(i);
            if (d.kind() == DecisionKind.GO || d.kind() == DecisionKind.ADVISE) {
                continue;
            }
            Instant until = i + 1 < ds.size() ? ds.get(i + 1).at() : (log.endedAt() == null ? Instant.MAX : log.endedAt());
            boolean answered = log.commands().stream().anyMatch(c -> c.human() && !c.at().isBefore(d.at()) && !c.at().isAfter(until));
            if (!answered) {
                out.add(d);
            }
        }
        return out;
    }

    static boolean cites(Decision d, String checkId) {
        if (checkId == null || d.evidence().isEmpty()) {
            return true;
        }
        for (Evidence e : d.evidence()) {
            if (checkId.equals(e.checkId())) {
                return true;
            }
        }
        return d.reason().contains(checkId);
    }

    static String off(Scenario s, Instant t) {
        Duration d = Duration.between(s.start(), t);
        return d.isNegative() ? "-" + Durations.format(d.negated()) : Offsets.format(d);
    }
}
