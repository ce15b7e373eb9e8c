package dev.switchman.app.cli;

import dev.switchman.app.config.RunbookSources;
import dev.switchman.app.config.Settings;
import dev.switchman.core.check.CheckEnvironment;
import dev.switchman.core.check.CheckProviders;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckRunner;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.runbook.CheckSpec;
import dev.switchman.core.runbook.Runbook;
import dev.switchman.core.runbook.RunbookLoader;
import dev.switchman.core.yaml.LoadResult;
import dev.switchman.core.yaml.Problem;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code switchman check RUNBOOK [--check ID] [--resolver host:port]... [--timeout 10s] [--format json]}: a
 * runbook's declared checks, once, each with its own timeout unless {@code --timeout} replaces it.
 */
final class CheckCommand {

    static final Args.Spec SPEC = Args.Spec.of("check", Set.of("check", "format", "runbooks", "resolver", "timeout"), Set.of());

    private final CheckProviders providers;
    private final Clock clock;
    private final PrintStream out;
    private final PrintStream err;

    CheckCommand(CheckProviders providers, Clock clock, PrintStream out, PrintStream err) {
        this.providers = providers;
        this.clock = clock;
        this.out = out;
        this.err = err;
    }

    int run(List<String> argv) {
        Args args = Args.parse(SPEC, argv);
        if (args.help()) {
            out.println(Usage.CHECK);
            return ExitCodes.OK;
        }
        boolean json = args.json();
        Duration timeout = args.flag("timeout") ? ProbeCommand.timeout(args) : null;
        List<String> resolvers = ProbeCommand.resolvers(args);
        if (args.positionals().size() != 1) {
            throw new UsageException("check: expected one RUNBOOK (a runbook file or id), got " + args.positionals().size());
        }
        Runbook runbook = find(args.positionals().get(0), args.values("runbooks"));
        if (runbook == null) {
            return ExitCodes.FAILED;
        }
        List<CheckSpec> specs = runbook.checks();
        String only = args.value("check", null);
        if (only != null) {
            specs = specs.stream().filter(c -> c.id().equals(only)).toList();
            if (specs.isEmpty()) {
                err.println("check: runbook " + runbook.id() + " declares no check '" + only + "'; it has "
                        + runbook.checks().stream().map(CheckSpec::id).toList());
                return ExitCodes.FAILED;
            }
        }
        if (specs.isEmpty()) {
            err.println("check: runbook " + runbook.id() + " declares no checks");
            return ExitCodes.OK;
        }
        ExecutorService executor = Executors.newFixedThreadPool(Math.min(16, specs.size()), ProbeCommand.daemon());
        try {
            CheckRunner runner = new CheckRunner(providers, executor, clock, new CheckEnvironment(resolvers, Map.of()));
            List<CompletableFuture<CheckResult>> futures = new ArrayList<>();
            for (CheckSpec spec : specs) {
                futures.add(runner.run(spec.id(), spec.kind(), spec.params(), timeout == null ? spec.timeout() : timeout));
            }
            CheckOutput output = new CheckOutput(out, json);
            List<CheckStatus> statuses = new ArrayList<>();
            for (CompletableFuture<CheckResult> f : futures) {
                CheckResult r = f.join();
                statuses.add(r.status());
                output.print(r);
            }
            return ExitCodes.of(statuses);
        } finally {
            executor.shutdownNow();
        }
    }

    private Runbook find(String nameOrId, List<String> dirs) {
        Path file = Path.of(nameOrId);
        if (Files.isRegularFile(file)) {
            LoadResult<Runbook> r = new RunbookLoader(providers).read(file);
            if (r.value() == null || !r.errors().isEmpty()) {
                r.problems().forEach(err::println);
                return null;
            }
            return r.value();
        }
        RunbookSources.Runbooks catalog = RunbookSources.load(Settings.from(System.getenv(), Path.of("").toAbsolutePath(), dirs), providers);
        Runbook rb = catalog.find(nameOrId).orElse(null);
        if (rb == null) {
            catalog.problems().stream().filter(Problem::isError).forEach(err::println);
            err.println("check: no runbook file or id '" + nameOrId + "'; known runbooks: " + catalog.ids());
        }
        return rb;
    }
}
