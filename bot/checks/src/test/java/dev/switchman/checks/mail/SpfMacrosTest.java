package dev.switchman.checks.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The examples of RFC 7208 section 7.4. */
class SpfMacrosTest {

    private static final Map<Character, String> V4 = Map.of('s', "strong-bad@email.example.com", 'l', "strong-bad",
            'o', "email.example.com", 'd', "email.example.com", 'i', "192.0.2.3", 'v', "in-addr", 'h', "mx.example.org");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "%{s}|strong-bad@email.example.com",
        "%{o}|email.example.com",
        "%{d}|email.example.com",
        "%{d4}|email.example.com",
        "%{d3}|email.example.com",
        "%{d2}|example.com",
        "%{d1}|com",
        "%{dr}|com.example.email",
        "%{d2r}|example.email",
        "%{l}|strong-bad",
        "%{l-}|strong.bad",
        "%{lr}|strong-bad",
        "%{lr-}|bad.strong",
        "%{l1r-}|strong",
        "%{ir}.%{v}._spf.%{d2}|3.2.0.192.in-addr._spf.example.com",
        "%{lr-}.lp._spf.%{d2}|bad.strong.lp._spf.example.com",
        "%{lr-}.lp.%{ir}.%{v}._spf.%{d2}|bad.strong.lp.3.2.0.192.in-addr._spf.example.com",
        "%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}|3.2.0.192.in-addr.strong.lp._spf.example.com",
        "%{d2}.trusted-domains.example.net|example.com.trusted-domains.example.net",
        "%%%_%-|% %20",
    })
    void expandsTheRfcExamples(String macro, String expected) {
        assertEquals(expected, SpfMacros.expand(macro, V4::get, false));
    }

    @Test
    void upperCaseLettersAreUrlEscaped() {
        assertEquals("strong-bad%40email.example.com", SpfMacros.expand("%{S}", V4::get, false));
    }

    @Test
    void explanationOnlyLettersAndBadSyntaxAreErrors() {
        assertThrows(SpfMacros.MacroSyntaxException.class, () -> SpfMacros.expand("%{c}", V4::get, false));
        assertEquals("192.0.2.3 x", SpfMacros.expand("%{i} x", V4::get, true));
        assertThrows(SpfMacros.MacroSyntaxException.class, () -> SpfMacros.expand("%{d0}", V4::get, false));
        assertThrows(SpfMacros.MacroSyntaxException.class, () -> SpfMacros.expand("%{x}", V4::get, false));
        assertThrows(SpfMacros.MacroSyntaxException.class, () -> SpfMacros.expand("%x", V4::get, false));
        assertThrows(SpfMacros.MacroSyntaxException.class, () -> SpfMacros.expand("%{d", V4::get, false));
        assertThrows(SpfMacros.MacroSyntaxException.class, () -> SpfMacros.expand("a b", V4::get, false));
    }

    @Test
    void ipv6IsReadableInCAndNibblesInI() throws Exception {
        assertEquals("2001:db8::cb01", SpfEvaluator.readableIp(java.net.InetAddress.getByName("2001:db8:0:0:0:0:0:cb01")));
    }
}
