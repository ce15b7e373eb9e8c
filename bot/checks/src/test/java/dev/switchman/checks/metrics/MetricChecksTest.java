package dev.switchman.checks.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.switchman.checks.testing.Requests;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The metric checks against a Prometheus HTTP API on loopback answering with the documented response
 * shapes (prometheus.io/docs/prometheus/latest/querying/api: instant queries, vector and scalar results,
 * the error envelope), and a plain JSON endpoint read by JSON Pointer.
 */
class MetricChecksTest {

    static final String ERRORS = "sum(rate(http_requests_total{job=\"web\",code=~\"5..\"}[5m])) / sum(rate(http_requests_total{job=\"web\"}[5m]))";

    HttpServer server;
    String base;
    final Map<String, String> answers = new ConcurrentHashMap<>();
    final List<String> asked = new CopyOnWriteArrayList<>();

    @BeforeEach
    void prometheus() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/query", x -> {
            String q = URLDecoder.decode(x.getRequestURI().getRawQuery().replaceFirst("^query=", ""), StandardCharsets.UTF_8);
            asked.add(q);
            String body = answers.getOrDefault(q, "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"invalid parameter \\\"query\\\": 1:1: parse error\"}");
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(body.contains("\"error\"") ? 400 : 200, b.length);
            x.getResponseBody().write(b);
            x.close();
        });
        server.createContext("/stats", x -> {
            byte[] b = "{\"web\":{\"errors\":{\"rate\":\"0.012\"},\"p99\":0.42}}".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, b.length);
            x.getResponseBody().write(b);
            x.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    static String vector(String value) {
        return "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1764500000.123,\"" + value + "\"]}]}}";
    }

    CheckResult run(MetricCheck check, Map<String, String> params) {
        assertEquals(List.of(), check.validate(params), "the parameters are valid");
        return check.run(Requests.request(check.kind(), params));
    }

    @Test
    void errorRateFromPromqlIsAFractionComparedWithMax() {
        answers.put(ERRORS, vector("0.0731"));
        CheckResult r = run(new ErrorRateCheck(), Map.of("prometheus", base, "query", ERRORS, "max", "5%"));
        assertEquals(CheckStatus.FAIL, r.status(), r.message());
        assertEquals(0.0731, (double) r.observations().get("rate"), 1e-12);
        assertTrue(r.message().startsWith("rate 7.31% from ") && r.message().endsWith("above max 5.00%"), r.message());
        assertEquals(List.of(ERRORS), asked, "the PromQL reached the server intact");
        answers.put(ERRORS, vector("0.004"));
        assertEquals(CheckStatus.PASS, run(new ErrorRateCheck(), Map.of("prometheus", base, "query", ERRORS, "max", "0.05")).status());
    }

    @Test
    void aQueryWithNoTrafficOrManySeriesCannotMeasureAndIsNeverPass() {
        answers.put("nan", vector("NaN"));
        answers.put("none", "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}");
        answers.put("many", "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{\"instance\":\"a\"},\"value\":[1,\"1\"]},"
                + "{\"metric\":{\"instance\":\"b\"},\"value\":[1,\"2\"]}]}}");
        CheckResult nan = run(new ErrorRateCheck(), Map.of("prometheus", base, "query", "nan", "max", "5%"));
        assertEquals(CheckStatus.UNKNOWN, nan.status());
        assertTrue(nan.message().contains("NaN (0/0: no requests in the window?)"), nan.message());
        CheckResult none = run(new ErrorRateCheck(), Map.of("prometheus", base, "query", "none"));
        assertEquals(CheckStatus.UNKNOWN, none.status());
        assertTrue(none.message().contains("no samples"), none.message());
        CheckResult many = run(new PrometheusCheck(), Map.of("prometheus", base, "query", "many"));
        assertEquals(CheckStatus.UNKNOWN, many.status());
        assertTrue(many.message().contains("returned 2 series; aggregate it to one"), many.message());
    }

    @Test
    void prometheusErrorsAreReportedInItsOwnWords() {
        CheckResult r = run(new PrometheusCheck(), Map.of("prometheus", base, "query", "rate(("));
        assertEquals(CheckStatus.ERROR, r.status());
        assertTrue(r.message().contains("Prometheus answered 400: bad_data: invalid parameter \"query\": 1:1: parse error"), r.message());
    }

    @Test
    void latencyInSecondsBecomesMillisecondsAndScalarsCount() {
        answers.put("p99", vector("0.8125"));
        CheckResult r = run(new LatencyCheck(), Map.of("prometheus", base, "query", "p99", "max", "0.5s"));
        assertEquals(CheckStatus.FAIL, r.status(), r.message());
        assertEquals(812.5, (double) r.observations().get("p99-ms"), 1e-9);
        assertTrue(r.message().contains("p99-ms 812.5 ms") && r.message().contains("above max 500 ms"), r.message());
        answers.put("scalar", "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1764500000,\"42\"]}}");
        CheckResult s = run(new PrometheusCheck(), Map.of("prometheus", base, "query", "scalar", "min", "50"));
        assertEquals(CheckStatus.FAIL, s.status());
        assertEquals(42.0, (double) s.observations().get("value"), 0);
    }

    @Test
    void aJsonEndpointIsReadByPointer() {
        CheckResult rate = run(new ErrorRateCheck(), Map.of("url", base + "/stats", "pointer", "/web/errors/rate", "max", "5%"));
        assertEquals(CheckStatus.PASS, rate.status(), rate.message());
        assertEquals(0.012, (double) rate.observations().get("rate"), 1e-12);
        CheckResult missing = run(new LatencyCheck(), Map.of("url", base + "/stats", "pointer", "/web/p50"));
        assertEquals(CheckStatus.ERROR, missing.status());
        assertTrue(missing.message().contains("the value at /web/p50 is missing"), missing.message());
    }

    @Test
    void nothingListeningIsAnErrorNotAPass() throws IOException {
        server.stop(0);
        CheckResult r = new ErrorRateCheck().run(Requests.request(ErrorRateCheck.KIND, Map.of("prometheus", base, "query", ERRORS)));
        assertEquals(CheckStatus.ERROR, r.status(), r.message());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    }

    @Test
    void validationNamesWhatIsWrong() {
        assertEquals(List.of("give either 'prometheus' and 'query' (a PromQL instant query) or 'url' and 'pointer' (a JSON endpoint), not neither"),
                new ErrorRateCheck().validate(Map.of()));
        assertTrue(new ErrorRateCheck().validate(Map.of("prometheus", "http://p:9090", "query", "x", "max", "150%")).get(0)
                .contains("'150%' is not a rate between 0 and 1"));
        assertTrue(new LatencyCheck().validate(Map.of("prometheus", "http://p:9090", "query", "x", "max", "fast")).get(0)
                .contains("'fast' is not a number (expected milliseconds such as 800, 800ms or 0.8s)"));
        assertTrue(new PrometheusCheck().validate(Map.of("url", "http://p/x", "pointer", "no-slash")).get(0)
                .contains("is not a JSON Pointer"));
        assertTrue(new PrometheusCheck().validate(Map.of("prometheus", "http://p:9090", "url", "http://p/x", "pointer", "/a")).get(0)
                .contains("not both"));
    }
}
