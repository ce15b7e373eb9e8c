package dev.switchman.checks.dns;

import static dev.switchman.checks.testing.Requests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.checks.testing.DnsTestServer;
import dev.switchman.checks.testing.Zone;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DnsChecksIT {

    private final List<DnsTestServer> servers = new ArrayList<>();

    private DnsTestServer serve(String zone) {
        DnsTestServer s = DnsTestServer.start(Zone.of(zone));
        servers.add(s);
        return s;
    }

    @AfterEach
    void stop() {
        servers.forEach(DnsTestServer::close);
    }

    // ---- dns.record

    @Test
    void recordPassesWhenTheServedValuesAreExactlyTheExpectedOnes() {
        DnsTestServer s = serve("www.example.test. 300 A 192.0.2.1\nwww.example.test. 300 A 192.0.2.2");
        CheckResult r = new DnsRecordCheck().run(request("dns.record", Map.of("name", "www.example.test", "type", "A", "expect", "192.0.2.2, 192.0.2.1"), s.hostPort()));
        assertEquals(CheckStatus.PASS, r.status(), r.message());
        assertEquals(List.of("192.0.2.1", "192.0.2.2"), r.observations().get("values"));
        assertEquals(300L, r.observations().get("ttl"));
    }

    @Test
    void recordFailsNamingMissingAndUnexpectedValues() {
        DnsTestServer s = serve("example.test. 300 MX 10 old-mx.example.test.");
        CheckResult r = new DnsRecordCheck().run(request("dns.record", Map.of("name", "example.test", "type", "MX", "expect", "new-mx.example.test"), s.hostPort()));
        assertEquals(CheckStatus.FAIL, r.status());
        assertEquals(List.of("new-mx.example.test"), r.observations().get("missing"));
        assertEquals(List.of("old-mx.example.test"), r.observations().get("unexpected"));
    }

    @Test
    void recordFailsOnNxdomainAndSaysSo() {
        DnsTestServer s = serve("www.example.test. 300 A 192.0.2.1");
        CheckResult r = new DnsRecordCheck().run(request("dns.record", Map.of("name", "gone.example.test"), s.hostPort()));
        assertEquals(CheckStatus.FAIL, r.status());
        assertTrue(r.message().contains("NXDOMAIN"), r.message());
    }

    @Test
    void recordIsUnknownWhenTheResolverStaysSilentAndNamesIt() {
        DnsTestServer s = serve("www.example.test. 300 A 192.0.2.1");
        s.zone().dropAll(true);
        CheckResult r = new DnsRecordCheck().run(request("dns.record", Map.of("name", "www.example.test"), s.hostPort()));
        assertEquals(CheckStatus.UNKNOWN, r.status());
        assertTrue(r.message().contains(s.hostPort()), r.message());
    }

    @Test
    void recordThroughTheRunnerAnswersBeforeItsDeadlineAndNamesTheSilentServer() throws Exception {
        DnsTestServer s = serve("www.example.test. 300 A 192.0.2.1");
        s.zone().dropAll(true);
        var env = new dev.switchman.core.check.CheckEnvironment(List.of(s.hostPort()), Map.of());
        var pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            var runner = new dev.switchman.core.check.CheckRunner(dev.switchman.core.check.CheckProviders.load(), pool, Clock.systemUTC(), env);
            long start = System.nanoTime();
            CheckResult r = runner.run("www", "dns.record", Map.of("name", "www.example.test"), Duration.ofMillis(800)).get();
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertEquals(CheckStatus.UNKNOWN, r.status());
            assertTrue(r.message().contains(s.hostPort()), "the provider's own message, not the runner's: " + r.message());
            assertTrue(ms < 1050, "took " + ms + " ms");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void recordIsErrorOnPersistentServfail() {
        DnsTestServer s = serve("www.example.test. 300 A 192.0.2.1");
        s.zone().servfailAll(true);
        CheckResult r = new DnsRecordCheck().run(request("dns.record", Map.of("name", "www.example.test"), s.hostPort()));
        assertEquals(CheckStatus.ERROR, r.status());
        assertTrue(r.message().contains("SERVFAIL") && r.message().contains(s.hostPort()), r.message());
    }

    @Test
    void recordRejectsUnknownType() {
        assertEquals(1, new DnsRecordCheck().validate(Map.of("name", "x.test", "type", "SRV")).size());
    }

    // ---- dns.ttl

    private DnsTestServer[] ttlSetup(long authoritativeTtl) {
        DnsTestServer auth = serve("www.example.test. " + authoritativeTtl + " A 192.0.2.1");
        DnsTestServer resolver = serve("""
                example.test. 3600 NS ns1.example.test.
                ns1.example.test. 3600 A 127.0.0.1
                www.example.test. 17 A 192.0.2.1
                """);
        return new DnsTestServer[] {auth, resolver};
    }

    @Test
    void ttlIsReadFromTheAuthoritativeServersNotTheResolverCache() {
        DnsTestServer[] s = ttlSetup(300);
        CheckResult r = new DnsTtlCheck().run(request("dns.ttl",
                Map.of("name", "www.example.test", "max", "300", "ns-port", String.valueOf(s[0].port())), s[1].hostPort()));
        assertEquals(CheckStatus.PASS, r.status(), r.message());
        assertEquals(300L, r.observations().get("ttl"));
        assertEquals("example.test", r.observations().get("zone"));
        assertTrue(String.valueOf(r.observations().get("server")).startsWith("ns1.example.test"));
    }

    @Test
    void ttlWarnsWhenSomeAuthoritativeServersFail() {
        DnsTestServer auth = serve("www.example.test. 300 A 192.0.2.1");
        DnsTestServer resolver = serve("""
                example.test. 3600 NS ns1.example.test.
                example.test. 3600 NS ns2.example.test.
                ns1.example.test. 3600 A 127.0.0.1
                ns2.example.test. 3600 A 127.0.0.2
                """);
        CheckResult r = new DnsTtlCheck().run(request("dns.ttl",
                Map.of("name", "www.example.test", "max", "300", "ns-port", String.valueOf(auth.port())), resolver.hostPort()));
        assertEquals(CheckStatus.WARN, r.status(), r.message());
        assertEquals(300L, r.observations().get("ttl"));
        @SuppressWarnings("unchecked")
        Map<String, Object> perServer = (Map<String, Object>) r.observations().get("per-server");
        assertEquals(2, perServer.size(), perServer.toString());
    }

    @Test
    void ttlAboveMaxFails() {
        DnsTestServer[] s = ttlSetup(86400);
        CheckResult r = new DnsTtlCheck().run(request("dns.ttl",
                Map.of("name", "www.example.test", "max", "5m", "ns-port", String.valueOf(s[0].port())), s[1].hostPort()));
        assertEquals(CheckStatus.FAIL, r.status());
        assertTrue(r.message().contains("86400"), r.message());
    }

    @Test
    void ttlLoweredButOldTtlNotYetElapsedWarnsWithSafeTime() {
        DnsTestServer[] s = ttlSetup(60);
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
        Map<String, String> p = Map.of("name", "www.example.test", "max", "300", "lowered-at", "2026-03-01T10:00:00Z",
                "old-ttl", "86400", "ns-port", String.valueOf(s[0].port()));
        CheckResult r = new DnsTtlCheck().run(request("dns.ttl", p, clock, Duration.ofSeconds(5), s[1].hostPort()));
        assertEquals(CheckStatus.WARN, r.status(), r.message());
        assertEquals("2026-03-02T10:00:00Z", r.observations().get("safe-after"));
        assertEquals(79200L, r.observations().get("safe-in-s"));
        assertTrue(r.message().contains("2026-03-02T10:00:00Z"), r.message());

        Clock later = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
        assertEquals(CheckStatus.PASS, new DnsTtlCheck().run(request("dns.ttl", p, later, Duration.ofSeconds(5), s[1].hostPort())).status());
    }

    @Test
    void ttlValidationWantsLoweredAtAndOldTtlTogether() {
        List<String> problems = new DnsTtlCheck().validate(Map.of("name", "a.test", "max", "300", "lowered-at", "2026-03-01T10:00:00Z"));
        assertEquals(1, problems.size(), problems.toString());
    }

    // ---- dns.propagation

    @Test
    void propagationCountsSharesOnNewAndOldPerResolver() {
        List<String> hostPorts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            hostPorts.add(serve("www.example.test. 300 A " + (i < 3 ? "192.0.2.10" : "192.0.2.1")).hostPort());
        }
        CheckResult r = new DnsPropagationCheck().run(request("dns.propagation", Map.of("name", "www.example.test",
                "expect", "192.0.2.10", "old", "192.0.2.1", "resolvers", String.join(",", hostPorts))));
        assertEquals(CheckStatus.WARN, r.status(), r.message());
        assertEquals(0.75, r.observations().get("on-new"));
        assertEquals(0.25, r.observations().get("on-old"));
        @SuppressWarnings("unchecked")
        Map<String, Object> answers = (Map<String, Object>) r.observations().get("answers");
        assertEquals(4, answers.size());
    }

    @Test
    void propagationPassesWhenAllServeNewAndReportsFailedResolvers() {
        DnsTestServer a = serve("www.example.test. 300 A 192.0.2.10");
        DnsTestServer b = serve("www.example.test. 300 A 192.0.2.10");
        CheckResult r = new DnsPropagationCheck().run(request("dns.propagation", Map.of("name", "www.example.test",
                "expect", "192.0.2.10", "resolvers", a.hostPort() + "," + b.hostPort())));
        assertEquals(CheckStatus.PASS, r.status());
        b.zone().servfailAll(true);
        r = new DnsPropagationCheck().run(request("dns.propagation", Map.of("name", "www.example.test",
                "expect", "192.0.2.10", "resolvers", a.hostPort() + "," + b.hostPort())));
        assertEquals(CheckStatus.WARN, r.status());
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> answers = (Map<String, Map<String, Object>>) r.observations().get("answers");
        assertTrue(String.valueOf(answers.get(b.hostPort()).get("error")).contains("SERVFAIL"));
    }

    @Test
    void propagationFailsWhenAResolverServesNeitherNewNorOld() {
        DnsTestServer a = serve("www.example.test. 300 A 192.0.2.66");
        CheckResult r = new DnsPropagationCheck().run(request("dns.propagation", Map.of("name", "www.example.test",
                "expect", "192.0.2.10", "old", "192.0.2.1", "resolvers", a.hostPort())));
        assertEquals(CheckStatus.FAIL, r.status());
    }
}
