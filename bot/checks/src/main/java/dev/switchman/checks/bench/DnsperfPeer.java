package dev.switchman.checks.bench;

import dev.switchman.core.bench.PeerBenchmark;
import dev.switchman.core.bench.Sanity;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xbill.DNS.Type;

/**
 * {@code switchman bench dns --peer dnsperf}: the DNS fan-out beside Debian's {@code dnsperf}, the tool
 * a DNS engineer measures resolvers with, against the same loopback responder ({@link BenchResponder}),
 * with the same query list and the same concurrency.
 *
 * <p>The mapping of the budget's workload (100 names x 4 types x 20 resolvers = 8,000 queries): dnsperf
 * asks one server, so both sides ask one responder; the 20 resolvers become 20 passes over the 400
 * queries ({@code host<n>.bench.test} x A, AAAA, MX, TXT). Ours: one {@code DnsFanoutBench} round whose
 * resolver list is that responder 20 times, at most {@code in-flight} queries outstanding. dnsperf:
 * the 400 queries as its data file, {@code -n 20} (passes), {@code -q in-flight} (outstanding),
 * {@code -c 1 -T 1} (one client socket, one thread), {@code -t 2} (2 s timeout, as ours).
 *
 * <p>Figure: queries per second (ours: queries / wall time of the round; dnsperf: its own "Queries per
 * second"). Sanity: dnsperf sent every query, every one completed with NOERROR, none lost; checked in
 * a first, untimed run and in every repetition. Before that, a probe of {@code in-flight} queries (one
 * pass) fails fast on a server that answers nothing. Our side must answer every query too.
 */
public final class DnsperfPeer implements PeerBenchmark {

    static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final Pattern SENT = Pattern.compile("Queries sent:\\s+(\\d+)");
    private static final Pattern COMPLETED = Pattern.compile("Queries completed:\\s+(\\d+)");
    private static final Pattern LOST = Pattern.compile("Queries lost:\\s+(\\d+)");
    private static final Pattern NOERROR = Pattern.compile("Response codes:.*?NOERROR (\\d+)");
    private static final Pattern QPS = Pattern.compile("Queries per second:\\s+([0-9.]+)");
    private static final Pattern RUN_TIME = Pattern.compile("Run time \\(s\\):\\s+([0-9.]+)");
    private static final Pattern VERSION = Pattern.compile("Version (\\S+)");

    /** What dnsperf reported: queries sent, completed, lost, answered NOERROR, its run time and rate. */
    record Statistics(long sent, long completed, long lost, long noError, double runTimeS, double queriesPerS) {
    }

    private final String program;
    private final int names;
    private final int passes;
    private final int inFlight;
    private final BenchResponder responder;
    private final InetSocketAddress peerServer;
    private final PeerProcess process;
    private final Path queries;
    private final Path probeQueries;
    private final int probeCount;
    private String version = "?";

    private DnsperfPeer(String program, int names, int passes, int inFlight, BenchResponder responder, InetSocketAddress peerServer,
            PeerProcess process) throws IOException {
        this.program = program;
        this.peerServer = peerServer == null ? responder.address() : peerServer;
        this.names = names;
        this.passes = passes;
        this.inFlight = inFlight;
        this.responder = responder;
        this.process = process;
        List<String> lines = new ArrayList<>();
        for (int n = 0; n < names; n++) {
            for (int type : DnsFanoutBench.TYPES) {
                lines.add(DnsFanoutBench.name(n) + " " + Type.string(type));
            }
        }
        this.queries = Files.write(process.dir().resolve("queries.txt"), lines);
        this.probeCount = Math.min(lines.size(), inFlight);
        this.probeQueries = Files.write(process.dir().resolve("probe.txt"), lines.subList(0, probeCount));
    }

    /**
     * Starts the loopback responder. {@code program}: the dnsperf to run ("dnsperf" on the PATH);
     * {@code passes}: the budget's resolvers, as passes over the names x types queries; {@code peerServer}:
     * null (dnsperf asks our responder, as we do), or a loopback server dnsperf asks instead (to show
     * the benchmark failing against a broken peer).
     */
    public static DnsperfPeer open(String program, int names, int passes, int inFlight, InetSocketAddress peerServer) throws IOException {
        if (peerServer != null && !peerServer.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("the peer's DNS server must be on loopback, got " + peerServer);
        }
        BenchResponder responder = new BenchResponder();
        try {
            return new DnsperfPeer(program, names, passes, inFlight, responder, peerServer, PeerProcess.of("dnsperf"));
        } catch (IOException | RuntimeException e) {
            responder.close();
            throw e;
        }
    }

    private int queryCount() {
        return names * DnsFanoutBench.TYPES.length * passes;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("benchmark", "dns");
        m.put("peer", "dnsperf");
        m.put("peer-version", version);
        m.put("names", names);
        m.put("types", DnsFanoutBench.TYPES.length);
        m.put("passes", passes);
        m.put("queries", queryCount());
        m.put("in-flight", inFlight);
        m.put("server", "one loopback responder, shared");
        return m;
    }

    @Override
    public String unit() {
        return "queries-per-s";
    }

    @Override
    public boolean lowerIsBetter() {
        return false;
    }

