package dev.switchman.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RehearsalTest {

    @TempDir
    Path dir;

    @Test
    void jsonSummaryHasVerdictsFaultTimingsDecisionsWithRulesAndWallTime() throws Exception {
        Path file = ProjectPaths.root().resolve("runbooks/server-migration/scenarios/webhooks-old-ip.yaml");
        Rehearsal.Outcome o = Rehearsal.run(file, Rehearsal.Options.defaults().withJson(true).withReport(dir));
        JsonNode j = new ObjectMapper().readTree(o.output());
        assertEquals(0, j.get("exit_code").asInt(), o.output());
        assertTrue(j.get("passed").asBoolean());
        assertTrue(j.get("expectations").size() >= 2);
        assertEquals("HOLDS", j.get("expectations").get(0).get("verdict").asText());
        JsonNode fault = j.get("faults").get(0);
        assertEquals("webhooks-old", fault.get("fault").asText());
        assertTrue(fault.get("time_to_detect_s").isNumber(), fault.toString());
        assertTrue(fault.get("time_to_decision_s").isNumber(), fault.toString());
        assertTrue(j.get("decisions").size() > 0);
        assertNotNull(j.get("decisions").get(0).get("rule").asText());
        assertTrue(j.get("wall_ms").asLong() >= 0);
        assertTrue(o.output().indexOf('\n') < 0, "one JSON object on one line");
        for (String f : new String[] {"report.md", "report.html", "report.json"}) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("<svg") && html.contains("class=\"phase\"") && html.contains("class=\"fault\"") && html.contains("decision-rollback"), "svg timeline");
    }

    @Test
    void failedExpectationGivesExitCodeOneAndSaysWhy() throws Exception {
        Path src = ProjectPaths.root().resolve("runbooks/server-migration/scenarios/healthy-cutover.yaml");
        String text = Files.readString(src).replace("  - never: ROLLBACK\n", "  - decision: ROLLBACK\n    within: 1h\n").replace("end: +100h", "end: +3h");
        Path f = dir.resolve("expect-rollback.yaml");
        Files.writeString(f, text.replace("runbook: ../server-migration.yaml", "runbook: " + src.getParent().getParent().resolve("server-migration.yaml")));
        Rehearsal.Outcome o = Rehearsal.run(f, Rehearsal.Options.defaults());
        assertEquals(Rehearsal.FAILED, o.exitCode(), o.output());
        assertTrue(o.output().contains("FAIL  decision: ROLLBACK within: 1h -- no ROLLBACK within 1h of the start"), o.output());
    }

    @Test
    void invalidScenarioGivesExitCodeTwoWithFileLineColumn() throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "scenario: bad\ntitle: Bad\nrunbook: " + ProjectPaths.root().resolve("runbooks/server-migration/server-migration.yaml")
                + "\ntimeline:\n  - at: +1h\n    check: db-lagg\n    status: FAIL\n");
        Rehearsal.Outcome o = Rehearsal.run(f, Rehearsal.Options.defaults());
        assertEquals(Rehearsal.INVALID, o.exitCode());
        assertTrue(o.output().contains(f + ":5:5: error: check 'db-lagg' is not in the runbook; did you mean 'db-lag'?"), o.output());
    }
}
