package dev.switchman.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.check.CheckProviders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunbookSourcesTest {

    @TempDir
    Path dir;

    private static final String RUNBOOK = """
            id: %s
            title: %s
            roles:
              owner: [console:alice]
            phases:
              - id: only
                title: Only
                steps:
                  - id: do-it
                    do: Do it
            """;

    @Test
    void aFolderRunbookReplacesTheBundledOneWithTheSameId() throws Exception {
        Path rb = Files.createDirectories(dir.resolve("runbooks/hello-cutover")).resolve("runbook.yaml");
        Files.writeString(rb, RUNBOOK.formatted("hello-cutover", "My edited copy"));
        Settings s = Settings.from(Map.of(), dir, List.of());
        RunbookSources.Runbooks r = RunbookSources.load(s, new CheckProviders(List.of()));
        assertEquals("My edited copy", r.find("hello-cutover").orElseThrow().title());
        assertTrue(r.problems().stream().noneMatch(p -> p.message().contains("duplicate")), r.problems().toString());
    }

    @Test
    void bundledAndFolderRunbooksAreOffered() throws Exception {
        Path rb = Files.createDirectories(dir.resolve("mine")).resolve("mine.runbook.yaml");
        Files.writeString(rb, RUNBOOK.formatted("mine", "Mine"));
        RunbookSources.Runbooks r = RunbookSources.load(Settings.from(Map.of(), dir, List.of("mine")), new CheckProviders(List.of()));
        assertTrue(r.ids().contains("mine"), r.ids().toString());
        assertTrue(r.ids().contains("hello-cutover"), "bundled runbooks come from runbooks/index.txt: " + r.ids());
    }
}
