package dev.switchman.checks.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.switchman.core.bench.Repeats;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code switchman bench dns --peer dnsperf} end to end on a small workload. A missing dnsperf fails the
 * benchmark (always run). The tests that run dnsperf need Debian's dnsperf: they run when asked for
 * ({@code -Dbench.dnsperf=true} or SWITCHMAN_BENCH_DNSPERF=true), and then a missing dnsperf is a
 * failure, not a skip.
 */
class DnsperfPeerIT {

    private static void askedForWithDnsperfInstalled() throws Exception {
        assumeTrue(Boolean.getBoolean("bench.dnsperf") || "true".equals(System.getenv("SWITCHMAN_BENCH_DNSPERF")),
                "a benchmark against dnsperf: run with -Dbench.dnsperf=true");
        try (PeerProcess p = PeerProcess.of("dnsperf")) {
            assertEquals(0, p.exec(List.of("dnsperf", "-h"), DnsperfPeer.TIMEOUT).exit(), "asked for the dnsperf benchmark, but dnsperf does not run");
        }
    }

    @Test
    void aMissingDnsperfFailsTheBenchmarkWithTheReason() throws Exception {
        Map<String, Object> r;
        try (DnsperfPeer bench = DnsperfPeer.open("/nonexistent/dnsperf", 5, 2, 8, null)) {
            r = Repeats.compare(1, bench);
        }
        assertEquals(false, r.get("sane"));
        assertEquals("dnsperf is not installed: cannot run /nonexistent/dnsperf (apt-get install dnsperf)", r.get("sanity"));
        assertFalse(r.containsKey("ratio"));
    }

    @Test
    void dnsperfAskingAServerThatAnswersNothingFailsTheBenchmark() throws Exception {
        askedForWithDnsperfInstalled();
        Map<String, Object> r;
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             DnsperfPeer bench = DnsperfPeer.open("dnsperf", 2, 1, 8, (InetSocketAddress) silent.getLocalSocketAddress())) {
            r = Repeats.compare(1, bench);
            assertEquals("dnsperf lost 8 of 8 queries (0 completed) in a first probe of 127.0.0.1:" + silent.getLocalPort(), r.get("sanity"));
        }
        assertEquals(false, r.get("sane"), r.toString());
        assertFalse(r.containsKey("ratio"), "no ratio against a broken peer: " + r);
    }

    @Test
    void aSilentServerFailsTheFullWorkloadWithinSecondsNotAfterEveryQueryTimedOut() throws Exception {
        askedForWithDnsperfInstalled();
        Map<String, Object> r;
        long t0 = System.nanoTime();
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             DnsperfPeer bench = DnsperfPeer.open("dnsperf", 100, 20, 32, (InetSocketAddress) silent.getLocalSocketAddress())) {
            r = Repeats.compare(1, bench);
            assertEquals("dnsperf lost 32 of 32 queries (0 completed) in a first probe of 127.0.0.1:" + silent.getLocalPort(), r.get("sanity"));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(false, r.get("sane"), r.toString());
        // the 8,000 queries timing out 32 at a time would take 500 s (the process was killed after 300 s)
        assertTrue(seconds < 60, "a silent server took " + seconds + " s to fail the benchmark");
    }

    @Test
    void dnsperfOnTheSameResponderAnswersEveryQueryAndGivesARatio() throws Exception {
        askedForWithDnsperfInstalled();
        Map<String, Object> r;
        try (DnsperfPeer bench = DnsperfPeer.open("dnsperf", 10, 4, 16, null)) {
            r = Repeats.compare(2, bench);
        }
        assertEquals(true, r.get("sane"), String.valueOf(r.get("sanity")));
        assertEquals(160, r.get("queries"));
        assertEquals(160, r.get("ours-answered"));
        assertEquals(160L, r.get("theirs-completed"));
        Object ratio = r.get("ratio");
        double median = ratio instanceof Map<?, ?> m ? ((Number) m.get("median")).doubleValue() : ((Number) ratio).doubleValue();
        assertTrue(median > 0, r.toString());
    }
}
