package dev.switchman.core.decision;

import java.time.Instant;
import java.util.Set;

/**
 * The run's state as the rules see it. {@code cutoverAt} is null before cutover;
 * {@code approvedSteps} are approval step ids granted; {@code completedSteps} every finished step.
 */
public record RunFacts(
        String runId,
        String runbookId,
        String phase,
        String status,
        Instant startedAt,
        Instant cutoverAt,
        Set<String> approvedSteps,
        Set<String> completedSteps) {
    public RunFacts {
        approvedSteps = approvedSteps == null ? Set.of() : Set.copyOf(approvedSteps);
        completedSteps = completedSteps == null ? Set.of() : Set.copyOf(completedSteps);
    }

    public boolean afterCutover() {
        return cutoverAt != null;
    }
}
