package dev.switchman.checks.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.checks.testing.DnsTestServer;
import dev.switchman.checks.testing.Requests;
import dev.switchman.checks.testing.Zone;
import dev.switchman.checks.tls.TestPki.Issued;
import dev.switchman.core.check.CheckRequest;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tls.certificate on records from real migrations (issue 13): internationalised host names (UTS 46
 * non-transitional, RFC 5891; the A-label is what the certificate names and what SNI carries, RFC 6066 3),
 * hosts with several addresses (each one checked and reported), and chains that fail because a
 * certificate has expired (the reason names it and its notAfter, RFC 5280 4.1.2.5 / 6.1.3 (a)(2)).
 */
class TlsRealWorldIT {

    static final Clock CLOCK = TlsCertificateProviderIT.CLOCK;

    static Issued root;
    static Issued intermediate;
    static Path rootPem;

    @TempDir
    static Path dir;

    final TlsCertificateProvider provider = new TlsCertificateProvider();

    @BeforeAll
    static void pki() {
        root = TestPki.root("IDN Root");
        intermediate = TestPki.intermediate("IDN Intermediate", root);
        rootPem = TestPki.writePem(dir.resolve("root.pem"), root.cert());
    }

    static TestPki.Spec leaf(String... names) {
        return TlsCertificateProviderIT.leaf(names);
    }

    CheckResult probe(Map<String, String> params, String... resolvers) {
        Map<String, String> p = new HashMap<>(params);
        p.putIfAbsent("ca", rootPem.toString());
        assertEquals(List.of(), provider.validate(p));
        CheckRequest r = Requests.request(TlsCertificateProvider.KIND, p, CLOCK, Duration.ofSeconds(10), resolvers);
        return provider.run(r);
    }

    // ---- UTS 46 non-transitional: each U-label host against a certificate naming its A-label

    @Test
    void aUnicodeHostIsCoveredByTheALabelInTheCertificateAndSentAsSni() throws Exception {
        // UTS 46 4.1 non-transitional: the deviation characters (sharp s, final sigma, ZWJ, ZWNJ) are kept, not mapped away
        Map<String, String> members = Map.of(
                "straße.example.test", "xn--strae-oqa.example.test",        // issue 13's input; IDNA2003 gives strasse
                "βόλος.example.test", "xn--nxasmm1c.example.test",          // final sigma kept (IDNA2003: xn--nxasmq6b)
                "Bücher.Example.Test", "xn--bcher-kva.example.test",       // upper case mapped
                "ශ්‍රී.example.test", "xn--10cl1a0b660p.example.test");     // ZWJ kept, CONTEXTJ rule holds
        for (Map.Entry<String, String> m : members.entrySet()) {
            Issued leaf = leaf(m.getValue()).issuedBy(intermediate);
            try (TlsTestServer s = TlsTestServer.start(leaf.key(), leaf.cert(), intermediate.cert())) {
                CheckResult r = probe(Map.of("host", m.getKey(), "address", "127.0.0.1", "port", String.valueOf(s.port())));
                assertEquals(CheckStatus.PASS, r.status(), m.getKey() + ": " + r.message());
                assertEquals(List.of(), r.observations().get("missing-names"), m.getKey());
                assertEquals(List.of(m.getValue()), s.sniSeen(), "SNI carries the A-label of " + m.getKey());
            }
        }
    }

    @Test
    void aUnicodeNameInDomainsIsCheckedByItsALabel() throws Exception {
        Issued leaf = leaf("app.example.test", "xn--strae-oqa.example.test").issuedBy(intermediate);
        try (TlsTestServer s = TlsTestServer.start(leaf.key(), leaf.cert(), intermediate.cert())) {
            CheckResult ok = probe(Map.of("host", "app.example.test", "address", "127.0.0.1", "port", String.valueOf(s.port()),
                    "domains", "straße.example.test"));
            assertEquals(CheckStatus.PASS, ok.status(), ok.message());
            CheckResult transitional = probe(Map.of("host", "app.example.test", "address", "127.0.0.1", "port", String.valueOf(s.port()),
                    "domains", "strasse.example.test"));
            assertEquals(CheckStatus.FAIL, transitional.status(), "strasse is another name: " + transitional.message());
        }
    }

    @Test
    void anInvalidInternationalisedNameIsAnErrorNamingIt() {
        for (String bad : List.of("xn--zz.example.test", "a..example.test", "ab\u200D.example.test")) { // bad Punycode, empty label, ZWJ out of context
            CheckResult r = probe(Map.of("host", bad, "address", "127.0.0.1", "port", "443"));
            assertEquals(CheckStatus.ERROR, r.status(), bad + ": " + r.message());
            assertTrue(r.message().contains("UTS 46"), r.message());
        }
    }

    // ---- every address of the host

