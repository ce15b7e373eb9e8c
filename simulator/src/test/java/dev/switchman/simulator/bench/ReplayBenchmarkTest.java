package dev.switchman.simulator.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayBenchmarkTest {

    @Test
    void smallBenchmarkReportsResultsThroughputSpeedupAndHeap() {
        Map<String, Object> m = ReplayBenchmark.run(2, 5, Duration.ofSeconds(10));
        long results = ((Number) m.get("results")).longValue();
        assertTrue(Math.abs(results - 2L * 3600 / 10 * 5) <= 5 * 7, m.toString());
        assertTrue(((Number) m.get("results_per_s")).longValue() > 0);
        assertTrue(((Number) m.get("speedup")).longValue() > 1);
        assertTrue(m.containsKey("peak_heap_mb") && m.containsKey("wall_ms"));
        assertEquals("completed", m.get("outcome"));
    }
}
