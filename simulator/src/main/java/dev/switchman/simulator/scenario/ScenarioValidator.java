package dev.switchman.simulator.scenario;

import dev.switchman.core.text.Suggestions;
import dev.switchman.core.yaml.Problem;

import dev.switchman.core.runbook.CheckSpec;
import dev.switchman.core.runbook.Phase;
import dev.switchman.core.runbook.Runbook;
import dev.switchman.core.yaml.SourceLocation;
import dev.switchman.core.runbook.Step;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Cross-checks a scenario against the runbook it rehearses: every reference must exist. */
public final class ScenarioValidator {

    static final Set<String> VERBS = Set.of("done", "approve", "go", "rollback", "abort", "status", "check", "notify", "start", "timeline");

    private ScenarioValidator() {
    }

    public static List<Problem> validate(Scenario s, Runbook runbook) {
        List<Problem> out = new ArrayList<>();
        List<String> checks = runbook.checks().stream().map(CheckSpec::id).toList();
        List<String> phases = runbook.phases().stream().map(Phase::id).toList();
        List<String> steps = runbook.allSteps().map(Step::id).toList();
        SourceLocation top = new SourceLocation(s.source().toString(), 1, 1);
        s.baseline().keySet().forEach(c -> requireIn(out, top, "baseline check", c, checks));
        s.intervals().keySet().forEach(c -> requireIn(out, top, "intervals check", c, checks));
        Set<String> faults = new HashSet<>();
        for (TimelineEntry e : s.timeline()) {
            if (e.check() != null) {
                requireIn(out, e.location(), "check", e.check(), checks);
            }
            if (e.fault() != null && !faults.add(e.fault())) {
                out.add(Problem.error(e.location(), "fault '" + e.fault() + "' is injected twice; fault ids are unique"));
            }
            if (e.chaos() != null && e.chaos().kind() == Chaos.Kind.RESOLVER_OLD && e.check() != null) {
                runbook.check(e.check()).filter(c -> !c.kind().startsWith("dns.")).ifPresent(c ->
                        out.add(Problem.warning(e.location(), "resolver-old perturbs DNS checks; '" + c.id() + "' is " + c.kind())));
            }
            if (e.command() != null) {
                String[] words = e.command().trim().split("\\s+");
                String verb = words[0];
                if (!VERBS.contains(verb)) {
                    out.add(Problem.error(e.location(), "unknown command '" + verb + "'" + Suggestions.didYouMean(verb, VERBS)
                            + " Expected one of " + VERBS.stream().sorted().toList()));
                } else if ((verb.equals("done") || verb.equals("approve")) && words.length > 1) {
                    requireIn(out, e.location(), "step", words[1], steps);
                }
            }
            if (e.at().compareTo(s.end()) > 0) {
                out.add(Problem.warning(e.location(), "at " + Offsets.format(e.at()) + " is after the scenario's end " + Offsets.format(s.end())
                        + "; it will never play"));
            }
        }
        for (Expectation x : s.expectations()) {
            if (x.of() != null && !faults.contains(x.of())) {
                out.add(Problem.error(x.location(), "'of: " + x.of() + "' names no fault of this scenario"
                        + Suggestions.didYouMean(x.of(), faults) + " Faults: " + faults.stream().sorted().toList()));
            }
            if (x.phase() != null) {
                requireIn(out, x.location(), "phase", x.phase(), phases);
            }
        }
        s.responders().durations().keySet().forEach(st -> requireIn(out, s.responders().location(), "responders step", st, steps));
        for (String role : s.responders().approvers().keySet()) {
            if (!runbook.roles().defines(role)) {
                out.add(Problem.error(s.responders().location(), "responders name role '" + role + "' that the runbook does not define"
                        + Suggestions.didYouMean(role, runbook.roles().members().keySet())));
            }
        }
        return out;
    }

    private static void requireIn(List<Problem> out, SourceLocation at, String what, String id, List<String> known) {
        if (!known.contains(id)) {
            out.add(Problem.error(at, what + " '" + id + "' is not in the runbook"
                    + Suggestions.didYouMean(id, known) + " Known: " + known));
        }
    }
}
