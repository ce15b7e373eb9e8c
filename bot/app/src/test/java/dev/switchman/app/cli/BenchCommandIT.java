package dev.switchman.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** {@code switchman bench} end to end on a small loopback workload: one JSON line, repetitions summarised. */
class BenchCommandIT {

    @Test
    void repeatedDnsBenchmarkPrintsOneJsonLineWithMedianMinMaxAndLoad() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Cli cli = new Cli(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), options -> 0, Clock.systemUTC());

        int code = cli.run("bench", "dns", "--names", "5", "--resolvers", "2", "--rounds", "1", "--repeat", "3", "--format", "json");

        String stdout = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertEquals(1, stdout.lines().count(), stdout);
        JsonNode r = new ObjectMapper().readTree(stdout);
        assertEquals(3, r.get("repeat").asInt());
        assertEquals(40, r.get("queries").asInt());
        assertTrue(r.get("within-budget").asBoolean());
        JsonNode best = r.get("best-s");
        assertTrue(best.isNumber() || best.has("median") && best.get("min").asDouble() <= best.get("max").asDouble(), best.toString());
        if (new java.io.File("/proc/loadavg").canRead()) {
            assertEquals(3, r.get("load-start").size());
            assertEquals(3, r.get("load-end").size());
        }
    }
}
