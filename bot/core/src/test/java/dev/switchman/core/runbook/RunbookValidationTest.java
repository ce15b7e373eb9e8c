package dev.switchman.core.runbook;

import dev.switchman.core.check.CheckProvider;
import dev.switchman.core.check.CheckProviders;
import dev.switchman.core.check.CheckRequest;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.ParamSpec;
import dev.switchman.core.yaml.LoadResult;
import dev.switchman.core.yaml.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** One test per kind of problem; each asserts the file, line, column and message. */
class RunbookValidationTest {

    private static LoadResult<Runbook> load(String yaml) {
        return RunbookLoader.withoutProviders().read("t.yaml", yaml);
    }

    /** Exactly one problem, an ERROR, at line:column with this message; and no runbook. */
    private static void assertOnlyError(String yaml, int line, int column, String message) {
        LoadResult<Runbook> r = load(yaml);
        assertEquals(1, r.problems().size(), () -> r.problems().toString());
        Problem p = r.problems().get(0);
        assertEquals("t.yaml", p.file());
        assertEquals(message, p.message());
        assertEquals(line, p.line(), "line");
        assertEquals(column, p.column(), "column");
        assertEquals(Problem.Severity.ERROR, p.severity());
        assertEquals("t.yaml:" + line + ":" + column + ": error: " + message, p.toString());
        assertNull(r.value());
    }

    // ---- unknown keys ---------------------------------------------------------------------------

    @Test
    void rejectsUnknownCheckKeyAndSuggestsTheClosest() {
        assertOnlyError("""
                id: t
                title: T
                checks:
                  - id: c
                    kind: dns.ttl
                    intervall: 5m
                phases:
                  - id: p
                    steps:
                      - id: s
                        verify: [c]
                """, 6, 5, "unknown key 'intervall' in check 'c'; did you mean 'interval'?");
    }

    @Test
    void rejectsUnknownTopLevelKeyAndSuggestsTheClosest() {
        assertOnlyError("""
                id: t
                title: T
                descripton: typo
                phases:
                  - id: p
                    steps:
                      - id: s
                        do: it
                """, 3, 1, "unknown key 'descripton' in the runbook; did you mean 'description'?");
    }

    @Test
    void rejectsUnknownStepKeyAndSuggestsAStepKind() {
        assertOnlyError("""
                id: t
                title: T
                phases:
                  - id: p
                    steps:
                      - id: s
                        do: it
                        rol: owner
                """, 8, 9, "unknown key 'rol' in step 's'; did you mean 'role'?");
    }

    // ---- wrong types ----------------------------------------------------------------------------

    @Test
    void rejectsNonBooleanBlocking() {
        assertOnlyError("""
                id: t
                title: T
                checks:
                  - id: c
                    kind: dns.ttl
                    blocking: maybe
                phases:
                  - id: p
                    steps:
                      - id: s
                        verify: [c]
                """, 6, 15, "blocking: expected true or false, got 'maybe'");
    }

    @Test
    void rejectsUnknownSeverity() {
        assertOnlyError("""
                id: t
                title: T
                checks:
                  - id: c
                    kind: heartbeat
                    severity: high
                phases:
                  - id: p
                    steps:
                      - id: s
                        verify: [c]
                """, 6, 15, "severity: expected critical, major or minor, got 'high'");
    }

    @Test
    void readsSeverityAndLeavesItNullWhenAbsent() {
        LoadResult<Runbook> r = load("""
                id: t
                title: T
                checks:
                  - id: c
                    kind: heartbeat
                    severity: Critical
                  - id: d
                    kind: heartbeat
                phases:
                  - id: p
                    steps:
                      - id: s
                        verify: [c, d]
                """);
        assertEquals(List.of(), r.problems());
        assertEquals(Severity.CRITICAL, r.value().check("c").orElseThrow().severity());
        assertNull(r.value().check("d").orElseThrow().severity());
    }

    @Test
    void rejectsMalformedDuration() {
        assertOnlyError("""
                id: t
                title: T
                rollback-window: soon
                phases:
                  - id: p
                    cutover: true
                    steps:
                      - id: s
                        do: it
                """, 3, 18, "rollback-window: expected a duration such as 90s, 5m or 2h30m, got 'soon'");
    }

