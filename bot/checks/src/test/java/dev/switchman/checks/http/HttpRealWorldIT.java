package dev.switchman.checks.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.switchman.checks.testing.DnsTestServer;
import dev.switchman.checks.testing.PythonReference;
import dev.switchman.checks.testing.Requests;
import dev.switchman.checks.testing.Zone;
import dev.switchman.core.check.CheckProvider;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * http.probe and http.health on records from real migrations (issue 13): relative redirects resolved per
 * RFC 3986 5.2 (every example of 5.4.1 and 5.4.2 that stays on the host, with Python's urljoin side by
 * side), hosts with several addresses checked on each, internationalised host names sent in A-labels,
 * and passwords in URLs kept out of the report.
 */
class HttpRealWorldIT {

    /** RFC 3986 5.4: the base of all examples. */
    static final String BASE = "/b/c/d;p?q";
    /** Reference -> target path, from RFC 3986 5.4.1 (normal) and 5.4.2 (abnormal), host "a" kept. */
    static final Map<String, String> RFC3986 = new LinkedHashMap<>();

    static {
        String[][] examples = {
            {"g", "/b/c/g"}, {"./g", "/b/c/g"}, {"g/", "/b/c/g/"}, {"/g", "/g"}, {"?y", "/b/c/d;p?y"}, {"g?y", "/b/c/g?y"},
            {"g#s", "/b/c/g#s"}, {"g?y#s", "/b/c/g?y#s"}, {";x", "/b/c/;x"}, {"g;x", "/b/c/g;x"}, {"g;x?y#s", "/b/c/g;x?y#s"},
            {".", "/b/c/"}, {"./", "/b/c/"}, {"..", "/b/"}, {"../", "/b/"}, {"../g", "/b/g"}, {"../..", "/"}, {"../../", "/"},
            {"../../g", "/g"},
            {"../../../g", "/g"}, {"../../../../g", "/g"}, {"/./g", "/g"}, {"/../g", "/g"}, {"g.", "/b/c/g."}, {".g", "/b/c/.g"},
            {"g..", "/b/c/g.."}, {"..g", "/b/c/..g"}, {"./../g", "/b/g"}, {"./g/.", "/b/c/g/"}, {"g/./h", "/b/c/g/h"},
            {"g/../h", "/b/c/h"}, {"g;x=1/./y", "/b/c/g;x=1/y"}, {"g;x=1/../y", "/b/c/y"}, {"g?y/./x", "/b/c/g?y/./x"},
            {"g?y/../x", "/b/c/g?y/../x"},
        };
        for (String[] e : examples) {
            RFC3986.put(e[0], e[1]);
        }
    }

    static HttpServer newSide;
    static HttpServer oldSide;
    static ExecutorService pool;
    static DnsTestServer dns;
    static final List<String> HOSTS = new CopyOnWriteArrayList<>();
    static final List<String> REFS = new ArrayList<>(RFC3986.keySet());

