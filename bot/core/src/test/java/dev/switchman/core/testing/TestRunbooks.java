package dev.switchman.core.testing;

import dev.switchman.core.runbook.CheckSpec;
import dev.switchman.core.runbook.GateSpec;
import dev.switchman.core.runbook.NotifySpec;
import dev.switchman.core.runbook.Phase;
import dev.switchman.core.runbook.Roles;
import dev.switchman.core.runbook.Runbook;
import dev.switchman.core.runbook.Stakeholder;
import dev.switchman.core.runbook.Step;
import dev.switchman.core.runbook.StepKind;
import dev.switchman.core.runbook.Targets;
import dev.switchman.core.runbook.Thresholds;
import dev.switchman.core.runbook.WaitSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Runbooks built in Java for engine tests (the same shape as docs' hello-cutover). */
public final class TestRunbooks {

    private TestRunbooks() {
    }

    public static Step manual(String id, String text, String role) {
        return new Step(id, null, StepKind.MANUAL, text, null, null, null, null, null, role, null, null);
    }

    public static Step verify(String id, String... checks) {
        return new Step(id, null, StepKind.VERIFY, null, List.of(checks), null, null, null, null, null, null, null);
    }

    public static Step waitFor(String id, Duration d) {
        return new Step(id, null, StepKind.WAIT, null, null, new WaitSpec(d, null, null, null), null, null, null, null, null, null);
    }

    public static Step gate(String id, List<String> checks, List<String> approvals) {
        return new Step(id, null, StepKind.GATE, null, null, null, new GateSpec(checks, approvals), null, null, null, null, null);
    }

    public static Step approval(String id, String role) {
        return new Step(id, null, StepKind.APPROVAL, null, null, null, null, role, null, null, null, null);
    }

    public static Step notify(String id, String audience, String text) {
        return new Step(id, null, StepKind.NOTIFY, null, null, null, null, null, new NotifySpec(audience, text), null, null, null);
    }

    public static CheckSpec check(String id) {
        return new CheckSpec(id, ScriptedChecks.KIND, Map.of(), Duration.ofMinutes(1), Duration.ofSeconds(10), true, null, null);
    }

    /**
     * prepare: lower-ttl (owner) → verify-ttl [www-ttl] → wait-old-ttl 5m → tell-execs;
     * cutover (cutover phase): approve-cutover (approvers) → gate-cutover [new-http] → switch-dns.
     * Rollback window 1h, point of no return 2h (short, so tests pass the window quickly).
     */
    public static Runbook hello() {
        return hello(Duration.ofHours(1), Duration.ofHours(2));
    }

    /** {@link #hello()} with another rollback window and point of no return (either may be null). */
    public static Runbook hello(Duration rollbackWindow, Duration pointOfNoReturn) {
        Roles roles = new Roles(Map.of(
                Roles.OWNER, List.of("console:alice"),
                Roles.APPROVERS, List.of("console:alice", "console:bob"),
                Roles.ROLLBACK_AUTHORITY, List.of("console:carol")));
        Phase prepare = new Phase("prepare", "Prepare", false, List.of(
                manual("lower-ttl", "Lower the TTL of www.example.test to 300 s", Roles.OWNER),
                verify("verify-ttl", "www-ttl"),
                waitFor("wait-old-ttl", Duration.ofMinutes(5)),
                notify("tell-execs", "execs", "Prepared; cutover next")),
                List.of(manual("restore-ttl", "Restore the old TTL", null)), null);
        Phase cutover = new Phase("cutover", "Cut over", true, List.of(
                approval("approve-cutover", Roles.APPROVERS),
                gate("gate-cutover", List.of("new-http"), List.of("approve-cutover")),
                manual("switch-dns", "Point www at the new host", null)),
                List.of(manual("switch-back", "Point www back at the old host", null)), null);
        return new Runbook("hello-cutover", "Move www.example.test to the new host", null, roles,
                List.of(new Stakeholder("execs", "chat:#exec-updates", null, null)),
                Targets.none(), Thresholds.none(), rollbackWindow, pointOfNoReturn,
                List.of(check("www-ttl"), check("new-http")), List.of(prepare, cutover), List.of(), "test");
    }

    /** One phase, two manual steps: for grammar and store tests. */
    public static Runbook tiny() {
        Roles roles = new Roles(Map.of(Roles.ROLLBACK_AUTHORITY, List.of("console:carol")));
        Phase only = new Phase("only", "Only", true, List.of(manual("one", "Step one", null), manual("two", "Step two", null)),
                List.of(manual("undo", "Undo", null)), null);
        return new Runbook("tiny", "Tiny", null, roles, List.of(), Targets.none(), Thresholds.none(), null, null,
                List.of(), List.of(only), List.of(), "test");
    }
}