    @Test
    void rejectsStepsThatAreNotAList() {
        assertOnlyError("""
                id: t
                title: T
                phases:
                  - id: p
                    steps: do it
                """, 5, 12, "steps: expected a list, got 'do it'");
    }

    @Test
    void rejectsBadWaitUntilInstant() {
        assertOnlyError("""
                id: t
                title: T
                phases:
                  - id: p
                    steps:
                      - id: s
                        wait: {until: tomorrow}
                """, 7, 23, "until: expected an ISO-8601 instant such as 2026-11-22T10:00:00Z, got 'tomorrow'");
    }

    @Test
    void rejectsBadIds() {
        assertOnlyError("""
                id: t
                title: T
                phases:
                  - id: p
                    steps:
                      - id: Lower_TTL
                        do: it
                """, 6, 13, "id: expected an id of lowercase letters, digits and dashes such as lower-ttl, got 'Lower_TTL'");
    }

    @Test
    void rejectsUnqualifiedRoleMember() {
        assertOnlyError("""
                id: t
                title: T
                roles:
                  owner: [alice]
                phases:
                  - id: p
                    steps:
                      - id: s
                        do: it
                """, 4, 11, "roles.owner: expected a user id qualified by its platform such as console:alice or slack:U024BE7LH, got 'alice'");
    }

    @Test
    void rejectsUnknownSink() {
        assertOnlyError("""
                id: t
                title: T
                stakeholders:
                  - audience: execs
                    sink: "#execs"
                phases:
                  - id: p
                    steps:
                      - id: s
                        do: it
                """, 5, 11, "sink: expected chat:<channel>, email:<address>, webhook:<url> or statuspage:<id>, got '#execs'");
    }

    // ---- missing required keys ------------------------------------------------------------------

    @Test
    void requiresCheckKind() {
        assertOnlyError("""
                id: t
                title: T
                checks:
                  - id: c
                    interval: 5m
                phases:
                  - id: p
                    steps:
                      - id: s
                        verify: [c]
                """, 4, 5, "missing required key 'kind' in check 'c'");
    }

    @Test
    void requiresRunbookTitle() {
        assertOnlyError("""
                id: t
                phases:
                  - id: p
                    steps:
                      - id: s
                        do: it
                """, 1, 1, "missing required key 'title' in the runbook");
    }

    @Test
    void requiresNotifyText() {
        assertOnlyError("""
                id: t
                title: T
                phases:
                  - id: p
                    steps:
                      - id: s
                        notify: {audience: team}
                """, 7, 17, "missing required key 'text' in notify");
    }

    // ---- duplicate ids --------------------------------------------------------------------------

    @Test
    void rejectsDuplicateCheckIds() {
        assertOnlyError("""
                id: t
                title: T
                checks:
                  - {id: c, kind: dns.ttl}
                  - {id: c, kind: dns.record}
                phases:
                  - id: p
                    steps:
                      - id: s
                        verify: [c]
                """, 5, 10, "duplicate check id 'c' (first at line 4); check ids are unique");
    }

    @Test
    void rejectsDuplicatePhaseIds() {
        assertOnlyError("""
                id: t
                title: T
                phases:
                  - id: p
                    steps:
                      - {id: a, do: it}
                  - id: p
                    steps:
                      - {id: b, do: it}
                """, 7, 9, "duplicate phase id 'p' (first at line 4); phase ids are unique");
    }

    @Test
    void rejectsStepIdReusedByARollbackStepOfAnotherPhase() {
        assertOnlyError("""
                id: t
                title: T
                phases:
                  - id: p
                    steps:
                      - {id: a, do: it}
                  - id: q
                    steps:
                      - {id: b, do: it}
                    rollback:
                      - {id: a, do: undo}
                """, 11, 14, "duplicate step id 'a' (first at line 6); step ids are unique across the whole runbook, rollback steps included");
    }

    // ---- missing references ---------------------------------------------------------------------

    private static final String CHECKS_AND_ROLES = """
            id: t
            title: T
            roles:
              owner: [console:alice]
              rollback-authority: [console:carol]
            stakeholders:
              - {audience: execs, sink: "chat:#execs"}
            checks:
              - {id: www-ttl, kind: dns.ttl}
              - {id: www-a, kind: dns.record}
            phases:
              - id: p
                steps:
                  - {id: v, verify: [www-ttl, www-a]}
                  - {id: ok, approval: owner}
            """;

