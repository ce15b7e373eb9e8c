package dev.switchman.checks.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.checks.tls.TestPki.Issued;
import dev.switchman.core.check.CheckRequest;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsCertificateProviderIT {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static Issued root;
    static Issued intermediate;
    static Path rootPem;

    @TempDir
    static Path dir;

    final TlsCertificateProvider provider = new TlsCertificateProvider();

    @BeforeAll
    static void pki() {
        root = TestPki.root("Test Root");
        intermediate = TestPki.intermediate("Test Intermediate", root);
        rootPem = TestPki.writePem(dir.resolve("root.pem"), root.cert());
    }

    static TestPki.Spec leaf(String... names) {
        return TestPki.spec().subject("CN=" + (names.length > 0 ? names[0] : "leaf")).dns(names)
                .valid(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"));
    }

    CheckResult probe(TlsTestServer server, String host, String... more) {
        Map<String, String> p = new HashMap<>();
        p.put("host", host);
        p.put("address", "127.0.0.1");
        p.put("port", String.valueOf(server.port()));
        p.put("ca", rootPem.toString());
        for (int i = 0; i + 1 < more.length; i += 2) {
            if (more[i + 1] == null) {
                p.remove(more[i]);
            } else {
                p.put(more[i], more[i + 1]);
            }
        }
        assertEquals(List.of(), provider.validate(p));
        return provider.run(CheckRequest.of("tls", TlsCertificateProvider.KIND, p, Duration.ofSeconds(10), CLOCK));
    }

    @Test
    void passesAGoodChainTrustedThroughTheCaParameter() throws Exception {
        Issued leaf = leaf("app.example.test", "www.example.test").issuedBy(intermediate);
        try (TlsTestServer s = TlsTestServer.start(leaf.key(), leaf.cert(), intermediate.cert())) {
            CheckResult r = probe(s, "app.example.test", "domains", "www.example.test");
            assertEquals(CheckStatus.PASS, r.status(), r.message());
            assertEquals(true, r.observations().get("chain-valid"));
            assertEquals(List.of(), r.observations().get("missing-names"));
            assertEquals(213L, r.observations().get("days-left"));
            assertEquals("EC", r.observations().get("key-type"));
            assertEquals(256, r.observations().get("key-bits"));
            assertEquals("SHA256withECDSA", r.observations().get("sig-alg"));
            assertEquals("O=Switchman Test,CN=Test Intermediate", r.observations().get("issuer"));
            assertEquals(false, r.observations().get("ocsp-stapled"));
            assertEquals(2, ((List<?>) r.observations().get("chain")).size());
            assertEquals("127.0.0.1", r.observations().get("address"));
        }
    }

    @Test
    void failsWithoutTheCaParameterBecauseTheRootIsNotTrusted() throws Exception {
        Issued leaf = leaf("app.example.test").issuedBy(intermediate);
        try (TlsTestServer s = TlsTestServer.start(leaf.key(), leaf.cert(), intermediate.cert(), root.cert())) {
            CheckResult r = probe(s, "app.example.test", "ca", null);
            assertEquals(CheckStatus.FAIL, r.status());
            assertEquals("untrusted-root", r.observations().get("chain-problem"), r.message());
            assertEquals(false, r.observations().get("chain-valid"));
        }
    }

    @Test
    void failsAnExpiredLeafWithNegativeDaysLeft() throws Exception {
        Issued leaf = leaf("app.example.test").valid(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2026-05-01T00:00:00Z")).issuedBy(intermediate);
        try (TlsTestServer s = TlsTestServer.start(leaf.key(), leaf.cert(), intermediate.cert())) {
            CheckResult r = probe(s, "app.example.test");
            assertEquals(CheckStatus.FAIL, r.status());
            assertEquals("expired", r.observations().get("chain-problem"));
            assertEquals(-32L, r.observations().get("days-left"));
        }
    }

    @Test
    void failsALeafNotYetValid() throws Exception {
        Issued leaf = leaf("app.example.test").valid(Instant.parse("2026-07-01T00:00:00Z"), Instant.parse("2027-07-01T00:00:00Z")).issuedBy(intermediate);
        try (TlsTestServer s = TlsTestServer.start(leaf.key(), leaf.cert(), intermediate.cert())) {
            CheckResult r = probe(s, "app.example.test");
            assertEquals(CheckStatus.FAIL, r.status());
            assertEquals("not-yet-valid", r.observations().get("chain-problem"));
        }
    }

    @Test
    void failsWhenTheHostIsNotInTheSubjectAltName() throws Exception {
        Issued leaf = leaf("other.example.test").issuedBy(intermediate);
        try (TlsTestServer s = TlsTestServer.start(leaf.key(), leaf.cert(), intermediate.cert())) {
            CheckResult r = probe(s, "app.example.test");
            assertEquals(CheckStatus.FAIL, r.status());
            assertEquals(true, r.observations().get("chain-valid"));
            assertEquals(List.of("app.example.test"), r.observations().get("missing-names"));
        }
    }

    @Test
    void reportsTheHostMissingWhenOnlyTheCommonNameHasIt() throws Exception {
        Issued leaf = TestPki.spec().subject("CN=app.example.test").valid(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z")).issuedBy(intermediate);
        try (TlsTestServer s = TlsTestServer.start(leaf.key(), leaf.cert(), intermediate.cert())) {
            CheckResult r = probe(s, "app.example.test");
            assertEquals(CheckStatus.FAIL, r.status());
            assertEquals(List.of("app.example.test"), r.observations().get("missing-names"));
        }
    }

    @Test
    void wildcardCoversOneLabelButNeitherTheApexNorTwoLabels() throws Exception {
        Issued leaf = leaf("*.example.test").issuedBy(intermediate);
        try (TlsTestServer s = TlsTestServer.start(leaf.key(), leaf.cert(), intermediate.cert())) {
            CheckResult ok = probe(s, "www.example.test", "domains", "api.example.test");
            assertEquals(CheckStatus.PASS, ok.status(), ok.message());
            CheckResult r = probe(s, "www.example.test", "domains", "example.test,a.b.example.test,api.example.test");
            assertEquals(CheckStatus.FAIL, r.status());
            assertEquals(List.of("example.test", "a.b.example.test"), r.observations().get("missing-names"));
        }
    }

    @Test
    void failsASelfSignedCertificate() throws Exception {
        Issued self = leaf("app.example.test").selfSigned();
        try (TlsTestServer s = TlsTestServer.start(self.key(), self.cert())) {
            CheckResult r = probe(s, "app.example.test");
            assertEquals(CheckStatus.FAIL, r.status());
            assertEquals("self-signed", r.observations().get("chain-problem"), r.message());
        }
    }

    @Test
    void failsAnIncompleteChainWhenTheIntermediateIsNotSent() throws Exception {
        Issued leaf = leaf("app.example.test").issuedBy(intermediate);
        try (TlsTestServer s = TlsTestServer.start(leaf.key(), leaf.cert())) {
            CheckResult r = probe(s, "app.example.test");
            assertEquals(CheckStatus.FAIL, r.status());
            assertEquals("incomplete-chain", r.observations().get("chain-problem"), r.message());
            assertTrue(r.message().contains("CN=Test Intermediate"), r.message());
        }
    }

    @Test
    void failsA1024BitRsaKey() throws Exception {
        Issued leaf = leaf("app.example.test").keys(TestPki.rsa(1024)).issuedBy(intermediate);
        try (TlsTestServer s = TlsTestServer.start(leaf.key(), leaf.cert(), intermediate.cert())) {
            CheckResult r = probe(s, "app.example.test");
            assertEquals(CheckStatus.FAIL, r.status());
            assertEquals("RSA", r.observations().get("key-type"));
            assertEquals(1024, r.observations().get("key-bits"));
            assertTrue(r.message().contains("weak key"), r.message());
            assertEquals(true, r.observations().get("chain-valid"));
        }
    }

    @Test
    void failsALeafWhoseExtendedKeyUsageExcludesServerAuth() throws Exception {
        Issued client = leaf("app.example.test").eku(org.bouncycastle.asn1.x509.KeyPurposeId.id_kp_clientAuth).issuedBy(intermediate);
        try (TlsTestServer s = TlsTestServer.start(client.key(), client.cert(), intermediate.cert())) {
            CheckResult r = probe(s, "app.example.test");
            assertEquals(CheckStatus.FAIL, r.status());
            assertEquals(false, r.observations().get("server-auth"));
            assertTrue(r.message().contains("serverAuth"), r.message());
        }
        Issued server = leaf("app.example.test").eku(org.bouncycastle.asn1.x509.KeyPurposeId.id_kp_serverAuth,
                org.bouncycastle.asn1.x509.KeyPurposeId.id_kp_clientAuth).issuedBy(intermediate);
        try (TlsTestServer s = TlsTestServer.start(server.key(), server.cert(), intermediate.cert())) {
            CheckResult r = probe(s, "app.example.test");
            assertEquals(CheckStatus.PASS, r.status(), r.message());
            assertEquals(true, r.observations().get("server-auth"));
        }
    }

    @Test
    void warnsOnASha1Signature() throws Exception {
        Issued leaf = leaf("app.example.test").sigAlg("SHA1withECDSA").issuedBy(intermediate);
        try (TlsTestServer s = TlsTestServer.start(leaf.key(), leaf.cert(), intermediate.cert())) {
            CheckResult r = probe(s, "app.example.test");
            assertEquals(CheckStatus.WARN, r.status(), r.message());
            assertEquals("SHA1withECDSA", r.observations().get("sig-alg"));
            assertEquals("SHA1withECDSA", r.observations().get("weak-sig-alg"));
        }
    }

    @Test
    void warnsWhenExpiringWithinMinDays() throws Exception {
        Issued leaf = leaf("app.example.test").valid(Instant.parse("2026-01-01T00:00:00Z"), NOW.plus(Duration.ofDays(5)).plusSeconds(60)).issuedBy(intermediate);
        try (TlsTestServer s = TlsTestServer.start(leaf.key(), leaf.cert(), intermediate.cert())) {
            CheckResult warn = probe(s, "app.example.test");
            assertEquals(CheckStatus.WARN, warn.status(), warn.message());
            assertEquals(5L, warn.observations().get("days-left"));
            CheckResult pass = probe(s, "app.example.test", "min-days", "3");
            assertEquals(CheckStatus.PASS, pass.status(), pass.message());
        }
    }

    @Test
    void sendsTheHostAsSniSoTheServerPicksTheRightCertificate() throws Exception {
        Issued a = leaf("a.example.test").issuedBy(intermediate);
        Issued b = leaf("b.example.test").issuedBy(intermediate);
        try (TlsTestServer s = TlsTestServer.startSni(Map.of(
                "a.example.test", TlsTestServer.Identity.of(a.key(), a.cert(), intermediate.cert()),
                "b.example.test", TlsTestServer.Identity.of(b.key(), b.cert(), intermediate.cert())), 2)) {
            assertEquals(CheckStatus.PASS, probe(s, "a.example.test").status());
            CheckResult rb = probe(s, "b.example.test");
            assertEquals(CheckStatus.PASS, rb.status(), rb.message());
            assertEquals(List.of("b.example.test"), rb.observations().get("names"));
        }
    }

    @Test
    void isAnErrorNamingTheAddressWhenNothingListens() throws Exception {
        int port;
        try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = ss.getLocalPort();
        }
        Map<String, String> p = Map.of("host", "app.example.test", "address", "127.0.0.1", "port", String.valueOf(port));
        CheckResult r = provider.run(CheckRequest.of("tls", TlsCertificateProvider.KIND, p, Duration.ofSeconds(5), CLOCK));
        assertEquals(CheckStatus.ERROR, r.status());
        assertTrue(r.message().contains("127.0.0.1:" + port), r.message());
    }

    @Test
    void isUnknownWhenTheServerNeverAnswersBeforeTheDeadline() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Map<String, String> p = Map.of("host", "app.example.test", "address", "127.0.0.1", "port", String.valueOf(silent.getLocalPort()));
            Clock ticking = Clock.systemUTC();
            CheckResult r = provider.run(CheckRequest.of("tls", TlsCertificateProvider.KIND, p, Duration.ofMillis(300), ticking));
            assertEquals(CheckStatus.UNKNOWN, r.status(), r.message());
            assertTrue(r.message().contains("127.0.0.1:" + silent.getLocalPort()), r.message());
        }
    }

    @Test
    void rejectsBadParameters() {
        List<String> problems = provider.validate(Map.of("port", "http", "min-days", "-1", "ca", "/no/such/file.pem", "colour", "red"));
        assertEquals(5, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(s -> s.contains("missing parameter 'host'")));
        assertTrue(problems.stream().anyMatch(s -> s.contains("'port'") && s.contains("whole number")));
        assertTrue(problems.stream().anyMatch(s -> s.contains("/no/such/file.pem")));
        assertFalse(problems.stream().anyMatch(s -> s.contains("'domains'")));
    }
}
