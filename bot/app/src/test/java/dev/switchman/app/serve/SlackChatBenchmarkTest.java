package dev.switchman.app.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SlackChatBenchmarkTest {

    @Test
    void everySignedCommandIsAcknowledgedAndAnsweredWhileTheChecksAreSlow() {
        Map<String, Object> m = SlackChatBenchmark.run(12, 3, 60);
        assertEquals("slack-http", m.get("backend"));
        assertEquals(12, m.get("commands"));
        assertEquals(0, m.get("unanswered"), m.toString());
        assertEquals(0, m.get("refused"), m.toString());
        assertTrue((Integer) m.get("checks_in_flight") > 0, "measured while the checks were slow: " + m);
        assertTrue((Double) m.get("ack_p99_ms") > 0 && (Double) m.get("ack_p99_ms") <= (Double) m.get("ack_max_ms"), m.toString());
    }
}