    @Test
    void rejectsVerifyOfUndeclaredCheck() {
        assertOnlyError(CHECKS_AND_ROLES + """
                      - {id: s, verify: [www-tt]}
                """, 16, 26, "verify: unknown check 'www-tt'; did you mean 'www-ttl'?");
    }

    @Test
    void rejectsGateCheckThatIsNotDeclared() {
        assertOnlyError(CHECKS_AND_ROLES + """
                      - {id: s, gate: {checks: [zzz]}}
                """, 16, 33, "gate.checks: unknown check 'zzz'; expected a check id declared under checks (www-ttl, www-a)");
    }

    @Test
    void rejectsGateApprovalThatIsNotAnApprovalStep() {
        assertOnlyError(CHECKS_AND_ROLES + """
                      - {id: s, gate: {approvals: [v]}}
                """, 16, 36, "gate.approvals: step 'v' is a verify step, not an approval step; expected the id of an approval step");
    }

    @Test
    void rejectsGateApprovalOfUnknownStep() {
        assertOnlyError(CHECKS_AND_ROLES + """
                      - {id: s, gate: {approvals: [nothing-here]}}
                """, 16, 36, "gate.approvals: unknown step 'nothing-here'; expected the id of an approval step (ok)");
    }

    @Test
    void rejectsApprovalByUndefinedRole() {
        assertOnlyError(CHECKS_AND_ROLES + """
                      - {id: s, approval: rollback-authorty}
                """, 16, 27, "approval: unknown role 'rollback-authorty'; did you mean 'rollback-authority'?");
    }

    @Test
    void rejectsStepRoleThatIsNotDefined() {
        assertOnlyError(CHECKS_AND_ROLES + """
                      - {id: s, do: it, role: admin}
                """, 16, 31, "role: unknown role 'admin'; expected a role defined under roles (owner, rollback-authority)");
    }

    @Test
    void rejectsNotifyOfUnknownAudience() {
        assertOnlyError(CHECKS_AND_ROLES + """
                      - {id: s, notify: {audience: exec, text: hi}}
                """, 16, 36, "notify.audience: unknown audience 'exec'; did you mean 'execs'?");
    }

    @Test
    void acceptsNotifyOfTheTeam() {
        assertEquals(List.of(), load(CHECKS_AND_ROLES + """
                      - {id: s, notify: {audience: team, text: hi}}
                """).problems());
    }

    @Test
    void rejectsWaitConditionOnUndeclaredCheck() {
        assertOnlyError(CHECKS_AND_ROLES + """
                      - {id: s, wait: {condition: old-ttl-elapsed, check: ttl}}
                """, 16, 59, "wait.check: unknown check 'ttl'; expected the id of a dns.ttl check declared under checks (www-ttl, www-a)");
    }

    @Test
    void rejectsWaitConditionOnACheckThatIsNotDnsTtl() {
        assertOnlyError(CHECKS_AND_ROLES + """
                      - {id: s, wait: {condition: old-ttl-elapsed, check: www-a}}
                """, 16, 59, "wait.check: check 'www-a' is of kind dns.record; expected a dns.ttl check for condition old-ttl-elapsed");
    }

    // ---- impossible values ----------------------------------------------------------------------

    @Test
    void rejectsNegativeDuration() {
        assertOnlyError("""
                id: t
                title: T
                checks:
                  - id: c
                    kind: dns.ttl
                    interval: -5m
                phases:
                  - id: p
                    steps:
                      - {id: s, verify: [c]}
                """, 6, 15, "interval: expected a positive duration such as 90s or 5m, got '-5m'");
    }

    @Test
    void rejectsZeroDuration() {
        assertOnlyError("""
                id: t
                title: T
                phases:
                  - id: p
                    steps:
                      - {id: s, wait: {duration: 0s}}
                """, 6, 34, "duration: expected a positive duration such as 90s or 5m, got '0s'");
    }

