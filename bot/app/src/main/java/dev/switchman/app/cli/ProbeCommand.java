package dev.switchman.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchman.checks.dns.Resolvers;
import dev.switchman.core.check.CheckEnvironment;
import dev.switchman.core.check.CheckProvider;
import dev.switchman.core.check.CheckProviders;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckRunner;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.check.ParamSpec;
import dev.switchman.core.time.Durations;
import dev.switchman.core.time.DurationRange;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;

/**
 * {@code switchman probe KIND key=value... [--resolver host:port]... [--format json] [--timeout 10s]}
 * and {@code switchman probe --batch}: runs check providers ad hoc, without Spring and without a store.
 */
public final class ProbeCommand {

    static final Args.Spec SPEC = Args.Spec.of("probe", Set.of("resolver", "format", "timeout", "parallel"), Set.of("batch", "list"));
    private static final int BATCH_PARALLELISM = 32;

    private final CheckProviders providers;
    private final Clock clock;
    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;

    public ProbeCommand(CheckProviders providers, Clock clock, InputStream in, PrintStream out, PrintStream err) {
        this.providers = providers;
        this.clock = clock;
        this.in = in;
        this.out = out;
        this.err = err;
    }

    public int run(List<String> argv) throws IOException {
        Args args = Args.parse(SPEC, argv);
        if (args.help()) {
            out.println(Usage.PROBE);
            out.println(kindsHelp());
            return ExitCodes.OK;
        }
        boolean json = args.json();
        if (args.flag("list")) {
            return list(json);
        }
        Duration timeout = timeout(args);
        CheckEnvironment env = new CheckEnvironment(resolvers(args), Map.of());
        if (!args.flag("batch") && args.flag("parallel")) {
            throw new UsageException("probe: --parallel applies to --batch only (one probe runs one check)");
        }
        if (args.flag("batch")) {
            if (!args.positionals().isEmpty()) {
                throw new UsageException("probe --batch reads {\"kind\":..,\"params\":{..}} lines from stdin; unexpected argument '" + args.positionals().get(0) + "'");
            }
            return batch(env, timeout, json, parallelism(args));
        }
        if (args.positionals().isEmpty()) {
            throw new UsageException("probe: missing KIND; known kinds: " + providers.kinds());
        }
        String kind = args.positionals().get(0);
        Map<String, String> params = new LinkedHashMap<>();
        for (String kv : args.positionals().subList(1, args.positionals().size())) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("probe " + kind + ": argument '" + kv + "' is not key=value");
            }
            params.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        CheckProvider provider = providers.find(kind).orElse(null);
        if (provider == null) {
            err.println("probe: unknown check kind '" + kind + "'; known kinds: " + providers.kinds());
            return ExitCodes.FAILED;
        }
        List<String> problems = provider.validate(params);
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println(dev.switchman.core.secret.Secrets.redact("probe " + kind + ": " + p)));
            return ExitCodes.FAILED;
        }
        ExecutorService executor = Executors.newCachedThreadPool(daemon());
        try {
            CheckRunner runner = new CheckRunner(providers, executor, clock, env);
            CheckResult result = runner.run(kind, kind, params, timeout).join();
            new CheckOutput(out, json).print(result);
            return ExitCodes.of(result.status());
        } finally {
            executor.shutdownNow();
        }
    }

    private int list(boolean json) {
        for (CheckProvider p : providers.all()) {
            if (json) {
                List<Map<String, Object>> params = new ArrayList<>();
                for (ParamSpec s : p.parameters()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("name", s.name());
                    m.put("required", s.required());
                    m.put("default", s.defaultValue());
                    m.put("description", s.description());
                    params.add(m);
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("kind", p.kind());
                m.put("summary", p.summary());
                m.put("parameters", params);
                out.println(CheckOutput.toJson(m));
            } else {
                out.println(p.kind() + " - " + p.summary());
                for (ParamSpec s : p.parameters()) {
                    out.println("    " + s.name() + (s.required() ? " (required)" : s.defaultValue() == null ? "" : " (default " + s.defaultValue() + ")")
                            + ": " + s.description());
                }
            }
        }
        return ExitCodes.OK;
    }

    private String kindsHelp() {
        return providers.kinds().isEmpty() ? "No check kinds in this build." : "Check kinds: " + String.join(", ", providers.kinds())
                + "\n(switchman probe --list shows their parameters)";
    }

    /**
     * One request per stdin line, results streamed: each result is written (and flushed) as soon as it
     * and every result before it are ready, so the output keeps the input order and a feeder that writes
     * one line at a time gets each answer without closing stdin. At most {@code parallelism} checks run
     * at once, and at most four times that many lines are read ahead of the output.
     */
    private int batch(CheckEnvironment env, Duration defaultTimeout, boolean json, int parallelism) throws IOException {
        ExecutorService executor = Executors.newFixedThreadPool(parallelism, daemon());
        Semaphore readAhead = new Semaphore(parallelism * 4);
        BlockingQueue<CompletableFuture<CheckResult>> pending = new LinkedBlockingQueue<>();
        CompletableFuture<CheckResult> end = new CompletableFuture<>();
        List<CheckStatus> statuses = new ArrayList<>();
        CheckOutput output = new CheckOutput(out, json);
        Thread writer = new Thread(() -> {
            try {
                for (CompletableFuture<CheckResult> f = pending.take(); f != end; f = pending.take()) {
                    CheckResult r;
                    try {
                        r = f.join();
                    } catch (RuntimeException e) {
                        r = new CheckResult("?", "?", "", CheckStatus.ERROR, Map.of(), "internal error: " + e, clock.instant(), Duration.ZERO);
                    }
                    statuses.add(r.status());
                    output.print(r);
                    out.flush();
                    readAhead.release();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "switchman-probe-writer");
        writer.setDaemon(true);
        writer.start();
        try {
            CheckRunner runner = new CheckRunner(providers, executor, clock, env);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = reader.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                readAhead.acquireUninterruptibly();
                pending.add(submit(runner, n, line, defaultTimeout));
            }
            pending.add(end);
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing results", e);
        } finally {
            executor.shutdownNow();
        }
        return ExitCodes.of(statuses);
    }

    private CompletableFuture<CheckResult> submit(CheckRunner runner, int lineNo, String line, Duration defaultTimeout) {
        String where = "stdin:" + lineNo;
        JsonNode node;
        try {
            node = CheckOutput.JSON.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return failed(where, "?", "not a JSON object: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject() || !node.path("kind").isTextual()) {
            return failed(where, "?", "expected {\"kind\":\"...\",\"params\":{...}}");
        }
        String kind = node.get("kind").asText();
        String id = node.path("id").isTextual() ? node.get("id").asText() : kind;
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode p = node.path("params");
        if (!p.isMissingNode() && !p.isNull()) {
            if (!p.isObject()) {
                return failed(where, kind, "params must be an object of strings");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                if (v.isArray()) {
                    List<String> items = new ArrayList<>();
                    v.forEach(x -> items.add(x.asText()));
                    params.put(e.getKey(), String.join(",", items));
                } else {
                    params.put(e.getKey(), v.asText());
                }
            }
        }
        Duration timeout = defaultTimeout;
        if (node.path("timeout").isTextual()) {
            try {
                timeout = Durations.parse(node.get("timeout").asText());
            } catch (RuntimeException e) {
                return failed(where, kind, "timeout: " + e.getMessage());
            }
            if (!DurationRange.CHECK_TIMEOUT.contains(timeout)) {
                return failed(where, kind, "timeout: expected a duration " + DurationRange.CHECK_TIMEOUT.describe() + ", got '"
                        + node.get("timeout").asText() + "'");
            }
        }
        CheckProvider provider = providers.find(kind).orElse(null);
        if (provider == null) {
            return failed(where, kind, "unknown check kind '" + kind + "'; known kinds: " + providers.kinds());
        }
        List<String> problems = provider.validate(params);
        if (!problems.isEmpty()) {
            return failed(where, kind, String.join("; ", problems));
        }
        return runner.run(id, kind, params, timeout);
    }

    private CompletableFuture<CheckResult> failed(String where, String kind, String message) {
        // not from the runner, so redacted here (a parameter problem may echo a URL with its password)
        return CompletableFuture.completedFuture(new CheckResult(kind, kind, "", CheckStatus.ERROR, Map.of(),
                where + ": " + message, clock.instant(), Duration.ZERO).redacted());
    }

    static int parallelism(Args args) {
        String p = args.value("parallel", String.valueOf(BATCH_PARALLELISM));
        if (!p.matches("[0-9]{1,4}") || Integer.parseInt(p) < 1 || Integer.parseInt(p) > 1024) {
            throw new UsageException(args.command() + ": --parallel '" + p + "' is not a number of checks 1-1024");
        }
        return Integer.parseInt(p);
    }

    /**
     * The {@code --resolver host:port} values (repeatable, each may be a comma list), checked before any
     * check runs: a bad one is a usage error naming it (exit 1), not an ERROR result of every DNS check.
     * Host names are not resolved here.
     */
    static List<String> resolvers(Args args) {
        for (String value : args.values("resolver")) {
            for (String entry : value.split(",")) {
                String problem = Resolvers.syntaxProblem(entry.trim());
                if (problem != null) {
                    throw new UsageException(args.command() + ": --resolver '" + value + "': " + problem);
                }
            }
        }
        return args.values("resolver");
    }

    static Duration timeout(Args args) {
        String t = args.value("timeout", "10s");
        Duration d;
        try {
            d = Durations.parse(t);
        } catch (RuntimeException e) {
            throw new UsageException(args.command() + ": --timeout '" + t + "' is not a duration like 10s or 1m (" + e.getMessage() + ")");
        }
        if (!DurationRange.CHECK_TIMEOUT.contains(d)) {
            throw new UsageException(args.command() + ": --timeout '" + t + "' is out of range: expected a duration "
                    + DurationRange.CHECK_TIMEOUT.describe());
        }
        return d;
    }

    static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "switchman-check");
            t.setDaemon(true);
            return t;
        };
    }
}
