package dev.switchman.checks.bench;

import dev.switchman.checks.dns.Deadline;
import dev.switchman.checks.dns.DnsAnswer;
import dev.switchman.checks.dns.DnsClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.xbill.DNS.Type;

/**
 * The DNS fan-out benchmark (docs/benchmarks.md): {@code names x types x resolvers} queries (default
 * 100 x 4 x 20 = 8,000) through {@link DnsClient} against loopback responders on distinct ports, all
 * in flight at once up to the client's bound. Budget: 3 s. Run with {@code switchman bench dns} or
 * {@code java -cp ... dev.switchman.checks.bench.DnsFanoutBench [names] [resolvers] [max-in-flight] [rounds]}.
 */
public final class DnsFanoutBench {

    static final int[] TYPES = {Type.A, Type.AAAA, Type.MX, Type.TXT};
    public static final Duration BUDGET = Duration.ofSeconds(3);

    private DnsFanoutBench() {
    }

    /** Defaults: 100 names, 20 resolvers, 32 queries in flight (loopback answers in microseconds; more in flight only adds scheduling), 1 warm-up + 5 measured rounds. */
    public static Map<String, Object> run() {
        return run(100, 20, 32, 5);
    }

    /**
     * Runs the benchmark after one uncounted warm-up round; the result has queries, answered, failed,
     * retries, rounds-s, best-s, median-s, mean-s, queries-per-s (best round), budget-s and
     * within-budget (median round under budget, no failures).
     */
    public static Map<String, Object> run(int names, int resolverCount, int maxInFlight, int rounds) {
        List<BenchResponder> responders = new ArrayList<>();
        try {
            for (int i = 0; i < resolverCount; i++) {
                responders.add(new BenchResponder());
            }
            List<InetSocketAddress> addresses = responders.stream().map(BenchResponder::address).toList();
            round(addresses, names, maxInFlight); // warm-up round (JIT, sockets, selector thread), not counted
            List<Double> seconds = new ArrayList<>();
            int[] last = null;
            long before = responders.stream().mapToLong(BenchResponder::received).sum();
            for (int r = 0; r < Math.max(1, rounds); r++) {
                long start = System.nanoTime();
                last = round(addresses, names, maxInFlight);
                seconds.add((System.nanoTime() - start) / 1e9);
            }
            long sent = responders.stream().mapToLong(BenchResponder::received).sum() - before;
            double best = seconds.stream().mapToDouble(Double::doubleValue).min().orElse(0);
            double mean = seconds.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double median = seconds.stream().sorted().toList().get(seconds.size() / 2);
            int queries = names * TYPES.length * resolverCount;
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("benchmark", "dns-fanout");
            out.put("names", names);
            out.put("types", TYPES.length);
            out.put("resolvers", resolverCount);
            out.put("queries", queries);
            out.put("max-in-flight", maxInFlight);
            out.put("answered", last[0]);
            out.put("failed", last[1]);
            out.put("retries", sent - (long) queries * Math.max(1, rounds));
            out.put("rounds-s", seconds.stream().map(s -> Math.round(s * 1000) / 1000.0).toList());
            out.put("best-s", Math.round(best * 1000) / 1000.0);
            out.put("mean-s", Math.round(mean * 1000) / 1000.0);
            out.put("median-s", Math.round(median * 1000) / 1000.0);
            out.put("queries-per-s", Math.round(queries / best));
            out.put("budget-s", BUDGET.toSeconds());
            out.put("within-budget", median <= BUDGET.toSeconds() && last[1] == 0);
            List<String> over = new ArrayList<>();
            if (median > BUDGET.toSeconds()) {
                over.add("median round " + Math.round(median * 1000) / 1000.0 + " s, budget " + BUDGET.toSeconds() + " s");
            }
            if (last[1] > 0) {
                over.add(last[1] + " of " + queries + " queries failed");
            }
            if (!over.isEmpty()) {
                out.put("over-budget", over);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("could not start the loopback responders: " + e.getMessage(), e);
        } finally {
            responders.forEach(BenchResponder::close);
        }
    }

    /** The benchmark's n-th name, under the responder's zone. */
    static String name(int n) {
        return "host" + n + ".bench.test";
    }

    /** One round: every name x type x resolver (a resolver may be listed more than once); returns {answered, failed}. */
    static int[] round(List<InetSocketAddress> resolvers, int names, int maxInFlight) {
        DnsClient client = DnsClient.of(resolvers, Duration.ofSeconds(2), maxInFlight);
        Deadline deadline = Deadline.after(Duration.ofSeconds(30));
        List<CompletableFuture<DnsAnswer>> all = new ArrayList<>(names * TYPES.length * resolvers.size());
        for (InetSocketAddress r : resolvers) {
            for (int n = 0; n < names; n++) {
                for (int type : TYPES) {
                    all.add(client.queryServer(r, name(n), type, deadline));
                }
            }
        }
        int answered = 0;
        int failed = 0;
        for (CompletableFuture<DnsAnswer> f : all) {
            if (f.join().outcome() == DnsAnswer.Outcome.ANSWER) {
                answered++;
            } else {
                failed++;
            }
        }
        return new int[] {answered, failed};
    }

    public static void main(String[] args) {
        int names = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int resolvers = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int inFlight = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        Map<String, Object> result = run(names, resolvers, inFlight, rounds);
        StringBuilder json = new StringBuilder("{");
        result.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":")
                .append(v instanceof String ? "\"" + v + "\"" : String.valueOf(v).replace(" ", "")));
        System.out.println(json.append('}'));
        System.exit(Boolean.TRUE.equals(result.get("within-budget")) ? 0 : 1);
    }
}
