package dev.switchman.checks.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.checks.testing.DnsTestServer;
import dev.switchman.checks.testing.Zone;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

class DnsClientIT {

    private final Zone zone = Zone.of("""
            www.example.test. 300 A 192.0.2.1
            www.example.test. 300 A 192.0.2.2
            alias.example.test. 60 CNAME www.example.test.
            example.test. 3600 MX 10 mx.example.test.
            """);
    private final DnsTestServer server = DnsTestServer.start(zone);
    private DnsTestServer second;

    @AfterEach
    void stop() {
        server.close();
        if (second != null) {
            second.close();
        }
    }

    private DnsClient client(DnsTestServer... servers) {
        return DnsClient.of(java.util.Arrays.stream(servers).map(DnsTestServer::address).toList(), Duration.ofMillis(300), 16);
    }

    @Test
    void answersWithRecordsTtlAndServer() {
        DnsAnswer a = client(server).resolve("www.example.test", Type.A, Deadline.after(Duration.ofSeconds(2)));
        assertEquals(DnsAnswer.Outcome.ANSWER, a.outcome());
        assertEquals(List.of("192.0.2.1", "192.0.2.2"), a.values());
        assertEquals(300, a.ttl());
        assertEquals(server.hostPort(), a.server());
    }

    @Test
    void followsCnameChainToTheAskedType() {
        DnsAnswer a = client(server).resolve("alias.example.test", Type.A, Deadline.after(Duration.ofSeconds(2)));
        assertEquals(List.of("www.example.test"), a.cnames());
        assertEquals(2, a.values().size());
    }

    @Test
    void tellsNxdomainFromNodata() {
        DnsClient c = client(server);
        assertEquals(DnsAnswer.Outcome.NXDOMAIN, c.resolve("nope.example.test", Type.A, Deadline.after(Duration.ofSeconds(2))).outcome());
        assertEquals(DnsAnswer.Outcome.NODATA, c.resolve("www.example.test", Type.MX, Deadline.after(Duration.ofSeconds(2))).outcome());
    }

    @Test
    void retriesOnceThenFailsOverAndSaysWhichServerAnswered() {
        zone.dropAll(true);
        second = DnsTestServer.start(Zone.of("www.example.test. 300 A 192.0.2.9"));
        DnsAnswer a = client(server, second).resolve("www.example.test", Type.A, Deadline.after(Duration.ofSeconds(3)));
        assertEquals(List.of("192.0.2.9"), a.values());
        assertEquals(second.hostPort(), a.server());
        assertEquals(2, server.udpQueries(), "the silent server is asked twice");
        assertTrue(a.detail().contains("TIMEOUT from " + server.hostPort()), a.detail());
        assertTrue(a.detail().contains("answered by " + second.hostPort()), a.detail());
    }

    @Test
    void persistentServfailNamesTheServer() {
        zone.servfailAll(true);
        DnsAnswer a = client(server).resolve("www.example.test", Type.A, Deadline.after(Duration.ofSeconds(2)));
        assertEquals(DnsAnswer.Outcome.SERVFAIL, a.outcome());
        assertTrue(a.describe().contains(server.hostPort()), a.describe());
        assertEquals(2, server.udpQueries());
    }

    @Test
    void timeoutIsBoundedByTheDeadline() {
        zone.dropAll(true);
        long start = System.nanoTime();
        DnsAnswer a = DnsClient.of(List.of(server.address()), Duration.ofSeconds(5), 16)
                .resolve("www.example.test", Type.A, Deadline.after(Duration.ofMillis(400)));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(DnsAnswer.Outcome.TIMEOUT, a.outcome());
        assertTrue(ms < 1500, "took " + ms + " ms");
    }

    @Test
    void truncatedUdpAnswerIsAskedAgainOverTcp() {
        zone.truncate("www.example.test");
        DnsAnswer a = client(server).resolve("www.example.test", Type.A, Deadline.after(Duration.ofSeconds(2)));
        assertEquals(2, a.values().size());
        assertTrue(a.tcp());
        assertEquals(1, server.tcpQueries());
    }

    @Test
    void largeAnswerOverUdpComesBackWholeOverTcp() {
        for (int i = 0; i < 60; i++) {
            zone.txt("big.example.test", "v=spf1 ip4:198.51.100." + i + " padding-padding-padding");
        }
        DnsAnswer a = client(server).resolve("big.example.test", Type.TXT, Deadline.after(Duration.ofSeconds(2)));
        assertEquals(60, a.texts().size());
        assertTrue(a.tcp());
    }

    @Test
    void boundedConcurrencyStillAnswersEveryQuery() {
        DnsClient c = DnsClient.of(List.of(server.address()), Duration.ofSeconds(1), 4);
        Deadline d = Deadline.after(Duration.ofSeconds(5));
        List<java.util.concurrent.CompletableFuture<DnsAnswer>> all = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            all.add(c.query("www.example.test", Type.A, d));
        }
        assertTrue(all.stream().map(java.util.concurrent.CompletableFuture::join).allMatch(x -> x.outcome() == DnsAnswer.Outcome.ANSWER));
    }
}