    @Override
    public Sanity checkPeer() throws Exception {
        PeerProcess.Result help = execOrMissing(List.of(program, "-h"));
        if (help == null || help.exit() != 0) {
            return Sanity.broken("dnsperf is not installed: cannot run " + program + " (apt-get install dnsperf)"
                    + (help == null ? "" : ": " + PeerProcess.tail(help.output())));
        }
        Matcher v = VERSION.matcher(help.output());
        version = v.find() ? v.group(1) : "?";
        ourRound(); // warm-up of our side (JIT, sockets), not counted
        // a first look with one query per slot in flight: a server that drops queries shows in one
        // timeout (2 s), not after the whole workload has timed out query by query (minutes)
        Run probe = dnsperf(probeQueries, 1);
        if (!probe.sanity.sane()) {
            return Sanity.broken(probe.sanity.evidence() + " in a first probe of " + peerServer.getAddress().getHostAddress() + ":"
                    + peerServer.getPort());
        }
        return dnsperf().sanity;
    }

    private PeerProcess.Result execOrMissing(List<String> command) throws InterruptedException {
        try {
            return process.exec(command, TIMEOUT);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public Measured ours(int repetition) {
        long t0 = System.nanoTime();
        int[] answeredFailed = ourRound();
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("answered", answeredFailed[0]);
        d.put("failed", answeredFailed[1]);
        d.put("run-time-s", Math.round(seconds * 1000) / 1000.0);
        Sanity s = answeredFailed[1] == 0 ? Sanity.ok("answered all " + queryCount())
                : Sanity.broken("Switchman's client failed " + answeredFailed[1] + " of " + queryCount() + " queries");
        return new Measured(Math.round(queryCount() / seconds), s, d);
    }

    private int[] ourRound() {
        return DnsFanoutBench.round(Collections.nCopies(passes, responder.address()), names, inFlight);
    }

    @Override
    public Measured peer(int repetition) throws Exception {
        Run r = dnsperf();
        Map<String, Object> d = new LinkedHashMap<>();
        if (r.stats != null) {
            d.put("completed", r.stats.completed());
            d.put("lost", r.stats.lost());
            d.put("run-time-s", r.stats.runTimeS());
        }
        return new Measured(r.stats == null ? 0 : Math.round(r.stats.queriesPerS()), r.sanity, d);
    }

    private record Run(Statistics stats, Sanity sanity) {
    }

    private Run dnsperf() throws InterruptedException {
        return dnsperf(queries, passes);
    }

    private Run dnsperf(Path data, int runs) throws InterruptedException {
        InetSocketAddress a = peerServer;
        List<String> command = List.of(program, "-s", a.getAddress().getHostAddress(), "-p", String.valueOf(a.getPort()),
                "-d", data.toString(), "-n", String.valueOf(runs), "-q", String.valueOf(inFlight), "-c", "1", "-T", "1", "-t", "2");
        PeerProcess.Result r = execOrMissing(command);
        if (r == null) {
            return new Run(null, Sanity.broken("dnsperf is not installed: cannot run " + program + " (apt-get install dnsperf)"));
        }
        Statistics stats = parse(r.output());
        if (r.exit() != 0 || stats == null) {
            return new Run(stats, Sanity.broken("dnsperf failed (exit " + r.exit() + "): " + PeerProcess.tail(r.output())));
        }
        return new Run(stats, sanity(stats, data == queries ? queryCount() : (long) probeCount * runs));
    }

    /** dnsperf's statistics block, or null when its output has none (it did not run to the end). */
    static Statistics parse(String output) {
        Matcher sent = SENT.matcher(output);
        Matcher completed = COMPLETED.matcher(output);
        Matcher lost = LOST.matcher(output);
        Matcher qps = QPS.matcher(output);
        Matcher runTime = RUN_TIME.matcher(output);
        if (!(sent.find() && completed.find() && lost.find() && qps.find() && runTime.find())) {
            return null;
        }
        Matcher noError = NOERROR.matcher(output);
        return new Statistics(Long.parseLong(sent.group(1)), Long.parseLong(completed.group(1)), Long.parseLong(lost.group(1)),
                noError.find() ? Long.parseLong(noError.group(1)) : 0, Double.parseDouble(runTime.group(1)), Double.parseDouble(qps.group(1)));
    }

    /** Sane when dnsperf sent all {@code expected} queries and every one completed with NOERROR, none lost. */
    static Sanity sanity(Statistics s, long expected) {
        if (s.sent() != expected) {
            return Sanity.broken("dnsperf sent " + s.sent() + " queries, " + expected + " expected");
        }
        if (s.lost() > 0 || s.completed() != s.sent()) {
            return Sanity.broken("dnsperf lost " + s.lost() + " of " + s.sent() + " queries (" + s.completed() + " completed)");
        }
        if (s.noError() != s.completed()) {
            return Sanity.broken("dnsperf got NOERROR for only " + s.noError() + " of " + s.completed() + " answers");
        }
        return Sanity.ok("dnsperf answered every query: " + s.completed() + " of " + expected + " NOERROR, none lost");
    }

    @Override
    public void close() {
        responder.close();
        process.close();
    }
}