    @Test
    void rejectsASecondCutoverPhase() {
        assertOnlyError("""
                id: t
                title: T
                phases:
                  - id: a
                    cutover: true
                    steps:
                      - {id: s1, do: it}
                  - id: b
                    cutover: true
                    steps:
                      - {id: s2, do: it}
                """, 9, 5, "cutover: phase 'a' (line 5) is already the cutover phase; expected at most one phase with cutover: true");
    }

    @Test
    void rejectsStepWithTwoKinds() {
        assertOnlyError("""
                id: t
                title: T
                phases:
                  - id: p
                    steps:
                      - id: s
                        do: it
                        notify: {audience: team, text: hi}
                """, 8, 9, "step 's' has both 'do' and 'notify'; expected exactly one of do, verify, wait, gate, approval, notify");
    }

    @Test
    void rejectsStepWithNoKind() {
        assertOnlyError("""
                id: t
                title: T
                phases:
                  - id: p
                    steps:
                      - id: s
                        title: nothing to do
                """, 6, 9, "step 's' needs exactly one of do, verify, wait, gate, approval, notify; found none");
    }

    @Test
    void rejectsWaitWithNothingToWaitFor() {
        assertOnlyError("""
                id: t
                title: T
                phases:
                  - id: p
                    steps:
                      - {id: s, wait: {}}
                """, 6, 23, "wait: expected exactly one of duration, until or condition, got none");
    }

    @Test
    void rejectsWaitWithAnEmptyDuration() {
        assertOnlyError("""
                id: t
                title: T
                phases:
                  - id: p
                    steps:
                      - {id: s, wait: {duration: ~}}
                """, 6, 23, "wait: expected exactly one of duration, until or condition, got none");
    }

    @Test
    void rejectsWaitWithTwoThingsToWaitFor() {
        assertOnlyError("""
                id: t
                title: T
                phases:
                  - id: p
                    steps:
                      - id: s
                        wait:
                          duration: 5m
                          until: 2026-11-22T10:00:00Z
                """, 9, 11, "wait: expected exactly one of duration, until or condition, got duration and until");
    }

    @Test
    void rejectsUnknownWaitCondition() {
        assertOnlyError("""
                id: t
                title: T
                checks:
                  - {id: c, kind: dns.ttl}
                phases:
                  - id: p
                    steps:
                      - {id: s, wait: {condition: ttl-gone, check: c}}
                """, 8, 35, "wait.condition: unknown condition 'ttl-gone'; expected old-ttl-elapsed");
    }

