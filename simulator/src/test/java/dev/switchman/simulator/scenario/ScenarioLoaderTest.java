package dev.switchman.simulator.scenario;

import dev.switchman.core.yaml.Problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.decision.DecisionKind;
import dev.switchman.simulator.TestRunbooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {

    @TempDir
    Path dir;
    private Function<Path, ScenarioLoader.RunbookLoad> previous;

    @BeforeEach
    void useTinyRunbook() throws IOException {
        Files.writeString(dir.resolve("tiny.yaml"), "id: tiny\n");
        previous = ScenarioLoader.runbookLoader();
        ScenarioLoader.useRunbookLoader(p -> new ScenarioLoader.RunbookLoad(TestRunbooks.tiny(), List.of()));
    }

    @AfterEach
    void restore() {
        ScenarioLoader.useRunbookLoader(previous);
    }

    private ScenarioLoader.Result load(String yaml) throws IOException {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, yaml);
        return ScenarioLoader.load(f);
    }

    private static final String HEAD = "scenario: s1\ntitle: T\nrunbook: tiny.yaml\n";

    @Test
    void loadsTimelineFaultsChaosAndExpectations() throws IOException {
        var r = load(HEAD + """
                start: 2026-11-20T08:00:00Z
                speed: 60
                responders: {mode: auto, approvers: {rollback-authority: console:carol}}
                baseline:
                  db-lag: {observations: {lag-s: 0.2}}
                timeline:
                  - at: +2h5m
                    fault: lag-spike
                    check: db-lag
                    status: FAIL
                    observations: {lag-s: 45}
                    for: 30m
                  - at: +1h
                    check: www-dns
                    chaos: {delay: 5m}
                  - at: +3h
                    chaos: kill-bot
                expect:
                  - decision: ROLLBACK
                    within: 10m
                    of: lag-spike
                  - never: GO
                  - phase: cutover
                    reached-by: +49h
                """);
        assertTrue(r.ok(), r.problems().toString());
        Scenario s = r.scenario();
        assertEquals(60, s.speed().factor());
        assertEquals(3, s.timeline().size());
        assertEquals(Duration.ofHours(1), s.timeline().get(0).at(), "sorted by offset");
        TimelineEntry spike = s.fault("lag-spike").orElseThrow();
        assertEquals(Duration.ofMinutes(125), spike.at());
        assertEquals(CheckStatus.FAIL, spike.result().status());
        assertEquals(45L, spike.result().observations().get("lag-s"));
        assertEquals(Chaos.Kind.DELAY, s.timeline().get(0).chaos().kind());
        assertEquals(Chaos.Kind.KILL_BOT, s.timeline().get(2).chaos().kind());
        assertEquals(DecisionKind.ROLLBACK, s.expectations().get(0).decision());
        assertEquals(Duration.ofHours(49), s.expectations().get(2).by());
    }

    @Test
    void rejectsUnknownKeyWithDidYouMeanAndLocation() throws IOException {
        var r = load(HEAD + "timeline:\n  - at: +1h\n    chek: db-lag\n    status: FAIL\n");
        assertNull(r.scenario());
        Problem p = r.errors().stream().filter(x -> x.message().contains("chek")).findFirst().orElseThrow();
        assertEquals(6, p.location().line());
        assertEquals(5, p.location().column());
        assertTrue(p.message().contains("did you mean 'check'"), p.message());
        assertTrue(p.toString().startsWith(dir.resolve("s.yaml") + ":6:5"), p.toString());
    }

    @Test
    void rejectsCheckTheRunbookDoesNotHave() throws IOException {
        var r = load(HEAD + "timeline:\n  - at: +1h\n    check: db-lagg\n    status: FAIL\n");
        Problem p = r.errors().get(0);
        assertEquals(5, p.location().line());
        assertTrue(p.message().contains("'db-lagg' is not in the runbook; did you mean 'db-lag'?"), p.message());
    }

    @Test
    void rejectsStepTheRunbookDoesNotHave() throws IOException {
        var r = load(HEAD + "timeline:\n  - at: +1h\n    command: done swich\n    by: console:alice\n");
        assertTrue(r.errors().stream().anyMatch(p -> p.message().contains("step 'swich' is not in the runbook; did you mean 'switch'?")), r.problems().toString());
    }

    @Test
    void rejectsExpectationOfUnknownFaultAndPhase() throws IOException {
        var r = load(HEAD + "timeline:\n  - {at: +1h, fault: lag-spike, check: db-lag, status: FAIL}\nexpect:\n  - {decision: ROLLBACK, of: lag-spik}\n  - {phase: cutovr, reached-by: +2h}\n");
        List<String> msgs = r.errors().stream().map(Problem::message).toList();
        assertTrue(msgs.stream().anyMatch(m -> m.contains("'of: lag-spik' names no fault") && m.contains("did you mean 'lag-spike'")), msgs.toString());
        assertTrue(msgs.stream().anyMatch(m -> m.contains("phase 'cutovr' is not in the runbook")), msgs.toString());
    }

    @Test
    void rejectsBadStatusDecisionAndOffset() throws IOException {
        var r = load(HEAD + "timeline:\n  - {at: soon, check: db-lag, status: FIAL}\nexpect:\n  - never: ROLLBAK\n");
        List<String> msgs = r.errors().stream().map(Problem::message).toList();
        assertTrue(msgs.stream().anyMatch(m -> m.contains("expected an offset such as +2h5m")), msgs.toString());
        assertTrue(msgs.stream().anyMatch(m -> m.contains("did you mean 'FAIL'?")), msgs.toString());
        assertTrue(msgs.stream().anyMatch(m -> m.contains("did you mean 'ROLLBACK'?")), msgs.toString());
    }

    @Test
    void reportsYamlSyntaxErrorWithLocation() throws IOException {
        var r = load(HEAD + "timeline: [\n  - at: +1h\n");
        assertEquals(1, r.problems().size());
        assertTrue(r.problems().get(0).message().startsWith("invalid YAML"), r.problems().toString());
        assertTrue(r.problems().get(0).location().line() > 0);
    }

    @Test
    void requiresIdTitleAndRunbook() throws IOException {
        var r = load("description: nothing else\n");
        assertEquals(3, r.errors().size(), r.problems().toString());
    }

    @Test
    void reportsMissingRunbookFile() throws IOException {
        var r = load("scenario: s\ntitle: T\nrunbook: nowhere.yaml\n");
        Problem p = r.errors().get(0);
        assertEquals(3, p.location().line());
        assertTrue(p.message().contains("runbook file not found"), p.message());
        assertNotNull(p.location());
    }
}