    @Test
    void checksEveryAddressAndNamesTheOneStillServingTheOldCertificate() throws Exception {
        Issued fresh = leaf("www.example.test", "both.example.test").issuedBy(intermediate);
        Issued old = TestPki.spec().subject("CN=www.example.test").dns("www.example.test")
                .valid(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2026-03-01T00:00:00Z")).issuedBy(intermediate);
        try (TlsTestServer newSide = TlsTestServer.startOn(InetAddress.getByName("127.0.0.1"), 0, fresh.key(), fresh.cert(), intermediate.cert());
             TlsTestServer oldSide = TlsTestServer.startOn(InetAddress.getByName("127.0.0.2"), newSide.port(), old.key(), old.cert(), intermediate.cert());
             TlsTestServer v6 = TlsTestServer.startOn(InetAddress.getByName("::1"), newSide.port(), fresh.key(), fresh.cert(), intermediate.cert());
             DnsTestServer dns = DnsTestServer.start(Zone.of("""
                     www.example.test. 300 A 127.0.0.1
                     www.example.test. 300 A 127.0.0.2
                     www.example.test. 300 AAAA ::1
                     both.example.test. 300 A 127.0.0.1
                     both.example.test. 300 AAAA ::1
                     """))) {
            CheckResult r = probe(Map.of("host", "www.example.test", "port", String.valueOf(newSide.port())), dns.hostPort());
            assertEquals(CheckStatus.FAIL, r.status(), r.message());
            List<Map<String, Object>> per = addresses(r);
            assertEquals(List.of("127.0.0.1", "127.0.0.2", "::1"), per.stream().map(m -> m.get("address")).toList());
            assertEquals(List.of("PASS", "FAIL", "PASS"), per.stream().map(m -> m.get("status")).toList());
            assertEquals("127.0.0.2", r.observations().get("address"), "the top-level observations are the failing address's");
            assertTrue(r.message().contains("127.0.0.2 FAIL"), r.message());
            assertTrue(r.message().contains("2026-03-01T00:00:00Z"), r.message());
            assertEquals(1, oldSide.handshakes());
            assertEquals(1, v6.handshakes());

            CheckResult both = probe(Map.of("host", "both.example.test", "port", String.valueOf(newSide.port())), dns.hostPort());
            assertEquals(CheckStatus.PASS, both.status(), both.message());
            assertEquals(2, addresses(both).size());
            assertTrue(both.message().startsWith("all 2 addresses"), both.message());
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> addresses(CheckResult r) {
        return (List<Map<String, Object>>) r.observations().get("addresses");
    }

    // ---- a chain that fails because a certificate expired names it and its date

    @Test
    void anExpiredCertificateInTheChainIsNamedWithItsNotAfter() throws Exception {
        Instant past = Instant.parse("2026-02-01T00:00:00Z");
        Issued oldIntermediate = TestPki.spec().subject("CN=Old Intermediate,O=Switchman Test").ca()
                .valid(Instant.parse("2020-01-01T00:00:00Z"), past).issuedBy(root);
        Issued leafUnderOld = TestPki.spec().subject("CN=app.example.test").dns("app.example.test")
                .valid(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z")).issuedBy(oldIntermediate);
        Issued expiredLeaf = TestPki.spec().subject("CN=app.example.test").dns("app.example.test")
                .valid(Instant.parse("2025-01-01T00:00:00Z"), past).issuedBy(intermediate);
        Issued expiredRoot = TestPki.spec().subject("CN=Expired Root,O=Switchman Test").ca()
                .valid(Instant.parse("2016-01-01T00:00:00Z"), past).selfSigned();
        Issued leafUnderExpiredRoot = TestPki.spec().subject("CN=app.example.test").dns("app.example.test")
                .valid(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z")).issuedBy(expiredRoot);
        Path expiredRootPem = TestPki.writePem(dir.resolve("expired-root.pem"), expiredRoot.cert());
        record Member(String what, Issued leaf, List<java.security.cert.X509Certificate> sent, Path ca, String named) {
        }
        List<Member> members = List.of(
                new Member("expired intermediate, sent", leafUnderOld, List.of(leafUnderOld.cert(), oldIntermediate.cert()), rootPem, "CN=Old Intermediate"),
                new Member("expired leaf, intermediate sent", expiredLeaf, List.of(expiredLeaf.cert(), intermediate.cert()), rootPem, "CN=app.example.test"),
                new Member("expired leaf, intermediate missing", expiredLeaf, List.of(expiredLeaf.cert()), rootPem, "CN=app.example.test"),
                new Member("expired trusted root", leafUnderExpiredRoot, List.of(leafUnderExpiredRoot.cert()), expiredRootPem, "CN=Expired Root"));
        for (Member m : members) {
            try (TlsTestServer s = TlsTestServer.start(m.leaf().key(), m.sent().toArray(java.security.cert.X509Certificate[]::new))) {
                CheckResult r = probe(Map.of("host", "app.example.test", "address", "127.0.0.1", "port", String.valueOf(s.port()),
                        "ca", m.ca().toString()));
                assertEquals(CheckStatus.FAIL, r.status(), m.what() + ": " + r.message());
                assertTrue(r.message().contains(m.named()) && r.message().contains("has expired (not after " + past + ")"),
                        m.what() + ": " + r.message());
                assertFalse(r.message().toLowerCase().contains("missing intermediate?"), m.what() + ": " + r.message());
            }
        }
    }
}
