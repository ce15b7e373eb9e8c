package dev.switchman.core.run;

import dev.switchman.core.check.CheckResult;
import dev.switchman.core.runbook.Step;
import java.util.List;

/**
 * What a run does with one kind of step ({@link dev.switchman.core.runbook.StepKind}): how it is armed
 * when it becomes current, how it reacts to a check result, which checks it watches, whether a person
 * may complete it with {@code done}, what an override records, and how it reads in status. One
 * implementation per kind, registered in {@link StepHandlers}; they act through the {@link RunEngine}
 * they are given and run on the run's actor.
 */
interface StepHandler {

    /** The checks this step runs and watches while current (none by default). */
    default List<String> checks(PlannedStep ps, Step s) {
        return List.of();
    }

    /** Arms the step that just became current (or was current when the run resumed). */
    void arm(PlannedStep ps, Step s);

    /** A result of one of the run's checks arrived while this step is current and not done. */
    default void onResult(PlannedStep ps, Step s, CheckResult r) {
    }

    /** The prompt people read for this step ("Next: ..."). */
    String prompt(Step s);

    /** True if the team is told "Next: ..." when the step starts (a person has to act). */
    default boolean promptsAtStart() {
        return false;
    }

    /** Throws a {@link RunException} saying how the step completes if {@code done} does not complete it. */
    default void requireDone(PlannedStep ps, Step s) {
    }

    /** What blocks the step, for {@code done --override}: throws if the step cannot be overridden. */
    default Blockers overrideBlockers(PlannedStep ps, Step s, StepRecord rec) {
        throw new RunException(RunMessages.overrideOnlyBlocked(s));
    }

    /** Lines for the status message's "Blocked by" field. */
    default List<String> statusBlockers(PlannedStep ps, Step s) {
        return List.of();
    }

    /** The checks an override covers and the blockers of that moment ("www-ttl ERROR"). */
    record Blockers(List<String> checks, List<String> blockers) {
    }
}
