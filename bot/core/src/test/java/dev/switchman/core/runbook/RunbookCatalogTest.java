package dev.switchman.core.runbook;

import dev.switchman.core.yaml.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunbookCatalogTest {

    private static String runbook(String id) {
        return "id: " + id + "\ntitle: " + id + "\nphases:\n  - id: p\n    steps:\n      - {id: s, do: it}\n";
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void findsRunbookFilesInATreeById(@TempDir Path dir) throws IOException {
        write(dir.resolve("web/runbook.yaml"), runbook("web"));
        write(dir.resolve("db/postgres.runbook.yaml"), runbook("postgres"));
        write(dir.resolve("db/scenario.yaml"), "runbook: ../runbook.yaml\ntimeline: []\n");
        write(dir.resolve("mail/mail-move.yaml"), runbook("mail"));
        write(dir.resolve("mail/notes.txt"), "phases:\n");
        RunbookCatalog catalog = RunbookCatalog.of(dir, RunbookLoader.withoutProviders());
        assertEquals(List.of(), catalog.problems());
        assertEquals(List.of("postgres", "mail", "web"), catalog.ids());
        assertEquals("web", catalog.find("web").orElseThrow().title());
        assertTrue(catalog.find("nope").isEmpty());
    }

    @Test
    void rejectsTheSameIdInTwoFilesNamingBoth(@TempDir Path dir) throws IOException {
        Path a = write(dir.resolve("a/runbook.yaml"), runbook("web"));
        Path b = write(dir.resolve("b/runbook.yaml"), "# second copy\n" + runbook("web"));
        RunbookCatalog catalog = RunbookCatalog.of(dir, RunbookLoader.withoutProviders());
        assertEquals(List.of(b + ":2:5: error: duplicate runbook id 'web': defined in " + a + " and in " + b
                        + "; expected each runbook to have its own id (kept the one in " + a + ")"),
                catalog.problems().stream().map(Problem::toString).toList());
        assertEquals(a.toString(), catalog.find("web").orElseThrow().source());
    }

    @Test
    void leavesOutRunbooksWithErrorsAndKeepsTheirProblems(@TempDir Path dir) throws IOException {
        write(dir.resolve("good/runbook.yaml"), runbook("good"));
        Path bad = write(dir.resolve("bad/runbook.yaml"), "id: bad\nphases: []\n");
        RunbookCatalog catalog = RunbookCatalog.of(dir, RunbookLoader.withoutProviders());
        assertEquals(List.of("good"), catalog.ids());
        assertTrue(catalog.hasErrors());
        assertEquals(List.of(bad + ":1:1: error: missing required key 'title' in the runbook", bad + ":2:9: error: phases: expected at least one phase"),
                catalog.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void readsBundledRunbooksThroughTheClasspathIndex(@TempDir Path dir) throws IOException {
        write(dir.resolve("runbooks/index.txt"), """
                # generated at build time
                hello/runbook.yaml
                hello/rules/extra.drl
                hello/rehearse.scenario.yaml

                missing/runbook.yaml
                ../escape/runbook.yaml
                """);
        write(dir.resolve("runbooks/hello/runbook.yaml"), runbook("hello").replace("phases:", "rules: [rules/extra.drl, rules/gone.drl]\nphases:"));
        write(dir.resolve("runbooks/hello/rules/extra.drl"), "package x;\n");
        write(dir.resolve("runbooks/hello/rehearse.scenario.yaml"), "runbook: runbook.yaml\ntimeline: []\n");
        try (URLClassLoader cl = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            RunbookCatalog catalog = RunbookCatalog.ofClasspath(cl, RunbookLoader.withoutProviders());
            assertEquals(List.of(
                            "classpath:runbooks/hello/runbook.yaml:3:26: error: rules: no such rule file 'rules/gone.drl'; expected a .drl file relative to the runbook's folder",
                            "classpath:runbooks/index.txt:6:1: error: listed file 'missing/runbook.yaml' is not on the class path (expected resource runbooks/missing/runbook.yaml)",
                            "classpath:runbooks/index.txt:7:1: error: expected a path relative to runbooks/ using '/', without '..', got '../escape/runbook.yaml'"),
                    catalog.problems().stream().map(Problem::toString).toList());
        }
        write(dir.resolve("runbooks/hello/rules/gone.drl"), "package y;\n");
        write(dir.resolve("runbooks/index.txt"), "hello/runbook.yaml\n");
        try (URLClassLoader cl = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            RunbookCatalog catalog = RunbookCatalog.ofClasspath(cl, RunbookLoader.withoutProviders());
            assertEquals(List.of(), catalog.problems());
            Runbook hello = catalog.find("hello").orElseThrow();
            assertEquals("classpath:runbooks/hello/runbook.yaml", hello.source());
            assertEquals(List.of("rules/extra.drl", "rules/gone.drl"), hello.rules());
        }
    }

    @Test
    void hasNoBundledRunbooksWithoutAnIndex(@TempDir Path dir) throws IOException {
        try (URLClassLoader cl = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            RunbookCatalog catalog = RunbookCatalog.ofClasspath(cl, RunbookLoader.withoutProviders());
            assertTrue(catalog.all().isEmpty());
            assertFalse(catalog.hasErrors());
        }
    }

    @Test
    void combinesADirectoryAndTheClasspath(@TempDir Path dir) throws IOException {
        write(dir.resolve("cp/runbooks/index.txt"), "a/runbook.yaml\n");
        write(dir.resolve("cp/runbooks/a/runbook.yaml"), runbook("shared"));
        Path local = write(dir.resolve("local/shared.runbook.yaml"), runbook("shared"));
        write(dir.resolve("local/mine.runbook.yaml"), runbook("mine"));
        try (URLClassLoader cl = new URLClassLoader(new URL[] {dir.resolve("cp").toUri().toURL()}, null)) {
            RunbookCatalog catalog = RunbookCatalog.builder(RunbookLoader.withoutProviders())
                    .addDirectory(dir.resolve("local")).addClasspath(cl).build();
            assertEquals(List.of("mine", "shared"), catalog.ids());
            assertEquals(local.toString(), catalog.find("shared").orElseThrow().source());
            assertEquals(1, catalog.problems().size());
            assertTrue(catalog.problems().get(0).message().startsWith("duplicate runbook id 'shared': defined in " + local
                    + " and in classpath:runbooks/a/runbook.yaml"), catalog.problems().toString());
        }
    }
}
