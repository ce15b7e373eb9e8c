package dev.switchman.simulator.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.testing.DocSnippets;
import dev.switchman.simulator.Rehearsal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The smallest scenario of docs/scenarios.md, as printed, rehearses to a pass against the runbook the page names. */
class ScenarioDocExampleTest {

    private static final Pattern REHEARSED = Pattern.compile("<!-- rehearsed: (\\S+) -->\\s*\\n```yaml\\n(.*?)```", Pattern.DOTALL);

    @Test
    void theSmallestScenarioOfThePageRehearsesToAPass(@TempDir Path dir) throws Exception {
        Path root = DocSnippets.root();
        Matcher m = REHEARSED.matcher(Files.readString(root.resolve("docs/scenarios.md")));
        assertTrue(m.find(), "docs/scenarios.md has a <!-- rehearsed: RUNBOOK --> yaml block");
        Path runbook = root.resolve(m.group(1));
        // the same layout as the page assumes: the scenario in scenarios/ beside the runbook
        Files.copy(runbook, dir.resolve(runbook.getFileName()));
        Path scenario = Files.writeString(Files.createDirectories(dir.resolve("scenarios")).resolve("smallest.yaml"), m.group(2));
        Rehearsal.Outcome o = Rehearsal.run(scenario, Rehearsal.Options.defaults());
        assertEquals(Rehearsal.PASSED, o.exitCode(), o::output);
    }
}
