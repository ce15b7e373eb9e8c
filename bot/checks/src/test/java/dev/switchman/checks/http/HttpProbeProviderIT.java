package dev.switchman.checks.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.switchman.checks.tls.TestPki;
import dev.switchman.core.check.CheckRequest;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpProbeProviderIT {

    static HttpServer http;
    static HttpsServer https;
    static ExecutorService pool;
    static Path rootPem;
    static final List<String> HOSTS = new CopyOnWriteArrayList<>();

    @TempDir
    static Path dir;

    final HttpProbeProvider provider = new HttpProbeProvider();

    @BeforeAll
    static void servers() throws Exception {
        TestPki.Issued root = TestPki.root("HTTP Test Root");
        TestPki.Issued leaf = TestPki.spec().subject("CN=app.example.test").dns("app.example.test", "example.test", "www.example.test").issuedBy(root);
        rootPem = TestPki.writePem(dir.resolve("root.pem"), root.cert());
        pool = Executors.newFixedThreadPool(4);

        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        http.setExecutor(pool);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("k", leaf.key(), "pw".toCharArray(), new X509Certificate[] {leaf.cert()});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "pw".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, new SecureRandom());
        https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        https.setHttpsConfigurator(new HttpsConfigurator(ctx));
        https.setExecutor(pool);

        int hp = 0;
        http.start();
        https.start();
        int httpPort = http.getAddress().getPort();
        int httpsPort = https.getAddress().getPort();
        String plain = "http://127.0.0.1:" + httpPort;

        http.createContext("/ok", ex -> reply(ex, 200, Map.of()));
        http.createContext("/gone", ex -> reply(ex, 404, Map.of()));
        http.createContext("/r1", ex -> reply(ex, 301, Map.of("Location", "/r2")));
        http.createContext("/r2", ex -> reply(ex, 302, Map.of("Location", plain + "/r3?x=1")));
        http.createContext("/r3", ex -> reply(ex, 307, Map.of("Location", "ok")));
        http.createContext("/loop-a", ex -> reply(ex, 302, Map.of("Location", "/loop-b")));
        http.createContext("/loop-b", ex -> reply(ex, 302, Map.of("Location", "/loop-a")));
        http.createContext("/many", ex -> {
            int n = Integer.parseInt(ex.getRequestURI().getPath().substring("/many/".length()));
            reply(ex, 302, Map.of("Location", "/many/" + (n + 1)));
        });
        http.createContext("/secure", ex -> reply(ex, 301, Map.of("Location", "https://app.example.test:" + httpsPort + "/hsts")));
        http.createContext("/apex", ex -> reply(ex, 301, Map.of("Location", "http://www.example.test:" + httpPort + "/ok")));
        http.createContext("/host", ex -> reply(ex, 204, Map.of()));
        https.createContext("/hsts", ex -> reply(ex, 200, Map.of("Strict-Transport-Security", "max-age=31536000; includeSubDomains; preload")));
        https.createContext("/hsts-bad", ex -> reply(ex, 200, Map.of("Strict-Transport-Security", "includeSubDomains")));
        https.createContext("/no-hsts", ex -> reply(ex, 200, Map.of()));
        https.createContext("/down", ex -> reply(ex, 302, Map.of("Location", "http://app.example.test:" + httpPort + "/ok")));
    }

    static void reply(HttpExchange ex, int status, Map<String, String> headers) throws IOException {
        HOSTS.add(ex.getRequestHeaders().getFirst("Host"));
        headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.sendResponseHeaders(status, -1);
        ex.close();
    }

    @AfterAll
    static void stop() {
        http.stop(0);
        https.stop(0);
        pool.shutdownNow();
    }

    @BeforeEach
    void clearHosts() {
        HOSTS.clear();
    }

    int httpPort() {
        return http.getAddress().getPort();
    }

    CheckResult probe(String url, String... more) {
        Map<String, String> p = new HashMap<>();
        p.put("url", url);
        for (int i = 0; i + 1 < more.length; i += 2) {
            p.put(more[i], more[i + 1]);
        }
        assertEquals(List.of(), provider.validate(p));
        return provider.run(CheckRequest.of("http", HttpProbeProvider.KIND, p, Duration.ofSeconds(10), Clock.systemUTC()));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> hops(CheckResult r) {
        return (List<Map<String, Object>>) r.observations().get("redirects");
    }

    @Test
    void followsTheWholeRedirectChainRecordingEveryHop() {
        String base = "http://127.0.0.1:" + httpPort();
        CheckResult r = probe(base + "/r1");
        assertEquals(CheckStatus.PASS, r.status(), r.message());
        assertEquals(200, r.observations().get("status"));
        List<Map<String, Object>> hops = hops(r);
        assertEquals(List.of(301, 302, 307, 200), hops.stream().map(h -> h.get("status")).toList());
        assertEquals(base + "/r1", hops.get(0).get("url"));
        assertEquals("/r2", hops.get(0).get("location"));
        assertEquals(base + "/r3?x=1", hops.get(2).get("url"));
        assertEquals(base + "/ok", r.observations().get("final-url"));
        assertEquals(3, r.observations().get("redirect-count"));
        assertTrue(((Number) r.observations().get("ttfb-ms")).longValue() >= 0);
        assertTrue(((Number) r.observations().get("latency-ms")).longValue() >= ((Number) r.observations().get("ttfb-ms")).longValue());
    }

    @Test
    void detectsARedirectLoop() {
        CheckResult r = probe("http://127.0.0.1:" + httpPort() + "/loop-a");
        assertEquals(CheckStatus.FAIL, r.status());
        assertTrue(r.message().contains("redirect loop"), r.message());
        assertEquals(2, hops(r).size());
    }

    @Test
    void stopsAfterMaxRedirects() {
        CheckResult r = probe("http://127.0.0.1:" + httpPort() + "/many/0", "max-redirects", "3");
        assertEquals(CheckStatus.FAIL, r.status());
        assertTrue(r.message().contains("more than 3 redirects"), r.message());
        assertEquals(4, hops(r).size());
    }

    @Test
    void failsOnAnErrorStatusAndComparesExpectStatus() {
        assertEquals(CheckStatus.FAIL, probe("http://127.0.0.1:" + httpPort() + "/gone").status());
        assertEquals(CheckStatus.PASS, probe("http://127.0.0.1:" + httpPort() + "/gone", "expect-status", "404").status());
        CheckResult r = probe("http://127.0.0.1:" + httpPort() + "/ok", "expect-status", "204");
        assertEquals(CheckStatus.FAIL, r.status());
        assertTrue(r.message().contains("expected 204 but got 200"), r.message());
    }

    @Test
    void aThreeHundredExpectStatusIsComparedWithTheFirstResponse() {
        CheckResult r = probe("http://127.0.0.1:" + httpPort() + "/r1", "expect-status", "301");
        assertEquals(CheckStatus.PASS, r.status(), r.message());
        assertEquals(4, hops(r).size());
    }

    @Test
    void sendsTheRealHostHeaderToTheOverrideAddress() {
        CheckResult r = probe("http://app.example.test:" + httpPort() + "/host", "address", "127.0.0.1");
        assertEquals(CheckStatus.PASS, r.status(), r.message());
        assertEquals(List.of("app.example.test:" + httpPort()), HOSTS);
        assertEquals("127.0.0.1", hops(r).get(0).get("address"));
    }

    @Test
    void followsHttpToHttpsWithSniAndReadsHsts() {
        CheckResult r = probe("http://app.example.test:" + httpPort() + "/secure", "address", "127.0.0.1", "ca", rootPem.toString());
        assertEquals(CheckStatus.PASS, r.status(), r.message());
        assertEquals(true, r.observations().get("https-upgrade"));
        assertEquals(31536000L, r.observations().get("hsts-max-age"));
        assertEquals(true, r.observations().get("hsts-include-subdomains"));
        assertEquals(true, r.observations().get("hsts-preload"));
        assertEquals("valid", r.observations().get("hsts"));
        assertEquals("https://app.example.test:" + https.getAddress().getPort() + "/hsts", r.observations().get("final-url"));
        assertEquals("", hops(r).get(0).get("hsts"), "plain http hop");
        assertEquals("max-age=31536000; includeSubDomains; preload", hops(r).get(1).get("hsts"));
    }

    @Test
    void reportsAnInvalidOrMissingHstsHeader() {
        String base = "https://app.example.test:" + https.getAddress().getPort();
        CheckResult bad = probe(base + "/hsts-bad", "address", "127.0.0.1", "ca", rootPem.toString());
        assertEquals("max-age is missing", bad.observations().get("hsts"));
        assertEquals(0L, bad.observations().get("hsts-max-age"));
        CheckResult none = probe(base + "/no-hsts", "address", "127.0.0.1", "ca", rootPem.toString());
        assertEquals("absent", none.observations().get("hsts"));
        assertEquals(false, none.observations().get("hsts-include-subdomains"));
    }

    @Test
    void warnsWhenTheChainGoesFromHttpsDownToHttp() {
        CheckResult r = probe("https://app.example.test:" + https.getAddress().getPort() + "/down", "address", "127.0.0.1", "ca", rootPem.toString());
        assertEquals(CheckStatus.WARN, r.status(), r.message());
        assertEquals("absent", r.observations().get("hsts"), "HSTS over plain http is ignored");
    }

    @Test
    void failsWhenTheHttpsCertificateIsNotTrusted() {
        CheckResult r = probe("https://app.example.test:" + https.getAddress().getPort() + "/no-hsts", "address", "127.0.0.1");
        assertEquals(CheckStatus.FAIL, r.status());
        assertTrue(r.message().contains("TLS to 127.0.0.1:" + https.getAddress().getPort()), r.message());
    }

    @Test
    void failsWhenTheHttpsCertificateDoesNotNameTheHost() {
        CheckResult r = probe("https://other.example.test:" + https.getAddress().getPort() + "/no-hsts", "address", "127.0.0.1", "ca", rootPem.toString());
        assertEquals(CheckStatus.FAIL, r.status(), r.message());
    }

    @Test
    void detectsAnApexToWwwRedirectAndSendsBothToTheOverrideAddress() {
        CheckResult r = probe("http://example.test:" + httpPort() + "/apex", "address", "127.0.0.1");
        assertEquals(CheckStatus.PASS, r.status(), r.message());
        assertEquals("apex->www", r.observations().get("www-redirect"));
        assertEquals(List.of("example.test:" + httpPort(), "www.example.test:" + httpPort()), HOSTS);
    }

    @Test
    void isAnErrorNamingTheAddressWhenNothingListens() throws Exception {
        int port;
        try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = ss.getLocalPort();
        }
        CheckResult r = probe("http://127.0.0.1:" + port + "/");
        assertEquals(CheckStatus.ERROR, r.status());
        assertTrue(r.message().contains("127.0.0.1:" + port), r.message());
    }

    @Test
    void isUnknownWhenTheServerDoesNotAnswerInTime() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Map<String, String> p = Map.of("url", "http://127.0.0.1:" + silent.getLocalPort() + "/");
            CheckResult r = provider.run(CheckRequest.of("http", HttpProbeProvider.KIND, p, Duration.ofMillis(300), Clock.systemUTC()));
            assertEquals(CheckStatus.UNKNOWN, r.status(), r.message());
        }
    }

    @Test
    void isAnErrorWhenTheServerDoesNotSpeakHttp() throws Exception {
        try (ServerSocket garbage = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (var s = garbage.accept()) {
                    s.getOutputStream().write("SSH-2.0-OpenSSH_9.6\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    s.getInputStream().read();
                } catch (IOException e) {
                    // the probe hangs up
                }
            });
            t.setDaemon(true);
            t.start();
            CheckResult r = probe("http://127.0.0.1:" + garbage.getLocalPort() + "/");
            assertEquals(CheckStatus.ERROR, r.status(), r.message());
            assertTrue(r.message().contains("not an HTTP response"), r.message());
        }
    }

    @Test
    void rejectsABadUrlAndNumbers() {
        List<String> problems = provider.validate(Map.of("url", "ftp://x/", "max-redirects", "many", "expect-status", "99"));
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("http:// or https://"), problems.toString());
    }
}
