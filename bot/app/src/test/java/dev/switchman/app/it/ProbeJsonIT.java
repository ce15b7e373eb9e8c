package dev.switchman.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.switchman.app.testing.SwitchmanProcess;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --format json} prints JSON lines and nothing else on stdout, from the real jar. */
class ProbeJsonIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JsonNode> jsonLines(String stdout) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            JsonNode n = JSON.readTree(line); // throws on anything that is not JSON
            assertTrue(n.isObject(), "not a JSON object: " + line);
            nodes.add(n);
        }
        return nodes;
    }

    @Test
    void batchPrintsOneJsonObjectPerInputLineAndNothingElse() throws Exception {
        SwitchmanProcess.Result r = SwitchmanProcess.run(Map.of(), """
                {"kind":"no.such.kind","params":{"a":"b"}}
                this is not json
                """, "probe", "--batch", "--format", "json");
        List<JsonNode> lines = jsonLines(r.out());
        assertEquals(2, lines.size(), r.out());
        for (JsonNode n : lines) {
            for (String field : List.of("kind", "target", "status", "observations", "message")) {
                assertTrue(n.has(field), field + " missing in " + n);
            }
            assertEquals("ERROR", n.get("status").asText());
        }
        assertEquals(3, r.code(), "ERROR results exit 3\n" + r.err());
    }

    @Test
    void listOfKindsIsJsonLines() throws Exception {
        SwitchmanProcess.Result r = SwitchmanProcess.run(Map.of(), null, "probe", "--list", "--format", "json");
        assertEquals(0, r.code(), r.err());
        for (JsonNode n : jsonLines(r.out())) {
            assertTrue(n.get("kind").isTextual());
        }
    }

    @Test
    void httpProbeAgainstALoopbackServerIsOneJsonLine() throws Exception {
        SwitchmanProcess.Result kinds = SwitchmanProcess.run(Map.of(), null, "probe", "--list", "--format", "json");
        JsonNode http = jsonLines(kinds.out()).stream().filter(n -> n.get("kind").asText().equals("http.probe")).findFirst().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(http != null, "no http.probe check kind in this build");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/health", exchange -> {
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/health";
            SwitchmanProcess.Result r = SwitchmanProcess.run(Map.of(), null, "probe", "http.probe", "url=" + url, "--format", "json", "--timeout", "5s");
            List<JsonNode> lines = jsonLines(r.out());
            assertEquals(1, lines.size(), r.out() + r.err());
            JsonNode n = lines.get(0);
            assertEquals("http.probe", n.get("kind").asText());
            String status = n.get("status").asText();
            int expected = switch (status) {
                case "PASS", "WARN" -> 0;
                case "FAIL" -> 1;
                default -> 3;
            };
            assertEquals(expected, r.code(), n.toString());
            assertFalse(r.out().contains("INFO"), r.out());
        } finally {
            server.stop(0);
        }
    }
}
