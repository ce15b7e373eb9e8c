package dev.switchman.core.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepeatsTest {

    private static final Optional<LoadAverage> LOAD = Optional.of(new LoadAverage(1.5, 1.25, 1.0));

    @Test
    void summarisesVaryingNumbersAsMedianMinMaxAndKeepsConstants() throws Exception {
        List<Double> rates = List.of(300.0, 100.0, 200.0);
        Map<String, Object> s = Repeats.run(3, rep -> Map.of("benchmark", "rules", "results", 1000, "per-s", rates.get(rep)), () -> LOAD);
        assertEquals("rules", s.get("benchmark"));
        assertEquals(1000, s.get("results"));
        assertEquals(Map.of("median", 200.0, "min", 100.0, "max", 300.0), s.get("per-s"));
        assertEquals(3, s.get("repeat"));
        assertEquals(List.of(1.5, 1.25, 1.0), s.get("load-start"));
        assertEquals(List.of(1.5, 1.25, 1.0), s.get("load-end"));
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwoAndWholeNumbersStayWhole() {
        assertEquals(Map.of("median", 15L, "min", 10L, "max", 40L), Repeats.spread(List.of(40, 10, 20, 10)));
        assertEquals(Map.of("median", 2.5, "min", 1L, "max", 4L), Repeats.spread(List.of(1L, 4L, 2L, 3L)));
    }

    @Test
    void aBooleanIsTheMedianRepetitionsVerdictAndOtherValuesThatVaryBecomeLists() {
        Map<String, Object> s = Repeats.summarize(List.of(
                Map.of("within-budget", false, "rounds-s", List.of(1.0)),
                Map.of("within-budget", true, "rounds-s", List.of(2.0)),
                Map.of("within-budget", true, "rounds-s", List.of(2.0))));
        assertEquals(true, s.get("within-budget"));
        assertEquals(List.of(List.of(1.0), List.of(2.0), List.of(2.0)), s.get("rounds-s"));
        assertEquals(false, Repeats.summarize(List.of(Map.of("ok", true), Map.of("ok", false))).get("ok"), "a tie is not a majority");
    }

    @Test
    void oneRepetitionReportsPlainFigures() throws Exception {
        Map<String, Object> s = Repeats.run(1, rep -> Map.of("per-s", 123.4), Optional::empty);
        assertEquals(123.4, s.get("per-s"));
        assertEquals(1, s.get("repeat"));
        assertNull(s.get("load-start"));
    }

    @Test
    void rejectsZeroRepetitions() {
        assertThrows(IllegalArgumentException.class, () -> Repeats.run(0, rep -> Map.of()));
    }

    @Test
    void readsTheLoadAverageInProcForm(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("loadavg"), "0.52 0.61 0.70 1/234 5678\n");
        assertEquals(Optional.of(new LoadAverage(0.52, 0.61, 0.70)), LoadAverage.read(f));
        assertEquals(Optional.empty(), LoadAverage.read(dir.resolve("absent")));
        assertEquals(Optional.empty(), LoadAverage.read(Files.writeString(dir.resolve("bad"), "load")));
    }

    @Test
    void comparesInterleavedAndReportsTheRatioWithinEachRepetition() throws Exception {
        FakePeer peer = new FakePeer(Sanity.ok("peer agrees"), List.of(10.0, 20.0, 30.0), List.of(20.0, 20.0, 90.0), -1);
        Map<String, Object> s = Repeats.compare(3, peer, () -> LOAD);
        assertEquals(List.of("ours0", "peer0", "peer1", "ours1", "ours2", "peer2"), peer.calls);
        assertEquals(Map.of("median", 20.0, "min", 10.0, "max", 30.0), s.get("ours"));
        assertEquals(Map.of("median", 2.0, "min", 1.0, "max", 3.0), s.get("ratio"));
        assertEquals("us", s.get("unit"));
        assertEquals("fake", s.get("peer"));
        assertEquals(7, s.get("theirs-agrees"));
        assertEquals(true, s.get("sane"));
        assertEquals("peer agrees", s.get("sanity"));
    }

    @Test
    void aRateComparisonPutsOursOverTheirs() {
        assertEquals(2.0, Repeats.ratio(false, 200, 100));
        assertEquals(2.0, Repeats.ratio(true, 100, 200));
    }

    @Test
    void aBrokenPeerFailsBeforeAnyTiming() throws Exception {
        FakePeer peer = new FakePeer(Sanity.broken("pyspf answers none on 393 of 410 cases"), List.of(1.0), List.of(1.0), -1);
        Map<String, Object> s = Repeats.compare(5, peer, () -> LOAD);
        assertEquals(false, s.get("sane"));
        assertEquals("pyspf answers none on 393 of 410 cases", s.get("sanity"));
        assertFalse(s.containsKey("ratio"));
        assertTrue(peer.calls.isEmpty(), "nothing is timed against a broken peer: " + peer.calls);
    }

    @Test
    void aPeerThatDegradesHalfWayFailsTheComparisonThere() throws Exception {
        FakePeer peer = new FakePeer(Sanity.ok("peer agrees"), List.of(1.0, 1.0, 1.0), List.of(2.0, 2.0, 2.0), 1);
        Map<String, Object> s = Repeats.compare(3, peer, () -> LOAD);
        assertEquals(false, s.get("sane"));
        assertEquals("repetition 2 of 3: lost 12 queries", s.get("sanity"));
        assertEquals(List.of("ours0", "peer0", "peer1", "ours1"), peer.calls);
        assertFalse(s.containsKey("ratio") || s.containsKey("ours"), "no figures from a failed comparison: " + s);
    }

    @Test
    void ourOwnWrongAnswersFailTheComparisonToo() throws Exception {
        FakePeer peer = new FakePeer(Sanity.ok("peer agrees"), List.of(1.0), List.of(2.0), -1) {
            @Override
            public Measured ours(int repetition) {
                return new Measured(1.0, Sanity.broken("failed 3 of 8000 queries"), Map.of());
            }
        };
        Map<String, Object> s = Repeats.compare(1, peer, () -> LOAD);
        assertEquals(false, s.get("sane"));
        assertEquals("repetition 1 of 1: our side: failed 3 of 8000 queries", s.get("sanity"));
    }

    private static class FakePeer implements PeerBenchmark {
        final List<String> calls = new ArrayList<>();
        private final Sanity first;
        private final List<Double> ours;
        private final List<Double> theirs;
        private final int brokenAt;

        FakePeer(Sanity first, List<Double> ours, List<Double> theirs, int brokenAt) {
            this.first = first;
            this.ours = ours;
            this.theirs = theirs;
            this.brokenAt = brokenAt;
        }

        @Override
        public Map<String, Object> parameters() {
            return Map.of("benchmark", "fake", "peer", "fake");
        }

        @Override
        public String unit() {
            return "us";
        }

        @Override
        public boolean lowerIsBetter() {
            return true;
        }

        @Override
        public Sanity checkPeer() {
            return first;
        }

        @Override
        public Measured ours(int repetition) {
            calls.add("ours" + repetition);
            return Measured.ours(ours.get(repetition), Map.of());
        }

        @Override
        public Measured peer(int repetition) {
            calls.add("peer" + repetition);
            Sanity s = repetition == brokenAt ? Sanity.broken("lost 12 queries") : Sanity.ok("answered all");
            return new Measured(theirs.get(repetition), s, Map.of("agrees", 7));
        }

        @Override
        public void close() {
        }
    }
}
