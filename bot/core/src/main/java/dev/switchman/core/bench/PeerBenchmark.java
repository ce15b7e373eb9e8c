package dev.switchman.core.bench;

import java.util.Map;

/**
 * A benchmark that measures Switchman beside the tool a user would pick instead (its peer: pyspf,
 * dnsperf, a naive implementation), on the same workload, the same machine, in the same run.
 * {@link Repeats#compare} drives it: {@link #checkPeer()} once before any timing (a broken peer ends
 * the benchmark as a failure), then {@code N} repetitions of {@link #ours} and {@link #peer},
 * interleaved (even repetitions ours first, odd ones the peer first), the ratio taken within each
 * repetition. Each peer measurement carries its own {@link Sanity}, so a peer that degrades half way
 * fails the benchmark too.
 *
 * <p>To add one: implement this (one class per peer, beside the code it measures), and wire it into
 * {@code switchman bench NAME --peer PEER} in {@code dev.switchman.app.cli.BenchCommand}.
 */
public interface PeerBenchmark extends AutoCloseable {

    /** One side's figure in {@link #unit()}, the side's own details (JSON values), and whether this run's answers were right. */
    record Measured(double figure, Sanity sanity, Map<String, Object> details) {
        public static Measured ours(double figure, Map<String, Object> details) {
            return new Measured(figure, Sanity.ok("our side"), details);
        }
    }

    /** What is compared, constant across repetitions: benchmark, peer, peer version, workload sizes (JSON values). */
    Map<String, Object> parameters();

    /** The unit of both figures, e.g. {@code "us-per-evaluation"} or {@code "queries-per-s"}. */
    String unit();

    /** True for times (lower is better), false for rates. Decides the ratio's direction: above 1, Switchman wins. */
    boolean lowerIsBetter();

    /** Runs the peer on the workload once and checks its answers against the reference; called before any timing. */
    Sanity checkPeer() throws Exception;

    /** Measures our side once; a broken {@link Measured#sanity()} (we got the workload wrong) fails the comparison too. */
    Measured ours(int repetition) throws Exception;

    /** Measures the peer once; its {@link Measured#sanity()} says whether this run's answers are still right. */
    Measured peer(int repetition) throws Exception;

    /** Stops servers and removes temporary files. */
    @Override
    void close();
}
