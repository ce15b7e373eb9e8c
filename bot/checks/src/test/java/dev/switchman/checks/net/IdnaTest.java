package dev.switchman.checks.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.switchman.checks.testing.PythonReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * UTS 46 non-transitional processing (UTS 46 section 4, RFC 5891 for the IDNA2008 rules it checks) of the
 * host names checks take, with Python's idna package (Debian python3-idna, IDNA2008 with the UTS 46
 * mapping, transitional=False) side by side.
 */
class IdnaTest {

    /** U-label host -> A-label host; the right values are the Punycode (RFC 3492) of the mapped labels. */
    static final Map<String, String> MEMBERS = new LinkedHashMap<>();

    static {
        MEMBERS.put("straße.example.test", "xn--strae-oqa.example.test"); // deviation ß kept (IDNA2003/transitional: strasse)
        MEMBERS.put("faß.de", "xn--fa-hia.de");                             // the UTS 46 example of a deviation
        MEMBERS.put("βόλος.com", "xn--nxasmm1c.com");                        // final sigma kept (transitional: xn--nxasmq6b)
        MEMBERS.put("ශ්‍රී.com", "xn--10cl1a0b660p.com");                     // ZWJ after a virama: CONTEXTJ allows it
        MEMBERS.put("نامه‌ای.com", "xn--mgba3gch31f060k.com");               // ZWNJ in Arabic joining context, bidi rule holds
        MEMBERS.put("Bücher.Example", "xn--bcher-kva.example");              // mapping: upper case to lower case
        MEMBERS.put("ＡＢＣ．example", "abc.example");                         // mapping: full-width letters and ideographic full stop
        MEMBERS.put("xn--strae-oqa.example.test", "xn--strae-oqa.example.test"); // an A-label stays as it is
        MEMBERS.put("münchen.example.test.", "xn--mnchen-3ya.example.test."); // the root dot is kept
    }

    @Test
    void convertsHostNamesByNonTransitionalProcessing() {
        MEMBERS.forEach((u, a) -> assertEquals(a, Idna.hostToAscii(u), u));
    }

    @Test
    void agreesWithPythonIdnaNonTransitional() throws Exception {
        assumeTrue(PythonReference.canImport("idna"), "reference missing: apt-get install python3-idna");
        List<String> names = new ArrayList<>(MEMBERS.keySet());
        List<String> ref = PythonReference.run("""
                import sys, idna
                for line in sys.stdin.read().splitlines():
                    dot = line.endswith('.')
                    print(idna.encode(line.rstrip('.'), uts46=True, transitional=False).decode() + ('.' if dot else ''))
                """, names);
        for (int i = 0; i < names.size(); i++) {
            assertEquals(ref.get(i), Idna.hostToAscii(names.get(i)), names.get(i));
        }
    }

    @Test
    void rejectsNamesUts46FindsInvalidNamingTheRule() {
        Map<String, String> bad = Map.of(
                "xn--zz.example", "PUNYCODE",             // not Punycode
                "a..example", "EMPTY_LABEL",
                "ab\u200Dc.example", "CONTEXTJ",           // ZWJ with no virama before it
                "-leading.example", "LEADING_HYPHEN",      // RFC 5891 4.2.3.1
                "ab--cd.example", "HYPHEN_3_4");           // reserved for A-labels (RFC 5891 4.2.3.1)
        bad.forEach((name, rule) -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Idna.hostToAscii(name + "\u00e9"), name);
            assertTrue(e.getMessage().contains(rule), name + ": " + e.getMessage());
        });
    }

    @Test
    void dnsNamesMayHoldUnderscoresAndKeepTheirCase() {
        assertEquals("_dmarc.xn--strae-oqa.example", Idna.dnsNameToAscii("_dmarc.straße.example"));
        assertEquals("s1._domainkey.Example.COM", Idna.dnsNameToAscii("s1._domainkey.Example.COM"));
        assertEquals("192.0.2.1", Idna.hostToAscii("192.0.2.1"));
        assertEquals("[2001:db8::1]", Idna.hostToAscii("[2001:db8::1]"));
    }

    @Test
    void convertsTheHostOfAUrlOnly() {
        assertEquals("https://xn--strae-oqa.example.test:8443/straße?q=ß", Idna.urlToAscii("https://straße.example.test:8443/straße?q=ß"));
        assertEquals("//xn--strae-oqa.example.test/x", Idna.urlToAscii("//straße.example.test/x"));
        assertEquals("https://user@xn--strae-oqa.example.test/", Idna.urlToAscii("https://user@straße.example.test/"));
        assertEquals("../straße", Idna.urlToAscii("../straße"));
    }
}
