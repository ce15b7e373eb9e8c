package dev.switchman.simulator.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchman.core.time.Durations;
import dev.switchman.rules.engine.DroolsDecisionEngine;
import dev.switchman.simulator.replay.RehearsalResult;
import dev.switchman.simulator.replay.Replayer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The replay benchmark behind docs/benchmarks.md: a generated {@code hours}-long scenario with
 * {@code checks} checks every {@code interval} (72 h x 50 checks x 10 s = 1,296,000 results) replayed
 * through the real bot, run engine, event log and Drools rules at full speed.
 *
 * <pre>java -cp ... dev.switchman.simulator.bench.ReplayBenchmark [--hours 72] [--checks 50] [--interval 10s]</pre>
 * prints one JSON object: results, wall_ms, results_per_s, speedup, peak_heap_mb, and - because a
 * shared machine's wall time says little - the replay thread's cpu_ms, results_per_cpu_s and the load average.
 */
public final class ReplayBenchmark {

    private ReplayBenchmark() {
    }

    public static Map<String, Object> run(int hours, int checks, String interval) {
        return run(hours, checks, Durations.parse(interval));
    }

    public static Map<String, Object> run(int hours, int checks, Duration interval) {
        // warm-up: builds the rule base (cached) and lets the JIT see the replay path; not measured
        ScenarioGenerator.Generated w = ScenarioGenerator.generate(1, Math.min(checks, 5), interval);
        Replayer.replay(w.scenario(), w.runbook(), Replayer.Options.of(DroolsDecisionEngine::new));
        ScenarioGenerator.Generated g = ScenarioGenerator.generate(hours, checks, interval);
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        RehearsalResult r = Replayer.replay(g.scenario(), g.runbook(), Replayer.Options.of(DroolsDecisionEngine::new));
        long cpuMs = Math.max(1, (threads.getCurrentThreadCpuTime() - cpu0) / 1_000_000);
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        long wall = Math.max(1, r.wallMillis());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("benchmark", "replay");
        m.put("hours", hours);
        m.put("checks", checks);
        m.put("interval", Durations.format(interval));
        m.put("results", r.log().results());
        m.put("decisions", r.log().decisions().size());
        m.put("outcome", r.log().outcome());
        m.put("wall_ms", wall);
        m.put("results_per_s", Math.round(r.log().results() * 1000.0 / wall));
        m.put("speedup", Math.round(r.virtualDuration().toMillis() / (double) wall));
        m.put("peak_heap_mb", Math.round(peak / (1024.0 * 1024.0)));
        // the replay is single-threaded: its thread's CPU time is what it costs on an idle core
        m.put("cpu_ms", cpuMs);
        m.put("results_per_cpu_s", Math.round(r.log().results() * 1000.0 / cpuMs));
        m.put("load_average", Math.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() * 100) / 100.0);
        return m;
    }

    public static void main(String[] args) throws Exception {
        int hours = 72;
        int checks = 50;
        String interval = "10s";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--hours" -> hours = Integer.parseInt(args[++i]);
                case "--checks" -> checks = Integer.parseInt(args[++i]);
                case "--interval" -> interval = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; expected --hours N --checks N --interval 10s");
            }
        }
        System.out.println(new ObjectMapper().writeValueAsString(run(hours, checks, interval)));
    }
}
