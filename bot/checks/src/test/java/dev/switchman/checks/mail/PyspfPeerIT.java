package dev.switchman.checks.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.switchman.checks.bench.PeerProcess;
import dev.switchman.checks.testing.ConformanceData;
import dev.switchman.checks.testing.DnsTestServer;
import dev.switchman.checks.testing.Zone;
import dev.switchman.core.bench.Repeats;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code switchman bench spf --peer pyspf} end to end. A missing pyspf fails the benchmark (always run).
 * The comparison and the broken-peer test need Debian's python3-spf and take about a minute: they run
 * when asked for ({@code -Dbench.pyspf=true} or SWITCHMAN_BENCH_PYSPF=true), and then a missing pyspf
 * is a failure, not a skip. Run: {@code ./mvnw -pl bot/checks verify -Dbench.pyspf=true
 * -Dit.test=PyspfPeerIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}
 */
class PyspfPeerIT {

    private static PyspfPeer.Options options() {
        return PyspfPeer.Options.of(ConformanceData.dir("spf")).withEvaluations(1);
    }

    /** Opt-in; once asked for, pyspf must be there. */
    private static void askedForWithPyspfInstalled() throws Exception {
        assumeTrue(Boolean.getBoolean("bench.pyspf") || "true".equals(System.getenv("SWITCHMAN_BENCH_PYSPF")),
                "a benchmark against pyspf (about a minute): run with -Dbench.pyspf=true");
        try (PeerProcess p = PeerProcess.of("pyspf")) {
            var installed = p.importable(PeerProcess.python(), "spf", "apt-get install python3-spf");
            assertTrue(installed.sane(), "asked for the pyspf benchmark, but " + installed.evidence());
        }
    }

    @Test
    void aMissingPyspfFailsTheBenchmarkWithTheReason() throws Exception {
        Map<String, Object> r;
        try (PyspfPeer bench = PyspfPeer.open(options().withPython("/nonexistent/python3"))) {
            r = Repeats.compare(1, bench);
        }
        assertEquals(false, r.get("sane"));
        assertTrue(String.valueOf(r.get("sanity")).startsWith("pyspf is not installed: cannot run /nonexistent/python3 (apt-get install python3-spf)"),
                String.valueOf(r.get("sanity")));
        assertFalse(r.containsKey("ratio"));
    }

    @Test
    void pyspfAskingAServerThatKnowsNoNamesFailsTheBenchmark() throws Exception {
        askedForWithPyspfInstalled();
        Map<String, Object> r;
        try (DnsTestServer empty = DnsTestServer.start(new Zone());
             PyspfPeer bench = PyspfPeer.open(options().withPeerServer(empty.address()))) {
            r = Repeats.compare(1, bench);
        }
        assertEquals(false, r.get("sane"), r.toString());
        String why = String.valueOf(r.get("sanity"));
        assertTrue(why.startsWith("pyspf agrees with the suite on only "), why);
        assertTrue(why.contains("none x"), why);
        assertFalse(r.containsKey("ratio"), "no ratio against a broken peer: " + r);
    }

    @Test
    void pyspfOnTheSameServersAgreesWithTheSuiteAndGivesARatio() throws Exception {
        askedForWithPyspfInstalled();
        Map<String, Object> r;
        try (PyspfPeer bench = PyspfPeer.open(options())) {
            r = Repeats.compare(1, bench);
        }
        assertEquals(true, r.get("sane"), String.valueOf(r.get("sanity")));
        assertEquals(410, r.get("cases"));
        assertTrue((Integer) r.get("ours-agrees") >= 408, r.toString());
        assertTrue((Integer) r.get("theirs-agrees") >= PyspfPeer.known(String.valueOf(r.get("peer-dns"))), r.toString());
        assertTrue(((Number) r.get("ratio")).doubleValue() > 0, r.toString());
        System.out.println("bench spf --peer pyspf: " + r);
        assertTrue(List.of("pydns", "dnspython").contains(String.valueOf(r.get("peer-dns")).split(" ")[0]), r.toString());
    }
}
