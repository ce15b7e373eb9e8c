package dev.switchman.checks.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DnsFanoutBenchIT {

    @Test
    void smallFanoutAnswersEveryQueryAndReportsTheFigures() {
        Map<String, Object> r = DnsFanoutBench.run(10, 4, 16, 1);
        assertEquals(160, r.get("queries"));
        assertEquals(160, r.get("answered"));
        assertEquals(0, r.get("failed"));
        assertEquals(3L, r.get("budget-s"));
    }
}
