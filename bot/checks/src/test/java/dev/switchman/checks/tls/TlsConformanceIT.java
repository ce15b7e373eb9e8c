package dev.switchman.checks.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.switchman.core.check.CheckRequest;
import dev.switchman.core.check.CheckResult;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The Mbed TLS test PKI (shared/conformance/tls/mbedtls, SCENARIOS.txt): each scenario is served
 * from a loopback TLS server with its own key and judged by tls.certificate at a fixed date,
 * 2026-06-01, inside every root's validity (roots expire 2029-02-10) and after the intermediates'
 * re-issue on 2023-05-17, as the collector's 2026 OpenSSL run implies. The chain verdict must match
 * OpenSSL's. Name coverage deliberately does not: these leaves carry only CN=localhost and no
 * subjectAltName, which OpenSSL accepts by CN fallback and browsers (and we) do not
 * (docs/conformance-tls.md).
 */
class TlsConformanceIT {

    static final Clock AT = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

    /** One row of SCENARIOS.txt and what we must report for it. */
    record Scenario(String name, List<String> serve, String key, String trust, String crl, String host,
                    String openssl, Set<String> chainProblems, List<String> missing, boolean weakSig) {
    }

    static final List<String> LOCALHOST = List.of("localhost");

    static final List<Scenario> SCENARIOS = List.of(
            new Scenario("good-ec", List.of("server5.crt"), "server5.key", "test-ca2.crt", null, "localhost", "0 ok", Set.of("none"), LOCALHOST, false),
            new Scenario("expired", List.of("server5-expired.crt"), "server5.key", "test-ca2.crt", null, "localhost", "10 certificate has expired", Set.of("expired"), LOCALHOST, false),
            new Scenario("not-yet-valid", List.of("server5-future.crt"), "server5.key", "test-ca2.crt", null, "localhost", "9 certificate is not yet valid", Set.of("not-yet-valid"), LOCALHOST, false),
            new Scenario("bad-signature", List.of("server5-badsign.crt"), "server5.key", "test-ca2.crt", null, "localhost", "7 certificate signature failure", Set.of("bad-signature"), LOCALHOST, false),
            new Scenario("self-signed", List.of("server5-selfsigned.crt"), "server5.key", "test-ca2.crt", null, "localhost", "18 self-signed certificate", Set.of("self-signed"), LOCALHOST, false),
            new Scenario("self-signed+expired", List.of("server5-ss-expired.crt"), "server5.key", null, null, "localhost", "self-signed (2007..2017)", Set.of("self-signed"), LOCALHOST, false),
            new Scenario("wrong-host", List.of("server5.crt"), "server5.key", "test-ca2.crt", null, "wrong.example", "62 hostname mismatch", Set.of("none"), List.of("wrong.example"), false),
            new Scenario("wrong-host (RSA)", List.of("server1.crt"), "server1.key", "test-ca.crt", null, "localhost", "62 hostname mismatch", Set.of("none"), LOCALHOST, true),
            new Scenario("untrusted-root", List.of("server5.crt"), "server5.key", "test-ca.crt", null, "localhost", "20 unable to get local issuer certificate", Set.of("untrusted-root", "incomplete-chain"), LOCALHOST, false),
            new Scenario("incomplete-chain", List.of("server7.crt"), "server7.key", "test-ca2.crt", null, "localhost", "20 unable to get local issuer certificate", Set.of("incomplete-chain"), LOCALHOST, false),
            new Scenario("full-chain", List.of("server7.crt", "test-int-ca.crt"), "server7.key", "test-ca2.crt", null, "localhost", "0 ok", Set.of("none"), LOCALHOST, false),
            new Scenario("expired-intermediate", List.of("server7.crt", "test-int-ca-exp.crt"), "server7.key", "test-ca2.crt", null, "localhost", "10 certificate has expired", Set.of("expired"), LOCALHOST, false),
            new Scenario("long-chain", List.of("server10_int3_int-ca2.crt"), "server10.key", "test-ca.crt", null, "localhost", "0 ok", Set.of("none"), LOCALHOST, false),
            new Scenario("sha1-leaf", List.of("server5-sha1.crt"), "server5.key", "test-ca2.crt", null, "localhost", "68 CA signature digest algorithm too weak; ok at SECLEVEL=0", Set.of("none"), LOCALHOST, true),
            new Scenario("md5-leaf", List.of("cert_md5.crt"), "cli-rsa.key", "test-ca.crt", null, "localhost", "server refuses to load at default SECLEVEL", Set.of("weak-algorithm"), LOCALHOST, true),
            new Scenario("revoked", List.of("server6.crt"), "server6.key", "test-ca2.crt", "crl-ec-sha256.pem", "localhost", "23 certificate revoked", Set.of("revoked"), LOCALHOST, false),
            // not in SCENARIOS.txt: without revocation evidence (no CRL given, no stapled OCSP) we do not fetch any
            new Scenario("revoked (no CRL given)", List.of("server6.crt"), "server6.key", "test-ca2.crt", null, "localhost", "0 ok without -crl_check", Set.of("none"), LOCALHOST, false));

    static final AtomicInteger PASSED = new AtomicInteger();
    static final List<String> FAILED = new ArrayList<>();

    @TestFactory
    Stream<DynamicTest> mbedtlsScenariosMatchOpenSslChainVerdicts() {
        Path dir = ConformanceData.require("tls/mbedtls");
        return SCENARIOS.stream().map(s -> dynamicTest(s.name() + " (OpenSSL: " + s.openssl() + ")", () -> {
            try {
                run(dir, s);
                PASSED.incrementAndGet();
            } catch (Throwable t) {
                synchronized (FAILED) {
                    FAILED.add(s.name() + ": " + t.getMessage());
                }
                throw t;
            }
        }));
    }

    @AfterAll
    static void report() {
        System.out.println("TLS conformance (mbedtls): " + PASSED.get() + " passed, " + FAILED.size() + " failed" + (FAILED.isEmpty() ? "" : " " + FAILED));
    }

    private static void run(Path dir, Scenario s) throws Exception {
        List<X509Certificate> chain = new ArrayList<>();
        for (String f : s.serve()) {
            chain.addAll(Pem.certificates(dir.resolve(f)));
        }
        try (TlsTestServer server = TlsTestServer.start(new TlsTestServer.Identity(TestPki.readKey(dir.resolve(s.key())), chain))) {
            Map<String, String> p = new HashMap<>();
            p.put("host", s.host());
            p.put("address", "127.0.0.1");
            p.put("port", String.valueOf(server.port()));
            if (s.trust() != null) {
                p.put("ca", dir.resolve(s.trust()).toString());
            }
            if (s.crl() != null) {
                p.put("crl", dir.resolve(s.crl()).toString());
            }
            TlsCertificateProvider provider = new TlsCertificateProvider();
            assertEquals(List.of(), provider.validate(p));
            CheckResult r = provider.run(CheckRequest.of(s.name(), TlsCertificateProvider.KIND, p, Duration.ofSeconds(10), AT));
            assertTrue(r.observations().containsKey("chain-problem"), "no verdict: " + r.status() + " " + r.message());
            String problem = (String) r.observations().get("chain-problem");
            assertTrue(s.chainProblems().contains(problem), "chain verdict " + problem + " (" + r.message() + "), expected one of " + s.chainProblems());
            assertEquals(s.missing(), r.observations().get("missing-names"), "missing names");
            assertEquals(s.weakSig(), !((String) r.observations().get("weak-sig-alg")).isEmpty(), "weak signature flag: " + r.observations().get("weak-sig-alg"));
        }
    }
}
