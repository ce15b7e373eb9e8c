package dev.switchman.app.cli;

import dev.switchman.checks.bench.DnsFanoutBench;
import dev.switchman.checks.bench.DnsperfPeer;
import dev.switchman.checks.bench.ParityBench;
import dev.switchman.checks.mail.PyspfPeer;
import dev.switchman.checks.mail.SpfSuite;
import dev.switchman.checks.testing.ConformanceFiles;
import dev.switchman.core.bench.ChatBenchmark;
import dev.switchman.core.bench.PeerBenchmark;
import dev.switchman.core.bench.Repeats;
import dev.switchman.rules.bench.RulesBenchmark;
import dev.switchman.simulator.bench.ReplayBenchmark;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code switchman bench NAME [--repeat N] [--peer PEER] [--format json] [options]}: the benchmarks
 * behind docs/benchmarks.md. Every benchmark runs through {@link Repeats}: {@code --repeat N} (default 1)
 * runs N repetitions and reports each varying figure as median, min and max, with the load average
 * at start and end; {@code --peer PEER} runs a {@link PeerBenchmark} (ours and the peer's figure
 * interleaved, the ratio, the peer's sanity). Exit 1 when the result says {@code "sane": false} (a
 * broken peer) or {@code "within-budget": false}; the reason goes to stderr as well.
 *
 * <p>To add a benchmark: a line in {@link #OPTIONS} (its own options; {@code repeat}, {@code peer} and
 * {@code format} are common), its peers in {@link #PEERS} if any, and a case in {@link #measure}.
 */
final class BenchCommand {

    /** Each benchmark's own options. */
    static final Map<String, Set<String>> OPTIONS = Map.of(
            "rules", Set.of("results"),
            "replay", Set.of("hours", "checks", "interval"),
            "dns", Set.of("names", "resolvers", "in-flight", "rounds", "peer-dns"),
            "spf", Set.of("suite", "evaluations", "peer-dns"),
            "parity", Set.of("rows"),
            "chat", Set.of("commands", "concurrency", "check-seconds", "backend"));
    /** The peers each benchmark can be compared with ({@code --peer}). */
    static final Map<String, Set<String>> PEERS = Map.of(
            "spf", Set.of("pyspf"),
            "dns", Set.of("dnsperf"),
            "parity", Set.of("naive"));
    /** Benchmarks that exist only as a comparison: {@code --peer} is required. */
    static final Set<String> PEER_ONLY = Set.of("spf");
    static final Set<String> COMMON = Set.of("format", "repeat", "peer");
    static final Args.Spec SPEC = spec();

    private final PrintStream out;
    private final PrintStream err;

    BenchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    private static Args.Spec spec() {
        Set<String> valued = new TreeSet<>(COMMON);
        OPTIONS.values().forEach(valued::addAll);
        return Args.Spec.of("bench", valued, Set.of());
    }

    /**
     * The sentence for a benchmark over its budget: what was over ({@code over-budget}, or ours in a
     * comparison, {@code ours-over-budget}; with --repeat, per repetition), else where to look.
     */
    static String overBudget(Map<String, Object> result) {
        Object what = result.containsKey("over-budget") ? result.get("over-budget") : result.get("ours-over-budget");
        if (what == null) {
            return "over budget (within-budget: false; the budget and the figures are in the output)";
        }
        return "over budget: " + flatten(what);
    }

    private static String flatten(Object o) {
        if (o instanceof List<?> list) {
            return String.join("; ", list.stream().filter(java.util.Objects::nonNull).map(BenchCommand::flatten).distinct().toList());
        }
        return String.valueOf(o);
    }

    int run(List<String> argv) throws Exception {
        Args args = Args.parse(SPEC, argv);
        if (args.help()) {
            out.println(Usage.BENCH);
            return ExitCodes.OK;
        }
        boolean json = args.json();
        if (args.positionals().size() != 1 || !OPTIONS.containsKey(args.positionals().get(0))) {
            throw new UsageException("bench: expected one benchmark, one of " + new TreeSet<>(OPTIONS.keySet())
                    + (args.positionals().isEmpty() ? "" : ", got " + String.join(" ", args.positionals())));
        }
        String name = args.positionals().get(0);
        checkOptions(name, argv);
        String peer = args.value("peer", null);
        Set<String> peers = PEERS.getOrDefault(name, Set.of());
        if (peer == null && PEER_ONLY.contains(name)) {
            throw new UsageException("bench " + name + ": --peer is required, one of " + new TreeSet<>(peers));
        }
        if (peer != null && !peers.contains(peer)) {
            throw new UsageException("bench " + name + ": --peer " + peer + " is not known; "
                    + (peers.isEmpty() ? "this benchmark has no peer" : "expected one of " + new TreeSet<>(peers)));
        }
        Map<String, Object> result = measure(name, peer, integer(args, "repeat", 1), args);
        if (json) {
            out.println(CheckOutput.toJson(result));
        } else {
            result.forEach((k, v) -> out.println(k + ": " + v));
        }
        if (Boolean.FALSE.equals(result.get("sane"))) {
            err.println("switchman bench " + name + ": the peer " + peer + " is not sane, so there is no comparison: " + result.get("sanity"));
            return ExitCodes.FAILED;
        }
        if (Boolean.FALSE.equals(result.get("within-budget"))) {
            err.println("switchman bench " + name + ": " + overBudget(result));
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }

    private static Map<String, Object> measure(String name, String peer, int repeat, Args args) throws Exception {
        return switch (name) {
            case "rules" -> {
                int results = integer(args, "results", 1_000_000);
                yield Repeats.run(repeat, rep -> RulesBenchmark.run(results));
            }
            case "replay" -> {
                int hours = integer(args, "hours", 72);
                int checks = integer(args, "checks", 50);
                String interval = args.value("interval", "10s");
                yield Repeats.run(repeat, rep -> ReplayBenchmark.run(hours, checks, interval));
            }
            case "dns" -> {
                int names = integer(args, "names", 100);
                int resolvers = integer(args, "resolvers", 20);
                int inFlight = integer(args, "in-flight", 32);
                if (peer != null) {
                    if (args.value("rounds", null) != null) {
                        throw new UsageException("bench dns: --rounds is not used with --peer (each repetition is one round on each side; use --repeat N)");
                    }
                    yield compare(repeat, DnsperfPeer.open("dnsperf", names, resolvers, inFlight, peerDns(args)));
                }
                int rounds = integer(args, "rounds", 3);
                yield Repeats.run(repeat, rep -> DnsFanoutBench.run(names, resolvers, inFlight, rounds));
            }
            case "chat" -> {
                String backend = args.value("backend", "transcript");
                int concurrency = integer(args, "concurrency", 200);
                int checkSeconds = integer(args, "check-seconds", 10);
                if (backend.equals("slack-http")) {
                    int commands = integer(args, "commands", concurrency);
                    yield Repeats.run(repeat, rep -> dev.switchman.app.serve.SlackChatBenchmark.run(commands, concurrency, checkSeconds));
                }
                if (!backend.equals("transcript")) {
                    throw new UsageException("bench chat: --backend must be transcript or slack-http, got '" + backend + "'");
                }
                int commands = integer(args, "commands", 2000);
                yield Repeats.run(repeat, rep -> ChatBenchmark.run(commands, concurrency, checkSeconds));
            }
            case "spf" -> compare(repeat, PyspfPeer.open(spfOptions(args)));
            case "parity" -> {
                int rows = integer(args, "rows", 1_000_000);
                try (ParityBench bench = ParityBench.open(rows)) {
                    if (peer == null) {
                        yield Repeats.run(repeat, rep -> bench.ours());
                    }
                    Map<String, Object> compared = Repeats.compare(repeat, bench);
                    if (compared.containsKey("ours-within-budget")) {
                        compared.put("within-budget", compared.get("ours-within-budget"));
                    }
                    yield compared;
                }
            }
            default -> throw new UsageException("bench: unknown benchmark '" + name + "'");
        };
    }

    private static PyspfPeer.Options spfOptions(Args args) {
        InetSocketAddress peerServer = peerDns(args);
        Path suite = args.value("suite", null) != null ? Path.of(args.value("suite", null))
                : ConformanceFiles.find("spf").orElseThrow(() -> new UsageException(
                        "bench spf: the SPF conformance suites were not found (../shared/conformance/spf from the project root); give --suite DIR"));
        if (!Files.isRegularFile(suite.resolve(SpfSuite.FILES.get(0)))) {
            throw new UsageException("bench spf: --suite " + suite + ": no " + SpfSuite.FILES.get(0) + " there");
        }
        return PyspfPeer.Options.of(suite).withEvaluations(integer(args, "evaluations", 3)).withPeerServer(peerServer);
    }

    /**
     * {@code --peer-dns host:port}: a loopback server the peer asks instead of ours (to watch the
     * benchmark fail against a broken peer), or null. Benchmarks send traffic nowhere but loopback.
     */
    static InetSocketAddress peerDns(Args args) {
        String hostPort = args.value("peer-dns", null);
        if (hostPort == null) {
            return null;
        }
        int colon = hostPort.lastIndexOf(':');
        try {
            InetSocketAddress a = new InetSocketAddress(InetAddress.getByName(hostPort.substring(0, colon)), Integer.parseInt(hostPort.substring(colon + 1)));
            if (a.getAddress().isLoopbackAddress()) {
                return a;
            }
        } catch (IOException | RuntimeException e) {
            // reported below
        }
        throw new UsageException(args.command() + ": --peer-dns must be a loopback host:port such as 127.0.0.1:5353, got '" + hostPort + "'");
    }

    /** Runs a peer comparison and closes it. */
    static Map<String, Object> compare(int repeat, PeerBenchmark bench) throws Exception {
        try (bench) {
            return Repeats.compare(repeat, bench);
        }
    }

    /** Rejects an option that belongs to another benchmark, naming the ones this benchmark takes. */
    private static void checkOptions(String name, List<String> argv) {
        Set<String> allowed = new TreeSet<>(COMMON);
        allowed.addAll(OPTIONS.get(name));
        for (String a : argv) {
            if (a.equals("--")) {
                return;
            }
            if (a.startsWith("--")) {
                String option = a.substring(2).split("=", 2)[0];
                if (!allowed.contains(option) && !option.equals("help")) {
                    throw new UsageException("bench " + name + ": option --" + option + " is not one of this benchmark's; expected one of "
                            + allowed.stream().map(o -> "--" + o).toList());
                }
            }
        }
    }

    static int integer(Args args, String name, int fallback) {
        String v = args.value(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(args.command() + ": --" + name + " must be a positive whole number, got '" + v + "'");
        }
    }
}
