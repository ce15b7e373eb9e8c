package dev.switchman.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.app.testing.SwitchmanProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code switchman validate} from the real jar: exit codes, file:line:col output, summary line. */
class ValidateIT {

    private static String resource(String name) throws Exception {
        return Path.of(ValidateIT.class.getResource("/validate/" + name).toURI()).toString();
    }

    @Test
    void goodRunbookPrintsOneSummaryLineAndExitsZero() throws Exception {
        SwitchmanProcess.Result r = SwitchmanProcess.run(Map.of(), null, "validate", resource("good.runbook.yaml"));
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals("ok: 1 runbook, 0 scenarios, 0 rule files; 0 warnings", r.out().strip());
    }

    @Test
    void badRunbookPrintsFileLineColumnErrorsAndExitsOne() throws Exception {
        String bad = resource("bad.runbook.yaml");
        SwitchmanProcess.Result r = SwitchmanProcess.run(Map.of(), null, "validate", bad);
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains(bad + ":8:5: error: unknown key 'setps' in phase 'only'; did you mean 'steps'?"), r.out());
        assertTrue(r.out().lines().allMatch(l -> l.matches(".+:\\d+:\\d+: (error|warning): .+")), r.out());
    }

    @Test
    void theBundledRunbookIsValid() throws Exception {
        String repo = System.getProperty("switchman.repo", "../..");
        Path hello = Path.of(repo, "runbooks", "hello-cutover", "runbook.yaml");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(hello), "no runbooks/hello-cutover in this checkout");
        SwitchmanProcess.Result r = SwitchmanProcess.run(Map.of(), null, "validate", hello.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().lines().reduce((a, b) -> b).orElse("").startsWith("ok: 1 runbook"), r.out());
    }
}
