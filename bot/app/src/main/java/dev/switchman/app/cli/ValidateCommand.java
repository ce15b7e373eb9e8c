package dev.switchman.app.cli;

import dev.switchman.core.check.CheckProviders;
import dev.switchman.core.decision.DecisionEngine;
import dev.switchman.core.runbook.Runbook;
import dev.switchman.core.runbook.RunbookCatalog;
import dev.switchman.core.runbook.RunbookLoader;
import dev.switchman.core.yaml.LoadResult;
import dev.switchman.core.yaml.Problem;
import dev.switchman.rules.engine.DroolsDecisionEngine;
import dev.switchman.simulator.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code switchman validate FILE...}: runbooks (through the runbook loader, with the check kinds of
 * this build, and their rule files compiled), scenarios (through the simulator's loader) and
 * {@code .drl} rule files (through the Drools engine). Dispatch by file name, then by content.
 */
final class ValidateCommand {

    static final Args.Spec SPEC = Args.Spec.of("validate", Set.of(), Set.of());
    private static final Pattern TOP_KEY = Pattern.compile("(?m)^([A-Za-z][A-Za-z0-9_-]*)\\s*:");

    enum Kind {
        RUNBOOK("runbook", "runbooks"), SCENARIO("scenario", "scenarios"), RULES("rule file", "rule files");

        final String one;
        final String many;

        Kind(String one, String many) {
            this.one = one;
            this.many = many;
        }
    }

    private final PrintStream out;
    private final PrintStream err;
    private CheckProviders providers;
    private DecisionEngine engine;

    ValidateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> argv) {
        Args args = Args.parse(SPEC, argv);
        if (args.help()) {
            out.println(Usage.VALIDATE);
            return ExitCodes.OK;
        }
        if (args.positionals().isEmpty()) {
            throw new UsageException("validate: missing FILE; expected runbook (.yaml), scenario (.yaml) or rule (.drl) files");
        }
        List<Problem> problems = new ArrayList<>();
        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        for (String name : args.positionals()) {
            Path file = Path.of(name);
            if (!Files.isRegularFile(file)) {
                problems.add(new Problem(name, 0, 0, Problem.Severity.ERROR, "no such file"));
                continue;
            }
            Kind kind = detect(file);
            if (kind == null) {
                problems.add(new Problem(name, 1, 1, Problem.Severity.ERROR,
                        "cannot tell what this is: expected a runbook (a YAML file with phases:), a scenario (a YAML file with timeline:) or a .drl rule file"));
                continue;
            }
            counts.merge(kind, 1, Integer::sum);
            switch (kind) {
                case RUNBOOK -> problems.addAll(runbook(file));
                case SCENARIO -> problems.addAll(scenario(file));
                case RULES -> problems.addAll(rules(file));
            }
        }
        List<Problem> unique = new ArrayList<>(new java.util.LinkedHashSet<>(problems));
        unique.sort(Problem.BY_POSITION);
        unique.forEach(p -> out.println(p));
        long errors = unique.stream().filter(Problem::isError).count();
        long warnings = unique.size() - errors;
        if (errors > 0) {
            err.println("validate: " + errors + (errors == 1 ? " error" : " errors") + ", " + warnings + (warnings == 1 ? " warning" : " warnings"));
            return ExitCodes.FAILED;
        }
        List<String> parts = new ArrayList<>();
        for (Kind k : Kind.values()) {
            int n = counts.getOrDefault(k, 0);
            parts.add(n + " " + (n == 1 ? k.one : k.many));
        }
        out.println("ok: " + String.join(", ", parts) + "; " + warnings + (warnings == 1 ? " warning" : " warnings"));
        return ExitCodes.OK;
    }

    static Kind detect(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".drl")) {
            return Kind.RULES;
        }
        if (RunbookCatalog.isRunbookFile(name)) {
            return Kind.RUNBOOK;
        }
        if (!name.endsWith(".yaml") && !name.endsWith(".yml")) {
            return null;
        }
        Set<String> keys = new HashSet<>();
        try {
            Matcher m = TOP_KEY.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (m.find()) {
                keys.add(m.group(1));
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return null;
        }
        if (keys.contains("timeline") || keys.contains("scenario") || keys.contains("expect")) {
            return Kind.SCENARIO;
        }
        if (keys.contains("phases") || keys.contains("checks") || keys.contains("roles")) {
            return Kind.RUNBOOK;
        }
        Path parent = file.getParent();
        if (parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("scenarios")) {
            return Kind.SCENARIO;
        }
        return keys.contains("id") ? Kind.RUNBOOK : null;
    }

    private List<Problem> runbook(Path file) {
        LoadResult<Runbook> r = new RunbookLoader(providers()).read(file);
        List<Problem> problems = new ArrayList<>(r.problems());
        Runbook rb = r.value();
        if (rb != null) {
            Path dir = file.toAbsolutePath().getParent();
            for (String rule : rb.rules()) {
                Path drl = dir.resolve(rule);
                if (Files.isRegularFile(drl)) {
                    problems.addAll(rules(file.getParent() == null ? Path.of(rule) : file.getParent().resolve(rule)));
                }
            }
        }
        return problems;
    }

    private List<Problem> scenario(Path file) {
        ScenarioLoader.useRunbookLoader(this::runbookForScenario);
        return ScenarioLoader.load(file).problems();
    }

    private final Map<Path, ScenarioLoader.RunbookLoad> scenarioRunbooks = new java.util.HashMap<>();

    /**
     * The simulator reads a scenario's runbook through core's loader with this build's check kinds;
     * only the runbook's errors are passed on (validate the runbook itself for its warnings).
     */
    private ScenarioLoader.RunbookLoad runbookForScenario(Path path) {
        return scenarioRunbooks.computeIfAbsent(path.toAbsolutePath().normalize(), p -> {
            LoadResult<Runbook> r = new RunbookLoader(providers()).read(path);
            List<Problem> errors = r.errors();
            return new ScenarioLoader.RunbookLoad(errors.isEmpty() ? r.value() : null, errors);
        });
    }

    private List<Problem> rules(Path file) {
        List<Problem> problems = new ArrayList<>();
        for (DecisionEngine.RuleProblem p : engine().validateRules(file)) {
            problems.add(new Problem(p.file() == null || p.file().isEmpty() ? file.toString() : p.file(),
                    p.line(), p.column(), Problem.Severity.ERROR, p.message()));
        }
        return problems;
    }

    private CheckProviders providers() {
        if (providers == null) {
            providers = CheckProviders.load();
        }
        return providers;
    }

    private DecisionEngine engine() {
        if (engine == null) {
            engine = new DroolsDecisionEngine();
        }
        return engine;
    }
}
