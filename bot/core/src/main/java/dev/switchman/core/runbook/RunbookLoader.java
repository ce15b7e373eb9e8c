package dev.switchman.core.runbook;

import dev.switchman.core.check.CheckProviders;
import dev.switchman.core.yaml.LoadResult;
import dev.switchman.core.yaml.LocatedYaml;
import dev.switchman.core.yaml.Problems;
import dev.switchman.core.yaml.YamlNode;

import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * Loads and validates runbook YAML (docs/runbooks.md) into a {@link Runbook}. Every problem is
 * collected, not just the first; the result's runbook is null when there is any ERROR.
 *
 * <pre>{@code
 * LoadResult<Runbook> r = RunbookLoader.load(Path.of("runbooks/hello-cutover/runbook.yaml"));
 * r.problems().forEach(System.out::println);     // file:line:col: error: message
 * if (r.ok()) { Runbook runbook = r.value(); }
 * }</pre>
 *
 * With {@link CheckProviders}, each check's kind is looked up: a kind without a provider is a WARNING
 * (a scenario can still replay it), and the provider's {@code validate(params)} messages are ERRORs
 * at the check's params. Without providers ({@link #withoutProviders()}), kinds are not looked up.
 * Rule files ({@code rules:}) are checked to exist relative to the runbook file when it is loaded
 * from a path; loaded from text, the caller may pass a predicate.
 */
public final class RunbookLoader {

    private final CheckProviders providers;

    /** A loader that validates check kinds and parameters against {@code providers} (null: don't). */
    public RunbookLoader(CheckProviders providers) {
        this.providers = providers;
    }

    /** A loader that does not look check kinds up. */
    public static RunbookLoader withoutProviders() {
        return new RunbookLoader(null);
    }

    /** Loads a file, validating check kinds against the providers on the class path. */
    public static LoadResult<Runbook> load(Path file) {
        return new RunbookLoader(CheckProviders.load()).read(file);
    }

    /** Loads a file; the file name in problems and in {@link Runbook#source()} is {@code file.toString()}. */
    public LoadResult<Runbook> read(Path file) {
        Problems problems = new Problems();
        YamlNode root = LocatedYaml.parse(file, problems);
        if (root == null) {
            return LoadResult.of(null, problems);
        }
        Path dir = file.toAbsolutePath().getParent();
        return finish(file.toString(), root, problems, rule -> Files.isRegularFile(dir.resolve(rule)));
    }

    /** Loads text read from {@code reader} (not closed); rule files are not checked for existence. */
    public LoadResult<Runbook> read(String name, Reader reader) {
        return read(name, reader, null);
    }

    /** Loads text; rule files are not checked for existence. */
    public LoadResult<Runbook> read(String name, String text) {
        return read(name, new StringReader(text), null);
    }

    /**
     * Loads text read from {@code reader}; {@code ruleExists} (null: skip the check) says whether a
     * {@code rules:} path, relative to the runbook, exists.
     */
    public LoadResult<Runbook> read(String name, Reader reader, Predicate<String> ruleExists) {
        Problems problems = new Problems();
        YamlNode root = LocatedYaml.parse(name, reader, problems);
        if (root == null) {
            return LoadResult.of(null, problems);
        }
        return finish(name, root, problems, ruleExists);
    }

    private LoadResult<Runbook> finish(String name, YamlNode root, Problems problems, Predicate<String> ruleExists) {
        Runbook runbook = new RunbookReader(name, problems, providers, ruleExists).read(root);
        return LoadResult.of(runbook, problems);
    }
}
