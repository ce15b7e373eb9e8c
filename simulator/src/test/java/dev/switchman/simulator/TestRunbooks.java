package dev.switchman.simulator;

import dev.switchman.core.runbook.CheckSpec;
import dev.switchman.core.runbook.GateSpec;
import dev.switchman.core.runbook.Phase;
import dev.switchman.core.runbook.Roles;
import dev.switchman.core.runbook.Runbook;
import dev.switchman.core.yaml.SourceLocation;
import dev.switchman.core.runbook.Step;
import dev.switchman.core.runbook.StepKind;
import dev.switchman.core.runbook.Targets;
import dev.switchman.core.runbook.Thresholds;
import dev.switchman.core.runbook.WaitSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A tiny runbook built in code: prepare (wait 1h, gate on db-lag) then cutover (approval, gate, manual switch). */
public final class TestRunbooks {

    private TestRunbooks() {
    }

    public static Runbook tiny() {
        SourceLocation u = SourceLocation.UNKNOWN;
        List<CheckSpec> checks = List.of(
                new CheckSpec("db-lag", "db.replication-lag", Map.of(), Duration.ofMinutes(1), null, true, null, u),
                new CheckSpec("www-dns", "dns.resolve", Map.of("name", "www.example.test"), Duration.ofMinutes(1), null, false, null, u));
        Phase prepare = new Phase("prepare", "Prepare", false, List.of(
                step("wait-1h", StepKind.WAIT, null, new WaitSpec(Duration.ofHours(1), null, null, null), null, null),
                step("gate-prepare", StepKind.GATE, null, null, new GateSpec(List.of("db-lag"), List.of()), null)),
                List.of(step("undo-prepare", StepKind.MANUAL, "Undo prepare", null, null, null)), u);
        Phase cutover = new Phase("cutover", "Cutover", true, List.of(
                step("approve-cutover", StepKind.APPROVAL, null, null, null, "rollback-authority"),
                step("gate-cutover", StepKind.GATE, null, null, new GateSpec(List.of("db-lag"), List.of("approve-cutover")), null),
                step("switch", StepKind.MANUAL, "Switch DNS", null, null, null)),
                List.of(step("switch-back", StepKind.MANUAL, "Switch DNS back", null, null, null)), u);
        return new Runbook("tiny", "Tiny migration", null,
                new Roles(Map.of("owner", List.of("console:alice"), "rollback-authority", List.of("console:carol"))),
                List.of(), new Targets(Map.of("address", "203.0.113.10"), Map.of("address", "198.51.100.20"), List.of("example.test")),
                Thresholds.none(), Duration.ofHours(24), null, checks, List.of(prepare, cutover), List.of(), "tiny.yaml");
    }

    private static Step step(String id, StepKind kind, String instruction, WaitSpec wait, GateSpec gate, String approvalRole) {
        return new Step(id, null, kind, instruction, List.of(), wait, gate, approvalRole, null, null, Duration.ofMinutes(5), SourceLocation.UNKNOWN);
    }
}
