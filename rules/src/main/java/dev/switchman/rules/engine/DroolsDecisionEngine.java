package dev.switchman.rules.engine;

import dev.switchman.core.decision.Decision;
import dev.switchman.core.decision.DecisionEngine;
import dev.switchman.core.decision.DecisionKind;
import dev.switchman.core.decision.DecisionSession;
import dev.switchman.core.runbook.Runbook;
import dev.switchman.rules.engine.RuleBases.DrlSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.kie.api.KieBase;

/**
 * The Drools decision engine: built-in rule packs plus the runbook's own .drl files, one STREAM-mode
 * session per run on a pseudo clock that follows the given {@link Clock} (the system clock live, a
 * ManualClock in the simulator). A runbook rule file that does not compile never takes the bot down:
 * the session falls back to the built-in packs and says so in an ADVISE decision
 * ({@code engine.runbook-rules-broken}) on its first call.
 */
public final class DroolsDecisionEngine implements DecisionEngine {

    public static final String RULES_BROKEN = "engine.runbook-rules-broken";
    public static final String BAD_THRESHOLD = "engine.bad-threshold";
    public static final String RULE_FAILED = "engine.rule-failed";

    @Override
    public DecisionSession open(Runbook runbook, Clock clock) {
        List<Decision> notes = new ArrayList<>();
        KieBase kb;
        List<String> problems = new ArrayList<>();
        List<DrlSource> extra = new ArrayList<>();
        for (String rel : runbook.rules()) {
            Path p = resolve(runbook, rel);
            if (!Files.isRegularFile(p)) {
                problems.add(rel + ": rule file not found (looked for " + p + ")");
            } else {
                extra.add(RuleBases.read(p, rel));
            }
        }
        if (problems.isEmpty()) {
            try {
                kb = RuleBases.get(extra);
            } catch (RuleBases.CompileException e) {
                e.problems().forEach(pr -> problems.add(pr.file() + ":" + pr.line() + ":" + pr.column() + ": " + pr.message()));
                kb = RuleBases.get(List.of());
            } catch (RuntimeException e) {
                problems.add("runbook rules: " + e.getMessage());
                kb = RuleBases.get(List.of());
            }
        } else {
            kb = RuleBases.get(List.of());
        }
        DroolsDecisionSession s = new DroolsDecisionSession(kb, runbook, clock);
        if (!problems.isEmpty()) {
            s.note(DecisionKind.ADVISE, RULES_BROKEN,
                    "The runbook's own rules are not loaded, only the built-in packs: " + String.join("; ", problems)
                            + ". Fix the rule file and restart the run (switchman validate shows the same errors).");
        }
        for (String p : s.limits().problems()) {
            s.note(DecisionKind.ADVISE, BAD_THRESHOLD, "A runbook threshold is not usable: " + p + ".");
        }
        return s;
    }

    @Override
    public List<RuleProblem> validateRules(Path drlFile) {
        String name = drlFile.toString();
        if (!Files.isRegularFile(drlFile)) {
            return List.of(new RuleProblem(name, 0, 0, "rule file not found"));
        }
        return RuleBases.check(List.of(RuleBases.read(drlFile, name)));
    }

    private static Path resolve(Runbook rb, String rel) {
        Path r = Path.of(rel);
        if (r.isAbsolute() || rb.source().isBlank()) {
            return r;
        }
        Path parent = Path.of(rb.source()).toAbsolutePath().getParent();
        return parent == null ? r : parent.resolve(r);
    }
}
