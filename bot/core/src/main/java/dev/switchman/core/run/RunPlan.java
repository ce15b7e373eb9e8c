package dev.switchman.core.run;

import dev.switchman.core.runbook.CheckSpec;
import dev.switchman.core.runbook.Phase;
import dev.switchman.core.runbook.Roles;
import dev.switchman.core.runbook.Runbook;
import dev.switchman.core.runbook.Step;
import dev.switchman.core.runbook.StepKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a run knows from its runbook alone, indexed once (the runbook is immutable for the run): the
 * forward order of steps, the checks that keep running after cutover, steps and checks by id.
 * {@link #step(PlannedStep)} throws {@link IllegalStateException} when the runbook no longer has the
 * step (a runbook changed under a run): the engine quarantines such a run.
 */
final class RunPlan {

    private final Runbook runbook;
    private final List<PlannedStep> forward;
    /** Checks of the cutover phase and later phases: they keep running after cutover (and while watching). */
    private final Set<String> afterCutoverChecks;
    private final Map<String, CheckSpec> checksById = new HashMap<>();
    private final Map<PlannedStep, Step> stepsByPlan = new ConcurrentHashMap<>();

    RunPlan(Runbook runbook) {
        this.runbook = runbook;
        for (CheckSpec c : runbook.checks()) {
            checksById.putIfAbsent(c.id(), c);
        }
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

    Runbook runbook() {
        return runbook;
    }

    List<PlannedStep> forward() {
        return forward;
    }

    Set<String> afterCutoverChecks() {
        return afterCutoverChecks;
    }

    /** The step after {@code ps} in its plan (forward, or the rollback plan of {@code state}); null at the end. */
    PlannedStep nextAfter(PlannedStep ps, RunState state) {
        List<PlannedStep> plan = ps.rollback() ? state.rollbackPlan() : forward;
        int i = plan.indexOf(ps);
        return i < 0 || i + 1 >= plan.size() ? null : plan.get(i + 1);
    }

    Step step(PlannedStep ps) {
        Step cached = stepsByPlan.get(ps);
        if (cached != null) {
            return cached;
        }
        Phase p = runbook.phase(ps.phaseId()).orElseThrow(() -> new IllegalStateException("the runbook has no phase " + ps.phaseId()));
        Step found = (ps.rollback() ? p.rollback() : p.steps()).stream().filter(s -> s.id().equals(ps.stepId())).findFirst()
                .orElseThrow(() -> new IllegalStateException("the runbook has no " + (ps.rollback() ? "rollback " : "") + "step "
                        + ps.stepId() + " in phase " + ps.phaseId() + " (was it renamed?)"));
        stepsByPlan.put(ps, found);
        return found;
    }

    /** Like {@link #step} but empty when the runbook has no such step. */
    Optional<Step> find(PlannedStep ps) {
        try {
            return Optional.of(step(ps));
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    Optional<Step> findStep(String stepId) {
        return runbook.allSteps().filter(s -> s.id().equals(stepId)).findFirst();
    }

    CheckSpec check(String id) {
        return checksById.get(id);
    }

    boolean blocking(String checkId) {
        CheckSpec c = checksById.get(checkId);
        return c != null && c.blocking();
    }

    Duration interval(String checkId) {
        CheckSpec c = checksById.get(checkId);
        return c == null ? CheckSpec.DEFAULT_INTERVAL : c.interval();
    }

    /** A gate's checks: its own list, else the blocking checks of its phase's verify steps. */
    List<String> gateChecks(PlannedStep ps, Step s) {
        if (s.gate() != null && !s.gate().checks().isEmpty()) {
            return s.gate().checks();
        }
        Set<String> ids = new LinkedHashSet<>();
        runbook.phase(ps.phaseId()).ifPresent(p -> p.steps().stream().filter(x -> x.kind() == StepKind.VERIFY)
                .flatMap(x -> x.checks().stream())
                .filter(this::blocking)
                .forEach(ids::add));
        return List.copyOf(ids);
    }

    boolean cutoverGate(PlannedStep ps) {
        return !ps.rollback() && runbook.phase(ps.phaseId()).map(Phase::cutover).orElse(false);
    }

    int indexOfPhase(String id) {
        for (int i = 0; i < runbook.phases().size(); i++) {
            if (runbook.phases().get(i).id().equals(id)) return i;
        }
        return -1;
    }

    /** Who holds {@code role}, as a sentence fragment. */
    String members(String role) {
        return RunMessages.members(runbook.roles().of(role), role);
    }

    String authority() {
        return members(Roles.ROLLBACK_AUTHORITY);
    }
}
