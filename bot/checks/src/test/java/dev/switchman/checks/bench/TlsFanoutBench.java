package dev.switchman.checks.bench;

import dev.switchman.checks.tls.TestPki;
import dev.switchman.checks.tls.TlsCertificateProvider;
import dev.switchman.checks.tls.TlsTestServer;
import dev.switchman.core.check.CheckRequest;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * TLS checks of N hosts in parallel: N SNI names spread over a few loopback TLS servers, each name
 * with its own leaf (EC P-256) under one intermediate and a private root given as {@code ca}.
 * Measures the wall time of one fan-out (after one warm-up fan-out) and per-check latency.
 *
 * <pre>java -cp ... dev.switchman.checks.bench.TlsFanoutBench [hosts=100] [servers=4] [threads=32]</pre>
 */
public final class TlsFanoutBench {

    private TlsFanoutBench() {
    }

    public static Map<String, Object> run(int hosts, int servers, int threads) throws Exception {
        TestPki.Issued root = TestPki.root("Bench Root");
        TestPki.Issued intermediate = TestPki.intermediate("Bench Intermediate", root);
        Path dir = Files.createTempDirectory("tls-bench");
        Path rootPem = TestPki.writePem(dir.resolve("root.pem"), root.cert());
        List<Map<String, TlsTestServer.Identity>> perServer = new ArrayList<>();
        for (int s = 0; s < servers; s++) {
            perServer.add(new LinkedHashMap<>());
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < hosts; i++) {
            String name = "host-" + i + ".bench.test";
            names.add(name);
            TestPki.Issued leaf = TestPki.spec().subject("CN=" + name).dns(name).issuedBy(intermediate);
            perServer.get(i % servers).put(name, TlsTestServer.Identity.of(leaf.key(), leaf.cert(), intermediate.cert()));
        }
        List<TlsTestServer> running = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (Map<String, TlsTestServer.Identity> m : perServer) {
                running.add(TlsTestServer.startSni(m, Math.max(4, threads / servers + 1)));
            }
            TlsCertificateProvider provider = new TlsCertificateProvider();
            fanOut(provider, names, running, servers, rootPem, pool); // warm-up: JIT, trust store, class loading
            long start = System.nanoTime();
            long[] perCheck = fanOut(provider, names, running, servers, rootPem, pool);
            long wallNanos = System.nanoTime() - start;
            long passes = perCheck[perCheck.length - 1];
            long[] lat = Arrays.copyOf(perCheck, perCheck.length - 1);
            Arrays.sort(lat);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("hosts", hosts);
            out.put("servers", servers);
            out.put("threads", threads);
            out.put("pass", passes);
            out.put("wall-ms", wallNanos / 1_000_000);
            out.put("checks-per-s", Math.round(hosts / (wallNanos / 1e9)));
            out.put("p50-ms", lat[lat.length / 2] / 1_000_000.0);
            out.put("p99-ms", lat[Math.min(lat.length - 1, (int) Math.ceil(lat.length * 0.99) - 1)] / 1_000_000.0);
            out.put("cores", Runtime.getRuntime().availableProcessors());
            return out;
        } finally {
            pool.shutdownNow();
            for (TlsTestServer s : running) {
                s.close();
            }
        }
    }

    /** Per-check nanoseconds, then the number of PASS results as the last element. */
    private static long[] fanOut(TlsCertificateProvider provider, List<String> names, List<TlsTestServer> servers, int serverCount,
                                 Path rootPem, ExecutorService pool) throws Exception {
        List<Future<long[]>> futures = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            int port = servers.get(i % serverCount).port();
            futures.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                Map<String, String> p = Map.of("host", name, "address", "127.0.0.1", "port", String.valueOf(port), "ca", rootPem.toString());
                CheckResult r = provider.run(CheckRequest.of("bench", TlsCertificateProvider.KIND, p, Duration.ofSeconds(30), Clock.systemUTC()));
                return new long[] {System.nanoTime() - t0, r.status() == CheckStatus.PASS ? 1 : 0};
            }));
        }
        long[] out = new long[names.size() + 1];
        for (int i = 0; i < futures.size(); i++) {
            long[] r = futures.get(i).get();
            out[i] = r[0];
            out[names.size()] += r[1];
        }
        return out;
    }

    public static void main(String[] args) throws Exception {
        int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int servers = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        Map<String, Object> r = run(hosts, servers, threads);
        StringBuilder json = new StringBuilder("{");
        r.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        System.out.println(json.append('}'));
        System.exit(0);
    }
}