    @BeforeAll
    static void servers() throws Exception {
        pool = Executors.newFixedThreadPool(4);
        newSide = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
        int port = newSide.getAddress().getPort();
        oldSide = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), port), 50);
        for (HttpServer s : List.of(newSide, oldSide)) {
            boolean old = s == oldSide;
            s.setExecutor(pool);
            s.createContext("/", ex -> {
                String host = ex.getRequestHeaders().getFirst("Host");
                HOSTS.add(host);
                String pathAndQuery = ex.getRequestURI().getRawPath() + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
                String label = host.substring(0, host.indexOf('.'));
                if (label.startsWith("m") && pathAndQuery.equals(BASE)) {
                    reply(ex, 302, REFS.get(Integer.parseInt(label.substring(1))));
                } else if (label.equals("issue") && pathAndQuery.equals("/docs/guide/start")) {
                    reply(ex, 302, "?page=2");
                } else if (pathAndQuery.startsWith("/health")) {
                    reply(ex, old ? 503 : 200, null);
                } else if (pathAndQuery.startsWith("/moved")) {
                    reply(ex, 301, "/health");
                } else {
                    reply(ex, 200, null);
                }
            });
            s.start();
        }
        dns = DnsTestServer.start(Zone.of("""
                app.example.test. 300 A 127.0.0.1
                app.example.test. 300 A 127.0.0.2
                """));
    }

    static void reply(HttpExchange ex, int status, String location) throws IOException {
        if (location != null) {
            ex.getResponseHeaders().add("Location", location);
        }
        ex.sendResponseHeaders(status, -1);
        ex.close();
    }

    @AfterAll
    static void stop() {
        newSide.stop(0);
        oldSide.stop(0);
        pool.shutdownNow();
        dns.close();
    }

    @BeforeEach
    void clear() {
        HOSTS.clear();
    }

    static int port() {
        return newSide.getAddress().getPort();
    }

    static CheckResult run(CheckProvider provider, String... kv) {
        Map<String, String> p = new HashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            p.put(kv[i], kv[i + 1]);
        }
        assertEquals(List.of(), provider.validate(p));
        return provider.run(Requests.request(provider.kind(), p, Clock.systemUTC(), Duration.ofSeconds(10), dns.hostPort()));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(CheckResult r, String name) {
        return (List<Map<String, Object>>) r.observations().get(name);
    }

    // ---- fault 6: Location resolved per RFC 3986 5.2

    @Test
    void relativeRedirectsAreResolvedAsRfc3986Says() {
        for (int i = 0; i < REFS.size(); i++) {
            String origin = "http://m" + i + ".a.test:" + port();
            CheckResult r = run(new HttpProbeProvider(), "url", origin + BASE, "address", "127.0.0.1");
            assertEquals(CheckStatus.PASS, r.status(), REFS.get(i) + ": " + r.message());
            assertEquals(origin + RFC3986.get(REFS.get(i)), list(r, "redirects").get(1).get("url"), "Location: " + REFS.get(i));
        }
        CheckResult issue = run(new HttpProbeProvider(), "url", "http://issue.a.test:" + port() + "/docs/guide/start", "address", "127.0.0.1");
        assertEquals("http://issue.a.test:" + port() + "/docs/guide/start?page=2", list(issue, "redirects").get(1).get("url"));
    }

    @Test
    void relativeRedirectsAgreeWithPythonsUrljoin() throws Exception {
        assumeTrue(PythonReference.canImport("urllib.parse"), "no python3");
        List<String> ref = PythonReference.run("""
                import sys
                from urllib.parse import urljoin
                for line in sys.stdin.read().splitlines():
                    print(urljoin('http://a/b/c/d;p?q', line)[len('http://a'):])
                """, REFS);
        for (int i = 0; i < REFS.size(); i++) {
            assertEquals(ref.get(i), RFC3986.get(REFS.get(i)), "urljoin and RFC 3986 5.4 on " + REFS.get(i));
        }
    }

    // ---- every address of the host

    @Test
    void probeFollowsTheChainOnEveryAddressAndNamesTheOldServer() {
        CheckResult r = run(new HttpProbeProvider(), "url", "http://app.example.test:" + port() + "/moved");
        assertEquals(CheckStatus.FAIL, r.status(), r.message());
        List<Map<String, Object>> per = list(r, "addresses");
        assertEquals(List.of("127.0.0.1", "127.0.0.2"), per.stream().map(m -> m.get("address")).toList());
        assertEquals(List.of("PASS", "FAIL"), per.stream().map(m -> m.get("status")).toList());
        assertEquals(503, r.observations().get("status"), "top level: the failing address");
        assertTrue(r.message().contains("127.0.0.2 FAIL: 503"), r.message());
        assertEquals(List.of("app.example.test:" + port()), HOSTS.stream().distinct().toList());
        assertEquals(4, HOSTS.size(), "two hops on each of two addresses");
    }

    @Test
    void healthIsCheckedOnEveryAddressOrOnTheGivenOne() {
        CheckResult all = run(new HttpHealthProvider(), "url", "http://app.example.test:" + port() + "/health");
        assertEquals(CheckStatus.FAIL, all.status(), all.message());
        assertEquals(List.of("PASS", "FAIL"), list(all, "addresses").stream().map(m -> m.get("status")).toList());
        assertEquals(503, all.observations().get("status"));
        CheckResult pinned = run(new HttpHealthProvider(), "url", "http://app.example.test:" + port() + "/health", "address", "127.0.0.1");
        assertEquals(CheckStatus.PASS, pinned.status(), pinned.message());
        assertEquals(200, pinned.observations().get("status"));
        assertEquals(1, list(pinned, "addresses").size());
    }

    @Test
    void healthDoesNotFollowRedirectsAndHonoursExpectStatus() {
        CheckResult moved = run(new HttpHealthProvider(), "url", "http://127.0.0.1:" + port() + "/moved");
        assertEquals(CheckStatus.FAIL, moved.status(), moved.message());
        assertEquals(301, moved.observations().get("status"));
        assertTrue(moved.message().contains("redirects to /health (not followed)"), moved.message());
        CheckResult expected = run(new HttpHealthProvider(), "url", "http://127.0.0.1:" + port() + "/moved", "expect-status", "301");
        assertEquals(CheckStatus.PASS, expected.status(), expected.message());
    }

    @Test
    void healthIsUnknownOnATimeoutAndAnErrorWhenNothingListens() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Map<String, String> p = Map.of("url", "http://127.0.0.1:" + silent.getLocalPort() + "/health");
            CheckResult r = new HttpHealthProvider().run(Requests.request(HttpHealthProvider.KIND, p, Clock.systemUTC(), Duration.ofMillis(300)));
            assertEquals(CheckStatus.UNKNOWN, r.status(), r.message());
        }
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        CheckResult r = run(new HttpHealthProvider(), "url", "http://127.0.0.1:" + closed + "/health");
        assertEquals(CheckStatus.ERROR, r.status(), r.message());
        assertTrue(r.message().contains("127.0.0.1:" + closed), r.message());
    }

    // ---- internationalised host names and secrets in URLs

    @Test
    void aUnicodeHostIsSentInALabels() {
        CheckResult r = run(new HttpProbeProvider(), "url", "http://straße.example.test:" + port() + "/ok", "address", "127.0.0.1");
        assertEquals(CheckStatus.PASS, r.status(), r.message());
        assertEquals(List.of("xn--strae-oqa.example.test:" + port()), HOSTS);
    }

    @Test
    void aPasswordInTheUrlNeverReachesTheReport() {
        CheckResult r = run(new HttpProbeProvider(), "url", "http://deploy:s3cret-pw@127.0.0.1:" + port() + "/moved");
        assertEquals(CheckStatus.PASS, r.status(), r.message());
        // what leaves the check: CheckRunner hands every result on redacted (core.secret.Secrets), once
        assertFalse(r.redacted().toString().contains("s3cret-pw"), r.redacted().toString());
        assertTrue(r.redacted().target().contains("deploy:***@127.0.0.1"), r.redacted().target());
    }
}
