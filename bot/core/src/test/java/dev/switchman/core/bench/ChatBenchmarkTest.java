package dev.switchman.core.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chat benchmark measures what it says: every command answered while the slow checks were still out. */
class ChatBenchmarkTest {

    @Test
    void everyCommandIsAnsweredWhileTheSlowChecksAreStillRunning() {
        Map<String, Object> r = ChatBenchmark.run(40, 4, 30);
        assertEquals(40, r.get("commands"), r.toString());
        assertEquals(0, r.get("errors"), r.toString());
        assertTrue((Integer) r.get("checks_in_flight") >= 4, "the slow checks were out during the measurement: " + r);
        double ackP99 = (Double) r.get("ack_p99_ms");
        double answerP99 = (Double) r.get("answer_p99_ms");
        assertTrue(ackP99 <= answerP99, r.toString());
        assertTrue(answerP99 < 30_000, "answered without waiting for a check: " + r);
        assertTrue(r.containsKey("within-budget"), r.toString());
    }

    @Test
    void overBudgetNamesEachFigureOverItsBudget() {
        assertEquals(java.util.List.of(), ChatBenchmark.overBudget(0.1, 12, 0, 30));
        assertEquals(java.util.List.of("answer p99 77.04 ms, budget 50.0 ms"), ChatBenchmark.overBudget(0.07, 77.04, 0, 30));
        assertEquals(java.util.List.of("ack p99 6.0 ms, budget 5.0 ms", "2 commands were answered with an error",
                "no slow check was in flight during the measurement"), ChatBenchmark.overBudget(6, 10, 2, 0));
    }

    @Test
    void percentilesAreNearestRank() {
        double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertEquals(5, ChatBenchmark.percentile(v, 50));
        assertEquals(10, ChatBenchmark.percentile(v, 99));
        assertEquals(1, ChatBenchmark.percentile(v, 1));
    }
}
