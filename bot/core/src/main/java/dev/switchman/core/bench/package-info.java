/**
 * Plumbing shared by every {@code switchman bench ...} command: {@link dev.switchman.core.bench.Repeats}
 * runs repetitions and summarises them (median, min, max, load average at start and end);
 * {@link dev.switchman.core.bench.PeerBenchmark} is a comparison with the tool a user would pick instead,
 * checked for sanity before and during the run ({@link dev.switchman.core.bench.Sanity}); a comparison
 * with a broken peer fails. Pure Java, no I/O beyond reading {@code /proc/loadavg}; any module may use it.
 */
package dev.switchman.core.bench;
