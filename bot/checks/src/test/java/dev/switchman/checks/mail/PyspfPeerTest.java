package dev.switchman.checks.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.bench.Sanity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pyspf benchmark's sanity check, fed pyspf results directly (no pyspf needed). */
class PyspfPeerTest {

    private static Map<String, List<String>> suite(int cases) {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (int i = 0; i < cases; i++) {
            expected.put("case-" + i, i % 2 == 0 ? List.of("pass") : List.of("fail", "softfail"));
        }
        return expected;
    }

    @Test
    void aPyspfThatAnswersNoneAlmostEverywhereIsNotSane() {
        Map<String, List<String>> expected = suite(410);
        Map<String, String> verdicts = new LinkedHashMap<>();
        expected.forEach((id, results) -> verdicts.put(id, "none"));
        verdicts.put("case-0", "pass");
        Sanity s = PyspfPeer.sanity(expected, verdicts, 407);
        assertFalse(s.sane());
        assertTrue(s.evidence().startsWith("pyspf agrees with the suite on only 1 of 410 cases, at least 407 expected; where it disagrees it answered none x409"),
                s.evidence());
        assertTrue(s.evidence().contains("case-1: none, suite expects [fail, softfail]"), s.evidence());
    }

    @Test
    void aPyspfOneShortOfItsKnownCountIsNotSane() {
        Map<String, List<String>> expected = suite(410);
        Map<String, String> verdicts = new LinkedHashMap<>();
        expected.forEach((id, results) -> verdicts.put(id, results.get(0)));
        verdicts.put("case-1", "neutral");
        verdicts.put("case-2", "temperror");
        verdicts.remove("case-3");
        assertFalse(PyspfPeer.sanity(expected, verdicts, 408).sane());
        Sanity atKnown = PyspfPeer.sanity(expected, verdicts, 407);
        assertTrue(atKnown.sane(), atKnown.evidence());
        assertEquals("pyspf agrees with the suite on 407 of 410 cases (at least 407 expected)", atKnown.evidence());
    }

    @Test
    void aMissingVerdictCountsAsADisagreementNamedNoAnswer() {
        Sanity s = PyspfPeer.sanity(suite(2), Map.of("case-0", "pass"), 2);
        assertFalse(s.sane());
        assertTrue(s.evidence().contains("answered no answer x1"), s.evidence());
    }

    @Test
    void theKnownCountFollowsTheDnsLibraryPyspfPicked() {
        assertEquals(407, PyspfPeer.known("dnspython 2.3.0"));
        assertEquals(406, PyspfPeer.known("pydns"));
        assertEquals(406, PyspfPeer.known("something-else 1.0"));
    }
}
