package dev.switchman.core.runbook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A migration runbook, as loaded from YAML (see docs/runbooks.md and docs/runbook.schema.json).
 * {@code rollbackWindow}: how long after cutover rolling back is planned for; {@code pointOfNoReturn}:
 * after cutover, the time beyond which rolling back is no longer possible (null: none declared).
 * {@code rules}: extra .drl files, paths relative to the runbook file.
 */
public record Runbook(
        String id,
        String title,
        String description,
        Roles roles,
        List<Stakeholder> stakeholders,
        Targets targets,
        Thresholds thresholds,
        Duration rollbackWindow,
        Duration pointOfNoReturn,
        List<CheckSpec> checks,
        List<Phase> phases,
        List<String> rules,
        String source) {

    public Runbook {
        roles = roles == null ? new Roles(java.util.Map.of()) : roles;
        stakeholders = stakeholders == null ? List.of() : List.copyOf(stakeholders);
        targets = targets == null ? Targets.none() : targets;
        thresholds = thresholds == null ? Thresholds.none() : thresholds;
        checks = checks == null ? List.of() : List.copyOf(checks);
        phases = phases == null ? List.of() : List.copyOf(phases);
        rules = rules == null ? List.of() : List.copyOf(rules);
        source = source == null ? "" : source;
    }

    public Optional<CheckSpec> check(String id) {
        return checks.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public Optional<Phase> phase(String id) {
        return phases.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** Every step of every phase, rollback steps included. */
    public Stream<Step> allSteps() {
        return phases.stream().flatMap(p -> Stream.concat(p.steps().stream(), p.rollback().stream()));
    }

    public Optional<Phase> cutoverPhase() {
        return phases.stream().filter(Phase::cutover).findFirst();
    }
}
