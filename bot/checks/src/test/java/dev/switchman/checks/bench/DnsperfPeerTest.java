package dev.switchman.checks.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.bench.Sanity;
import org.junit.jupiter.api.Test;

/** dnsperf's output read and judged without dnsperf: the sanity check fed degenerate runs. */
class DnsperfPeerTest {

    private static String output(long sent, long completed, long lost, String codes) {
        return """
                DNS Performance Testing Tool
                Version 2.10.0

                [Status] Command line: dnsperf -s 127.0.0.1 -p 40000 -d queries.txt -n 20 -q 32 -c 1 -T 1 -t 2
                [Status] Sending queries (to 127.0.0.1:40000)
                [Status] Started at: Mon Nov 30 17:40:00 2026
                [Status] Stopping after 20 runs through file
                [Status] Testing complete (end of file)

                Statistics:

                  Queries sent:         %d
                  Queries completed:    %d (100.00%%)
                  Queries lost:         %d (0.00%%)

                  Response codes:       %s
                  Average packet size:  request 34, response 50
                  Run time (s):         0.407749
                  Queries per second:   19619.911858

                  Average Latency (s):  0.001571 (min 0.000046, max 0.012004)
                  Latency StdDev (s):   0.001234
                """.formatted(sent, completed, lost, codes);
    }

    @Test
    void readsTheStatisticsBlock() {
        DnsperfPeer.Statistics s = DnsperfPeer.parse(output(8000, 8000, 0, "NOERROR 8000 (100.00%)"));
        assertEquals(new DnsperfPeer.Statistics(8000, 8000, 0, 8000, 0.407749, 19619.911858), s);
        assertEquals("dnsperf answered every query: 8000 of 8000 NOERROR, none lost", DnsperfPeer.sanity(s, 8000).evidence());
    }

    @Test
    void aDnsperfThatLostQueriesIsNotSane() {
        Sanity s = DnsperfPeer.sanity(DnsperfPeer.parse(output(8000, 7988, 12, "NOERROR 7988 (100.00%)")), 8000);
        assertFalse(s.sane());
        assertEquals("dnsperf lost 12 of 8000 queries (7988 completed)", s.evidence());
    }

    @Test
    void aDnsperfThatGotNoAnswersAtAllIsNotSane() {
        Sanity s = DnsperfPeer.sanity(DnsperfPeer.parse(output(8000, 0, 8000, "")), 8000);
        assertFalse(s.sane());
        assertTrue(s.evidence().startsWith("dnsperf lost 8000 of 8000"), s.evidence());
    }

    @Test
    void answersThatAreNotNoerrorAreNotAnswers() {
        Sanity s = DnsperfPeer.sanity(DnsperfPeer.parse(output(8000, 8000, 0, "NOERROR 100 (1.25%), REFUSED 7900 (98.75%)")), 8000);
        assertFalse(s.sane());
        assertEquals("dnsperf got NOERROR for only 100 of 8000 answers", s.evidence());
    }

    @Test
    void aRunThatStoppedShortOfTheWorkloadIsNotSane() {
        Sanity s = DnsperfPeer.sanity(DnsperfPeer.parse(output(400, 400, 0, "NOERROR 400 (100.00%)")), 8000);
        assertEquals(Sanity.broken("dnsperf sent 400 queries, 8000 expected"), s);
    }

    @Test
    void outputWithoutStatisticsIsNotRead() {
        assertNull(DnsperfPeer.parse("Error: invalid server address 'nowhere'\n"));
    }
}
