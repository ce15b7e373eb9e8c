package dev.switchman.core.runbook;

import dev.switchman.core.yaml.LoadResult;
import dev.switchman.core.yaml.SourceLocation;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunbookLoaderTest {

    private static final Path FULL = Path.of("src/test/resources/dev/switchman/core/runbook/full/runbook.yaml");

    @Test
    void mapsEveryFieldOfAValidRunbook() {
        LoadResult<Runbook> result = RunbookLoader.withoutProviders().read(FULL);
        assertEquals(List.of(), result.problems());
        Runbook rb = result.value();
        String f = FULL.toString();

        assertEquals("full", rb.id());
        assertEquals("Every field", rb.title());
        assertEquals("All keys set", rb.description());
        assertEquals(f, rb.source());
        assertEquals(List.of("console:alice", "slack:U024BE7LH"), rb.roles().of(Roles.APPROVERS));
        assertTrue(rb.roles().has(Roles.ROLLBACK_AUTHORITY, "console:carol"));
        assertEquals(List.of(
                new Stakeholder("execs", "chat:#exec-updates", Duration.ofMinutes(30), new SourceLocation(f, 9, 5)),
                new Stakeholder("support", "email:support@example.test", null, new SourceLocation(f, 12, 5))), rb.stakeholders());
        assertEquals(Map.of("address", "203.0.113.10", "host", "old.example.test"), rb.targets().oldSide());
        assertEquals(Map.of("address", "198.51.100.20", "port", "8443"), rb.targets().newSide());
        assertEquals(List.of("example.test", "www.example.test"), rb.targets().domains());
        assertEquals(300, rb.thresholds().number("dns-max-ttl", 0));
        assertEquals(Duration.ofMinutes(10), rb.thresholds().duration("lag-sustain", null));
        assertEquals(0.02, rb.thresholds().number("error-rate", 0));
        assertEquals(Duration.ofHours(48), rb.rollbackWindow());
        assertEquals(Duration.ofHours(72), rb.pointOfNoReturn());
        assertEquals(List.of("rules/extra.drl"), rb.rules());

        assertEquals(new CheckSpec("www-ttl", "dns.ttl", Map.of("name", "www.example.test", "type", "A", "max", "300"),
                Duration.ofSeconds(30), Duration.ofSeconds(5), false, "TTL is low", new SourceLocation(f, 26, 5)), rb.checks().get(0));
        CheckSpec cert = rb.check("cert").orElseThrow();
        assertEquals(Map.of("host", "www.example.test", "domains", "example.test,www.example.test"), cert.params());
        assertEquals(CheckSpec.DEFAULT_INTERVAL, cert.interval());
        assertEquals(CheckSpec.DEFAULT_TIMEOUT, cert.timeout());
        assertTrue(cert.blocking());
        assertNull(cert.description());

        Phase prepare = rb.phases().get(0);
        assertEquals("prepare", prepare.id());
        assertEquals("Prepare", prepare.title());
        assertFalse(prepare.cutover());
        assertEquals(new SourceLocation(f, 39, 5), prepare.location());
        assertEquals(new Step("lower-ttl", "Lower the TTL", StepKind.MANUAL, "Lower the TTL to 300 s", List.of(), null, null, null,
                null, "owner", Duration.ofMinutes(10), new SourceLocation(f, 42, 9)), prepare.steps().get(0));
        assertEquals(List.of("www-ttl", "cert"), prepare.steps().get(1).checks());
        assertEquals(StepKind.VERIFY, prepare.steps().get(1).kind());
        assertEquals(new WaitSpec(Duration.ofHours(24), null, null, null), prepare.steps().get(2).waitSpec());
        assertEquals(new WaitSpec(null, Instant.parse("2026-11-22T10:00:00Z"), null, null), prepare.steps().get(3).waitSpec());
        assertEquals(new WaitSpec(null, null, "old-ttl-elapsed", "www-ttl"), prepare.steps().get(4).waitSpec());
        assertEquals(StepKind.WAIT, prepare.steps().get(4).kind());
        assertEquals("restore-ttl", prepare.rollback().get(0).id());
        assertEquals("Restore the TTL", prepare.rollback().get(0).instruction());

        Phase cutover = rb.cutoverPhase().orElseThrow();
        assertEquals("cutover", cutover.id());
        assertEquals("cutover", cutover.title(), "title defaults to the id");
        assertEquals("rollback-authority", cutover.steps().get(0).approvalRole());
        assertEquals(StepKind.APPROVAL, cutover.steps().get(0).kind());
        assertEquals(new GateSpec(List.of("cert"), List.of("approve")), cutover.steps().get(1).gate());
        assertEquals(StepKind.GATE, cutover.steps().get(2).kind());
        assertEquals(new GateSpec(List.of(), List.of()), cutover.steps().get(2).gate());
        assertEquals(new NotifySpec("execs", "Done"), cutover.steps().get(3).notification());
        assertEquals(StepKind.NOTIFY, cutover.steps().get(3).kind());
        assertEquals(10, rb.allSteps().count());
    }

    @Test
    void loadsTheBundledHelloCutoverRunbook() {
        LoadResult<Runbook> result = RunbookLoader.withoutProviders().read(ProjectRoot.find().resolve("runbooks/hello-cutover/runbook.yaml"));
        assertEquals(List.of(), result.problems());
        Runbook rb = result.value();
        assertEquals("hello-cutover", rb.id());
        assertEquals(java.util.EnumSet.allOf(StepKind.class),
                rb.allSteps().map(Step::kind).collect(java.util.stream.Collectors.toCollection(() -> java.util.EnumSet.noneOf(StepKind.class))));
        assertTrue(rb.phases().stream().anyMatch(p -> !p.rollback().isEmpty()));
        assertEquals(1, rb.phases().stream().filter(Phase::cutover).count());
        assertEquals(List.of("console:alice"), rb.roles().of(Roles.OWNER));
        assertEquals(List.of("console:alice", "console:bob"), rb.roles().of(Roles.APPROVERS));
        assertEquals(List.of("console:carol"), rb.roles().of(Roles.ROLLBACK_AUTHORITY));
        assertTrue(rb.allSteps().anyMatch(s -> s.kind() == StepKind.APPROVAL && Roles.ROLLBACK_AUTHORITY.equals(s.approvalRole())));
        assertTrue(rb.allSteps().filter(s -> s.kind() == StepKind.WAIT)
                .allMatch(s -> s.waitSpec().duration() != null && s.waitSpec().duration().compareTo(Duration.ofSeconds(5)) <= 0));
    }

    @Test
    void readsFromAReaderUnderTheGivenName() {
        LoadResult<Runbook> result = RunbookLoader.withoutProviders().read("inline.yaml",
                new java.io.StringReader("id: x\ntitle: X\nphases:\n  - id: p\n    steps:\n      - id: s\n        do: it\n"));
        assertTrue(result.ok());
        assertEquals("inline.yaml", result.value().source());
        assertEquals(new SourceLocation("inline.yaml", 6, 9), result.value().phases().get(0).steps().get(0).location());
    }
}
