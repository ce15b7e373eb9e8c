package dev.switchman.checks.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HstsTest {

    @Test
    void readsMaxAgeIncludeSubDomainsAndPreload() {
        Hsts h = Hsts.parse("max-age=63072000; includeSubDomains; preload");
        assertTrue(h.valid());
        assertEquals(63072000L, h.maxAge());
        assertTrue(h.includeSubDomains());
        assertTrue(h.preload());
    }

    @Test
    void directiveNamesAreCaseInsensitiveAndValuesMayBeQuoted() {
        Hsts h = Hsts.parse("INCLUDESUBDOMAINS ;  Max-Age=\"300\"");
        assertTrue(h.valid());
        assertEquals(300L, h.maxAge());
        assertTrue(h.includeSubDomains());
        assertFalse(h.preload());
    }

    @Test
    void maxAgeIsRequired() {
        Hsts h = Hsts.parse("includeSubDomains; preload");
        assertFalse(h.valid());
        assertEquals("max-age is missing", h.problem());
    }

    @Test
    void aRepeatedDirectiveInvalidatesTheHeader() {
        assertFalse(Hsts.parse("max-age=300; max-age=600").valid());
    }

    @Test
    void aNonNumericMaxAgeInvalidatesTheHeader() {
        assertFalse(Hsts.parse("max-age=1y").valid());
        assertFalse(Hsts.parse("max-age=-1").valid());
        assertFalse(Hsts.parse("max-age").valid());
    }

    @Test
    void maxAgeZeroIsValidAndMeansForgetThisHost() {
        Hsts h = Hsts.parse("max-age=0");
        assertTrue(h.valid());
        assertEquals(0L, h.maxAge());
    }

    @Test
    void unknownDirectivesAreIgnored() {
        Hsts h = Hsts.parse("max-age=10; report-uri=\"https://x\"; ;");
        assertTrue(h.valid());
        assertEquals(10L, h.maxAge());
    }

    @Test
    void absentHeaderIsNotValid() {
        assertFalse(Hsts.parse(null).valid());
        assertEquals("absent", Hsts.parse(null).problem());
    }
}
