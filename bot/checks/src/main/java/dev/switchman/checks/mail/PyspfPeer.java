package dev.switchman.checks.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchman.checks.bench.PeerProcess;
import dev.switchman.checks.dns.Deadline;
import dev.switchman.checks.dns.DnsClient;
import dev.switchman.checks.testing.DnsTestServer;
import dev.switchman.checks.testing.Zone;
import dev.switchman.core.bench.PeerBenchmark;
import dev.switchman.core.bench.Sanity;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code switchman bench spf --peer pyspf}: {@code mail.spf}'s evaluator beside pyspf (Debian
 * python3-spf) on the SPF conformance suites (410 cases), both asking the same loopback DNS server per
 * suite section ({@link DnsTestServer}, silent where the suite says TIMEOUT), 250 ms per DNS query.
 *
 * <p>Sanity, before any timing: pyspf evaluates every case once and must agree with the suite on at
 * least its known count of cases ({@link #KNOWN_AGREEMENT}: its count when it asks the right server). A pyspf that asks
 * the system resolver instead (dnspython installed beside pydns, and only pydns configured) answers
 * {@code none} almost everywhere and fails here. pyspf's resolver is set explicitly whichever DNS
 * library it picked (see {@code pyspf-peer.py}). Each timed run must repeat the verdicts of the
 * sanity pass.
 *
 * <p>Figure: microseconds per evaluation, the median over the timed cases of each case's median of
 * {@link Options#evaluations()} evaluations (after one untimed pass). Timed cases are those both sides
 * evaluated in under 100 ms in the sanity pass: the others wait for DNS timeouts, which measures the
 * timeout setting, not the evaluator.
 */
public final class PyspfPeer implements PeerBenchmark {

    /**
     * How many of the suites' 410 cases pyspf 2.0.14 gets right when it asks the right server, by the DNS
     * library it picked (measured here; strict mode): with pydns 406 (it fails {@code a-dash-in-toplabel}
     * in both RFC suites and its own lax {@code default-modifier} tests), with dnspython 2.3 407 (the
     * {@code default-modifier} pair and {@code ptr-cname-loop}, where it answers temperror).
     */
    public static final Map<String, Integer> KNOWN_AGREEMENT = Map.of("pydns", 406, "dnspython", 407);
    static final Duration QUERY_TIMEOUT = Duration.ofMillis(250);
    static final long SLOW_US = 100_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param suiteDir    the directory of the SPF suites (/work/shared/conformance/spf)
     * @param python      the interpreter that has pyspf (default: $SWITCHMAN_PYTHON, else /usr/bin/python3)
     * @param peerServer  null: pyspf asks each section's server, as we do; else pyspf asks this loopback
     *                    server for every case (to show the benchmark failing against a broken peer)
     * @param evaluations timed evaluations per case and repetition (median taken)
     */
    public record Options(Path suiteDir, String python, InetSocketAddress peerServer, int evaluations) {
        public Options {
            if (peerServer != null && !peerServer.getAddress().isLoopbackAddress()) {
                throw new IllegalArgumentException("the peer's DNS server must be on loopback, got " + peerServer);
            }
        }

        public static Options of(Path suiteDir) {
            return new Options(suiteDir, PeerProcess.python(), null, 3);
        }

        public Options withPython(String python) {
            return new Options(suiteDir, python, peerServer, evaluations);
        }

        public Options withPeerServer(InetSocketAddress server) {
            return new Options(suiteDir, python, server, evaluations);
        }

        public Options withEvaluations(int n) {
            return new Options(suiteDir, python, peerServer, n);
        }
    }

    private record Item(String id, SpfSuite.Case c, InetSocketAddress server, DnsClient client) {
    }

    /** One side's pass over some cases: verdict and median microseconds per case id. */
    record Pass(Map<String, String> verdicts, Map<String, Double> micros) {
    }

    private final Options options;
    private final List<DnsTestServer> servers;
    private final List<Item> items;
    private final PeerProcess process;
    private List<Item> timed = List.of();
    private Map<String, String> peerVerdicts = Map.of();
    private int oursAgree;
    private int theirsAgree;
    private String version = "?";
    private String backend = "?";

    private PyspfPeer(Options options, List<DnsTestServer> servers, List<Item> items, PeerProcess process) {
        this.options = options;
        this.servers = servers;
        this.items = items;
        this.process = process;
    }

    /** Reads the suites and starts one loopback DNS server per section. */
    public static PyspfPeer open(Options options) throws IOException {
        List<DnsTestServer> servers = new ArrayList<>();
        List<Item> items = new ArrayList<>();
        try {
            for (String suite : SpfSuite.FILES) {
                for (SpfSuite.Section section : SpfSuite.read(options.suiteDir().resolve(suite))) {
                    DnsTestServer server = DnsTestServer.start(section.zone().timeoutMode(Zone.TimeoutMode.DROP));
                    servers.add(server);
                    for (SpfSuite.Case c : section.cases()) {
                        items.add(new Item(suite + " / " + section.description() + " / " + c.name(), c, server.address(),
                                DnsClient.of(List.of(server.address()), QUERY_TIMEOUT, 64)));
                    }
                }
            }
            return new PyspfPeer(options, servers, items, PeerProcess.withScript("pyspf", "pyspf-peer.py"));
        } catch (IOException | RuntimeException e) {
            servers.forEach(DnsTestServer::close);
            throw e;
        }
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("benchmark", "spf");
        m.put("peer", "pyspf");
        m.put("peer-version", version);
        m.put("peer-dns", backend);
        m.put("cases", items.size());
        m.put("timed-cases", timed.size());
        m.put("evaluations", options.evaluations());
        m.put("dns-timeout-ms", QUERY_TIMEOUT.toMillis());
        return m;
    }

    @Override
    public String unit() {
        return "us-per-evaluation";
    }

    @Override
    public boolean lowerIsBetter() {
        return true;
    }

    @Override
    public Sanity checkPeer() throws Exception {
        Sanity installed = process.importable(options.python(), "spf", "apt-get install python3-spf");
        if (!installed.sane()) {
            return installed;
        }
        Pass ours = oursPass(items, 1);
        Pass theirs;
        try {
            theirs = peerPass(items, 1, true);
        } catch (PeerProcess.Failure e) {
            return Sanity.broken(e.getMessage());
        }
        Map<String, List<String>> expected = new LinkedHashMap<>();
        items.forEach(i -> expected.put(i.id(), i.c().results()));
        oursAgree = agreements(expected, ours.verdicts());
        theirsAgree = agreements(expected, theirs.verdicts());
        peerVerdicts = theirs.verdicts();
        timed = items.stream()
                .filter(i -> ours.micros().get(i.id()) < SLOW_US && theirs.micros().getOrDefault(i.id(), Double.MAX_VALUE) < SLOW_US)
                .toList();
        return sanity(expected, theirs.verdicts(), known(backend));
    }

    /**
     * Whether pyspf's verdicts agree with the suite on at least {@code known} cases. {@code expected}:
     * the results each case accepts, by case id; {@code verdicts}: pyspf's result by case id (a missing
     * one counts as a disagreement). The reason of a failure says which answers pyspf gave instead.
     */
    static Sanity sanity(Map<String, List<String>> expected, Map<String, String> verdicts, int known) {
        int agree = agreements(expected, verdicts);
        if (agree >= known) {
            return Sanity.ok("pyspf agrees with the suite on " + agree + " of " + expected.size() + " cases (at least " + known + " expected)");
        }
        List<Map.Entry<String, List<String>>> wrong = expected.entrySet().stream().filter(e -> !agrees(e.getValue(), verdicts.get(e.getKey()))).toList();
        Map<String, Long> instead = wrong.stream()
                .collect(Collectors.groupingBy(e -> String.valueOf(verdicts.getOrDefault(e.getKey(), "no answer")), TreeMap::new, Collectors.counting()));
        return Sanity.broken("pyspf agrees with the suite on only " + agree + " of " + expected.size() + " cases, at least " + known
                + " expected; where it disagrees it answered " + instead.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", "))
                + " (is it asking the right DNS server?), e.g. " + wrong.stream().limit(3)
                        .map(e -> e.getKey() + ": " + verdicts.get(e.getKey()) + ", suite expects " + e.getValue()).collect(Collectors.joining("; ")));
    }

    /** The known count for the backend pyspf reported ("dnspython 2.3.0", "pydns"); the lowest one for any other. */
    static int known(String backend) {
        return KNOWN_AGREEMENT.getOrDefault(backend.split(" ")[0], KNOWN_AGREEMENT.values().stream().min(Integer::compare).orElseThrow());
    }

    static int agreements(Map<String, List<String>> expected, Map<String, String> verdicts) {
        return (int) expected.entrySet().stream().filter(e -> agrees(e.getValue(), verdicts.get(e.getKey()))).count();
    }

    private static boolean agrees(List<String> accepted, String verdict) {
        return verdict != null && accepted.contains(verdict);
    }

    @Override
    public Measured ours(int repetition) {
        Pass p = oursPass(timed, options.evaluations());
        return Measured.ours(median(p.micros().values()), details(p, oursAgree));
    }

    @Override
    public Measured peer(int repetition) throws Exception {
        Pass p;
        try {
            p = peerPass(timed, options.evaluations(), false);
        } catch (PeerProcess.Failure e) {
            return new Measured(0, Sanity.broken(e.getMessage()), Map.of());
        }
        List<String> changed = timed.stream().map(Item::id)
                .filter(id -> !String.valueOf(peerVerdicts.get(id)).equals(p.verdicts().get(id)))
                .map(id -> id + ": " + peerVerdicts.get(id) + " -> " + p.verdicts().get(id)).toList();
        Sanity s = changed.isEmpty()
                ? Sanity.ok("pyspf repeated its verdicts on the " + timed.size() + " timed cases")
                : Sanity.broken("pyspf changed its verdict on " + changed.size() + " cases since the sanity pass, e.g. " + changed.get(0));
        return new Measured(median(p.micros().values()), s, details(p, theirsAgree));
    }

    private static Map<String, Object> details(Pass p, int agree) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("agrees", agree);
        m.put("total-ms", Math.round(p.micros().values().stream().mapToDouble(Double::doubleValue).sum() / 10) / 100.0);
        return m;
    }

    private Pass oursPass(List<Item> cases, int evaluations) {
        if (evaluations > 1) {
            cases.forEach(i -> evaluate(i)); // warm-up, as the peer's script does
        }
        Map<String, String> verdicts = new LinkedHashMap<>();
        Map<String, Double> micros = new LinkedHashMap<>();
        double[] t = new double[evaluations];
        for (Item i : cases) {
            String verdict = null;
            for (int r = 0; r < evaluations; r++) {
                long t0 = System.nanoTime();
                verdict = evaluate(i);
                t[r] = (System.nanoTime() - t0) / 1e3;
            }
            verdicts.put(i.id(), verdict);
            micros.put(i.id(), median(Arrays.stream(t).boxed().toList()));
        }
        return new Pass(verdicts, micros);
    }

    private static String evaluate(Item i) {
        return new SpfEvaluator(i.client(), Deadline.after(Duration.ofSeconds(20)), null, 0, "DEFAULT")
                .evaluate(i.c().host(), i.c().mailfrom(), i.c().helo(), null).result().rfcName();
    }

    private Pass peerPass(List<Item> cases, int evaluations, boolean verdictsOnly) throws IOException, InterruptedException, PeerProcess.Failure {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Item i : cases) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", i.id());
            m.put("host", i.c().host());
            m.put("port", i.server().getPort());
            m.put("mailfrom", i.c().mailfrom());
            m.put("helo", i.c().helo());
            list.add(m);
        }
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("server", options.peerServer() == null ? null
                : List.of(options.peerServer().getAddress().getHostAddress(), options.peerServer().getPort()));
        in.put("cases", list);
        List<String> args = new ArrayList<>(List.of(String.valueOf(evaluations)));
        if (verdictsOnly) {
            args.add("verdicts");
        }
        JsonNode out = process.run(options.python(), JSON.valueToTree(in), args);
        version = out.path("version").asText("?");
        backend = out.path("backend").asText("?");
        Map<String, String> verdicts = new LinkedHashMap<>();
        Map<String, Double> micros = new LinkedHashMap<>();
        for (JsonNode r : out.path("results")) {
            verdicts.put(r.path("id").asText(), r.path("result").asText());
            micros.put(r.path("id").asText(), r.path("us").asDouble());
        }
        return new Pass(verdicts, micros);
    }

    static double median(java.util.Collection<Double> values) {
        List<Double> s = values.stream().sorted().toList();
        if (s.isEmpty()) {
            return 0;
        }
        int n = s.size();
        double m = n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
        return Math.round(m * 10) / 10.0;
    }

    @Override
    public void close() {
        servers.forEach(DnsTestServer::close);
        process.close();
    }
}
