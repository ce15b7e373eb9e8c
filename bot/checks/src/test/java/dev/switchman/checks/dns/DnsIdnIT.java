package dev.switchman.checks.dns;

import static dev.switchman.checks.testing.Requests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.checks.testing.DnsTestServer;
import dev.switchman.checks.testing.Zone;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Internationalised names reach DNS in A-labels (RFC 5891 5, UTS 46 non-transitional): the dns checks
 * ask for {@code xn--strae-oqa...} when given {@code straße...}, never the IDNA2003 {@code strasse...};
 * DNS-only labels such as {@code _dmarc} keep their underscore.
 */
class DnsIdnIT {

    @Test
    void unicodeNamesAreAskedForInALabels() {
        try (DnsTestServer s = DnsTestServer.start(Zone.of("""
                xn--strae-oqa.example.test. 300 A 192.0.2.1
                strasse.example.test. 300 A 192.0.2.99
                xn--bcher-kva.example.test. 300 AAAA 2001:db8::1
                """))) {
            Map<String, String> members = Map.of(
                    "straße.example.test", "192.0.2.1",        // not strasse's address
                    "STRAẞE.example.test", "192.0.2.1",        // capital sharp s maps to ß (UTS 46 mapping)
                    "xn--strae-oqa.example.test", "192.0.2.1");
            members.forEach((name, ip) -> {
                CheckResult r = new DnsRecordCheck().run(request("dns.record", Map.of("name", name, "type", "A"), s.hostPort()));
                assertEquals(CheckStatus.PASS, r.status(), name + ": " + r.message());
                assertEquals(List.of(ip), r.observations().get("values"), name);
            });
            CheckResult v6 = new DnsRecordCheck().run(request("dns.record", Map.of("name", "Bücher.example.test", "type", "AAAA"), s.hostPort()));
            assertEquals(List.of("2001:db8::1"), v6.observations().get("values"), v6.message());
            CheckResult bad = new DnsRecordCheck().run(request("dns.record", Map.of("name", "xn--zz\u00e9.example.test"), s.hostPort()));
            assertEquals(CheckStatus.ERROR, bad.status(), bad.message());
            assertTrue(bad.message().contains("UTS 46"), bad.message());
        }
    }
}
