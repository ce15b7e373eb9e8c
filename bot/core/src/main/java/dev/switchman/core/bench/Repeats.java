package dev.switchman.core.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Repetitions of a benchmark, summarised: the common plumbing of every {@code switchman bench}
 * command ({@code --repeat N}). On a shared machine one figure means little (the same build gave 164k
 * and 436k results/s within an hour), so a benchmark runs {@code N} times and reports, for every
 * figure, the median, min and max, with the machine's load average at start and end.
 *
 * <p>Use: {@code Repeats.run(n, rep -> RulesBenchmark.run(results))} for a benchmark on its own, or
 * {@code Repeats.compare(n, peerBenchmark)} for one against a peer (see {@link PeerBenchmark}).
 *
 * <p>Shape of the summary (one JSON object): every key of the repetitions' maps, in the first one's
 * order; a number that is the same in every repetition stays a number, one that varied becomes
 * {@code {"median": m, "min": a, "max": b}} (median of an even count: mean of the middle two); a
 * boolean such as {@code within-budget} is the median repetition's verdict (true in more than half of
 * them); any other value that varied becomes the list of per-repetition values. A peer's sanity is
 * not folded: one broken repetition fails the comparison ({@link #compare}). Then {@code repeat} (N), {@code load-start} and {@code load-end}
 * ({@code [1 min, 5 min, 15 min]}, null where {@code /proc/loadavg} is absent).
 */
public final class Repeats {

    /** One repetition of a benchmark: its figures as JSON values (numbers, strings, booleans, lists, maps). */
    @FunctionalInterface
    public interface Trial {
        Map<String, Object> run(int repetition) throws Exception;
    }

    private Repeats() {
    }

    /** Runs {@code count} (at least 1) repetitions one after another and summarises them. */
    public static Map<String, Object> run(int count, Trial trial) throws Exception {
        return run(count, trial, LoadAverage::read);
    }

    static Map<String, Object> run(int count, Trial trial, Supplier<Optional<LoadAverage>> load) throws Exception {
        Optional<LoadAverage> start = start(count, load);
        List<Map<String, Object>> runs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            runs.add(trial.run(i));
        }
        return withLoad(summarize(runs), count, start, load.get());
    }

    /**
     * Compares Switchman with a peer: checks the peer first (a broken peer gives {@code sane: false},
     * the reason, and no figures), then runs {@code count} interleaved repetitions of both sides. The
     * summary has the peer's parameters, {@code unit}, {@code ours}, {@code theirs}, {@code ratio}
     * (theirs/ours for times, ours/theirs for rates: above 1, Switchman is faster), {@code ratio-is},
     * each side's details prefixed {@code ours-} and {@code theirs-}, {@code sane} and {@code sanity}
     * (the evidence). A repetition whose peer run (or our own) is not sane ends the comparison there, as a failure:
     * a failed comparison has the parameters, {@code unit}, {@code sane: false} and the reason in
     * {@code sanity}, and no figures.
     */
    public static Map<String, Object> compare(int count, PeerBenchmark bench) throws Exception {
        return compare(count, bench, LoadAverage::read);
    }

    static Map<String, Object> compare(int count, PeerBenchmark bench, Supplier<Optional<LoadAverage>> load) throws Exception {
        Optional<LoadAverage> start = start(count, load);
        Sanity sanity = bench.checkPeer();
        if (!sanity.sane()) {
            return withLoad(failed(bench, sanity), count, start, load.get());
        }
        List<Map<String, Object>> runs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            PeerBenchmark.Measured ours;
            PeerBenchmark.Measured theirs;
            if (i % 2 == 0) {
                ours = bench.ours(i);
                theirs = bench.peer(i);
            } else {
                theirs = bench.peer(i);
                ours = bench.ours(i);
            }
            Sanity both = ours.sanity().sane() ? theirs.sanity() : Sanity.broken("our side: " + ours.sanity().evidence());
            if (!both.sane()) {
                Sanity broken = Sanity.broken("repetition " + (i + 1) + " of " + count + ": " + both.evidence());
                return withLoad(failed(bench, broken), count, start, load.get());
            }
            runs.add(comparison(bench, ours, theirs));
        }
        Map<String, Object> summary = summarize(runs);
        summary.put("sane", sanity.sane());
        summary.put("sanity", sanity.evidence());
        return withLoad(summary, count, start, load.get());
    }

    /** A failed comparison: what was compared, and why it failed; no figures. */
    private static Map<String, Object> failed(PeerBenchmark bench, Sanity why) {
        Map<String, Object> failed = new LinkedHashMap<>(bench.parameters());
        failed.put("unit", bench.unit());
        failed.put("sane", false);
        failed.put("sanity", why.evidence());
        return failed;
    }

    private static Optional<LoadAverage> start(int count, Supplier<Optional<LoadAverage>> load) {
        if (count < 1) {
            throw new IllegalArgumentException("repeat must be at least 1, got " + count);
        }
        return load.get();
    }

    private static Map<String, Object> comparison(PeerBenchmark bench, PeerBenchmark.Measured ours, PeerBenchmark.Measured theirs) {
        Map<String, Object> m = new LinkedHashMap<>(bench.parameters());
        m.put("unit", bench.unit());
        m.put("ours", ours.figure());
        m.put("theirs", theirs.figure());
        m.put("ratio", ratio(bench.lowerIsBetter(), ours.figure(), theirs.figure()));
        m.put("ratio-is", bench.lowerIsBetter() ? "theirs/ours (above 1: Switchman is faster)" : "ours/theirs (above 1: Switchman is faster)");
        ours.details().forEach((k, v) -> m.put("ours-" + k, v));
        theirs.details().forEach((k, v) -> m.put("theirs-" + k, v));
        return m;
    }

    /** How many times faster Switchman is (above 1) or slower (below 1); rounded to 3 decimals. */
    static double ratio(boolean lowerIsBetter, double ours, double theirs) {
        double r = lowerIsBetter ? theirs / ours : ours / theirs;
        return Math.round(r * 1000) / 1000.0;
    }

    private static Map<String, Object> withLoad(Map<String, Object> summary, int count, Optional<LoadAverage> start, Optional<LoadAverage> end) {
        summary.put("repeat", count);
        summary.put("load-start", start.map(LoadAverage::toList).orElse(null));
        summary.put("load-end", end.map(LoadAverage::toList).orElse(null));
        return summary;
    }

    /** Folds repetitions into one map (see the class comment for the shape). */
    public static Map<String, Object> summarize(List<Map<String, Object>> runs) {
        Set<String> keys = new LinkedHashSet<>();
        runs.forEach(r -> keys.addAll(r.keySet()));
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : keys) {
            List<Object> values = new ArrayList<>();
            runs.forEach(r -> values.add(r.get(key)));
            out.put(key, fold(values));
        }
        return out;
    }

    private static Object fold(List<Object> values) {
        Object first = values.get(0);
        if (values.stream().allMatch(v -> v instanceof Boolean)) {
            return values.stream().filter(Boolean.TRUE::equals).count() * 2 > values.size();
        }
        if (values.stream().allMatch(v -> v != null && v.equals(first))) {
            return first;
        }
        if (values.stream().allMatch(v -> v instanceof Number)) {
            return spread(values.stream().map(v -> (Number) v).toList());
        }
        return values;
    }

    /** {@code {median, min, max}} of numbers; whole numbers stay whole where the median is whole. */
    static Map<String, Object> spread(List<Number> numbers) {
        List<Double> sorted = numbers.stream().map(Number::doubleValue).sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        boolean whole = numbers.stream().allMatch(v -> v instanceof Integer || v instanceof Long);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("median", whole && median == Math.rint(median) ? (Object) (long) median : (Object) median);
        m.put("min", whole ? (Object) (long) (double) sorted.get(0) : (Object) sorted.get(0));
        m.put("max", whole ? (Object) (long) (double) sorted.get(n - 1) : (Object) sorted.get(n - 1));
        return m;
    }
}
