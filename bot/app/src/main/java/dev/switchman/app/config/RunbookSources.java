package dev.switchman.app.config;

import dev.switchman.core.check.CheckProviders;
import dev.switchman.core.runbook.Runbook;
import dev.switchman.core.runbook.RunbookCatalog;
import dev.switchman.core.runbook.RunbookLoader;
import dev.switchman.core.yaml.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The runbooks the bot offers: those in {@code ./runbooks} and each {@code --runbooks DIR}, then the
 * bundled ones. A folder's runbook replaces a bundled one with the same id (so a checkout's edited
 * copy wins over the one in the jar); two folders defining one id is an error.
 */
public final class RunbookSources {

    /** The merged runbooks and every problem found loading them. */
    public record Runbooks(List<Runbook> all, List<Problem> problems) {
        public Optional<Runbook> find(String id) {
            return all.stream().filter(r -> r.id().equals(id)).findFirst();
        }

        public List<String> ids() {
            return all.stream().map(Runbook::id).toList();
        }
    }

    private RunbookSources() {
    }

    public static Runbooks load(Settings settings, CheckProviders providers) {
        RunbookLoader loader = new RunbookLoader(providers);
        RunbookCatalog.Builder folders = RunbookCatalog.builder(loader);
        for (Path dir : settings.runbookDirs()) {
            folders.addDirectory(dir);
        }
        RunbookCatalog local = folders.build();
        RunbookCatalog bundled = RunbookCatalog.ofClasspath(RunbookSources.class.getClassLoader(), loader);
        Map<String, Runbook> byId = new LinkedHashMap<>();
        local.all().forEach(r -> byId.put(r.id(), r));
        bundled.all().forEach(r -> byId.putIfAbsent(r.id(), r));
        List<Problem> problems = new ArrayList<>(local.problems());
        // a bundled file's problems are reported once, from the folder, when a folder has the same file
        for (Problem p : bundled.problems()) {
            if (!shadowed(p.file(), settings.runbookDirs())) {
                problems.add(p);
            }
        }
        return new Runbooks(List.copyOf(byId.values()), List.copyOf(problems));
    }

    private static boolean shadowed(String file, List<Path> dirs) {
        String prefix = RunbookCatalog.CLASSPATH_SCHEME + RunbookCatalog.CLASSPATH_PREFIX;
        if (!file.startsWith(prefix)) {
            return false;
        }
        String rel = file.substring(prefix.length());
        return dirs.stream().anyMatch(d -> java.nio.file.Files.exists(d.resolve(rel)));
    }
}