    @Test
    void rejectsRuleFilesThatDoNotExist(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("rules"));
        Files.writeString(dir.resolve("rules/here.drl"), "package x;\n");
        Path file = dir.resolve("runbook.yaml");
        Files.writeString(file, """
                id: t
                title: T
                rules: [rules/here.drl, rules/gone.drl]
                phases:
                  - id: p
                    steps:
                      - {id: s, do: it}
                """);
        LoadResult<Runbook> r = RunbookLoader.withoutProviders().read(file);
        assertEquals(List.of(file + ":3:25: error: rules: no such rule file 'rules/gone.drl'; expected a .drl file relative to the runbook's folder"),
                r.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void reportsYamlSyntaxErrorWithItsPosition() {
        LoadResult<Runbook> r = load("""
                id: t
                title: T
                phases:
                  - id: p
                   steps: []
                """);
        assertEquals(1, r.problems().size(), r.problems()::toString);
        Problem p = r.problems().get(0);
        assertEquals("t.yaml", p.file());
        assertEquals(5, p.line());
        assertEquals(4, p.column());
        assertEquals(Problem.Severity.ERROR, p.severity());
        assertEquals("invalid YAML: expected <block end>, but found '<block mapping start>' (while parsing a block collection at line 4, column 3)",
                p.message());
    }

    @Test
    void rejectsDuplicateAudiencesAndTheReservedTeam() {
        LoadResult<Runbook> r = load("""
                id: t
                title: T
                stakeholders:
                  - {audience: execs, sink: "chat:#a"}
                  - {audience: execs, sink: "chat:#b"}
                  - {audience: team, sink: "chat:#c"}
                phases:
                  - id: p
                    steps:
                      - {id: s, do: it}
                """);
        assertEquals(List.of(
                "t.yaml:5:16: error: duplicate audience 'execs' (first at line 4); each audience is declared once",
                "t.yaml:6:16: error: audience: 'team' is reserved for the run's own channel; expected another name such as execs or support"),
                r.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void warnsWhenARollbackWindowHasNoCutoverPhaseOrARoleNoMembers() {
        LoadResult<Runbook> r = load("""
                id: t
                title: T
                roles:
                  dba: []
                rollback-window: 48h
                phases:
                  - id: p
                    steps:
                      - {id: s, do: it}
                """);
        assertEquals(List.of(
                "t.yaml:4:3: warning: role 'dba' has no members, so nobody can act in it",
                "t.yaml:5:1: warning: rollback-window is set but no phase is marked 'cutover: true', so it never starts; mark the phase where traffic moves"),
                r.problems().stream().map(Problem::toString).toList());
        assertEquals(java.time.Duration.ofHours(48), r.value().rollbackWindow(), "warnings do not stop the load");
    }

    // ---- check kinds and providers --------------------------------------------------------------

    /** A stand-in provider with one required parameter. */
    private static final class TtlProvider implements CheckProvider {
        @Override
        public String kind() {
            return "dns.ttl";
        }

        @Override
        public String summary() {
            return "TTL";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.required("name", "the DNS name"), ParamSpec.optional("max", "300", "largest TTL"));
        }

        @Override
        public CheckResult run(CheckRequest request) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void warnsAboutCheckKindsWithoutALiveProvider() {
        LoadResult<Runbook> r = new RunbookLoader(new CheckProviders(List.of(new TtlProvider()))).read("t.yaml", """
                id: t
                title: T
                checks:
                  - {id: c, kind: db.replication-lag}
                phases:
                  - id: p
                    steps:
                      - {id: s, verify: [c]}
                """);
        assertEquals(List.of("t.yaml:4:19: warning: check kind db.replication-lag has no live provider in this build; it can only be rehearsed"),
                r.problems().stream().map(Problem::toString).toList());
        assertEquals("t", r.value().id(), "a warning does not stop the load");
    }

    @Test
    void reportsProviderParameterProblemsAtTheParams() {
        LoadResult<Runbook> r = new RunbookLoader(new CheckProviders(List.of(new TtlProvider()))).read("t.yaml", """
                id: t
                title: T
                checks:
                  - id: c
                    kind: dns.ttl
                    params: {nmae: www.example.test}
                phases:
                  - id: p
                    steps:
                      - {id: s, verify: [c]}
                """);
        assertEquals(List.of(
                "t.yaml:6:13: error: params: missing parameter 'name' (the DNS name)",
                "t.yaml:6:13: error: params: unknown parameter 'nmae' for dns.ttl; expected one of [max, name]"),
                r.problems().stream().map(Problem::toString).toList());
        assertNull(r.value());
    }

    // ---- all problems at once -------------------------------------------------------------------

    @Test
    void collectsEveryProblemInOneLoad() {
        LoadResult<Runbook> r = load("""
                id: T
                title: T
                roles:
                  owner: [console:alice]
                checks:
                  - {id: c, kind: dns.ttl, timeout: 0s}
                  - {id: c, kind: dns.ttl}
                phases:
                  - id: p
                    steps:
                      - {id: s, verify: [d]}
                      - {id: s, approval: boss}
                      - {id: w, wait: {duraton: 5m}}
                """);
        assertEquals(List.of(
                "t.yaml:1:5: error: id: expected an id of lowercase letters, digits and dashes such as lower-ttl, got 'T'",
                "t.yaml:6:37: error: timeout: expected a positive duration such as 90s or 5m, got '0s'",
                "t.yaml:7:10: error: duplicate check id 'c' (first at line 6); check ids are unique",
                "t.yaml:11:26: error: verify: unknown check 'd'; expected a check id declared under checks (c)",
                "t.yaml:12:14: error: duplicate step id 's' (first at line 11); step ids are unique across the whole runbook, rollback steps included",
                "t.yaml:12:27: error: approval: unknown role 'boss'; expected a role defined under roles (owner)",
                "t.yaml:13:23: error: wait: expected exactly one of duration, until or condition, got none",
                "t.yaml:13:24: error: unknown key 'duraton' in wait; did you mean 'duration'?"),
                r.problems().stream().map(Problem::toString).toList());
        assertNull(r.value());
    }
}
