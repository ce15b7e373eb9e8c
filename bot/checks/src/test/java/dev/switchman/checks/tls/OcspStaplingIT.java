package dev.switchman.checks.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.check.CheckRequest;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A loopback TLS server that staples OCSP responses fetched from a loopback OCSP responder
 * (failsafe sets jdk.tls.server.enableStatusRequestExtension=true). The stapled response is the
 * only revocation evidence the check uses; the clock is the real one because the server judges
 * the response's freshness by it.
 */
class OcspStaplingIT {

    @TempDir
    Path dir;

    @Test
    void reportsAStapledGoodResponseAndPasses() throws Exception {
        assertEquals(CheckStatus.PASS, run(false).status());
    }

    @Test
    void failsWhenTheStapledResponseSaysRevoked() throws Exception {
        CheckResult r = run(true);
        assertEquals(CheckStatus.FAIL, r.status(), r.message());
        assertEquals("revoked", r.observations().get("chain-problem"), r.message());
    }

    private CheckResult run(boolean revoke) throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("jdk.tls.server.enableStatusRequestExtension"),
                "needs -Djdk.tls.server.enableStatusRequestExtension=true (set by failsafe in bot/checks/pom.xml)");
        TestPki.Issued root = TestPki.root("OCSP Root");
        TestPki.Issued intermediate = TestPki.intermediate("OCSP Intermediate", root);
        Instant now = Instant.now();
        try (OcspResponder responder = new OcspResponder(intermediate)) {
            TestPki.Issued leaf = TestPki.spec().subject("CN=stapled.example.test").dns("stapled.example.test")
                    .valid(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(90))).ocsp(responder.url()).issuedBy(intermediate);
            if (revoke) {
                responder.revoke(leaf.cert().getSerialNumber());
            }
            Path rootPem = TestPki.writePem(dir.resolve("root.pem"), root.cert());
            try (TlsTestServer server = TlsTestServer.start(leaf.key(), leaf.cert(), intermediate.cert())) {
                Map<String, String> p = Map.of("host", "stapled.example.test", "address", "127.0.0.1",
                        "port", String.valueOf(server.port()), "ca", rootPem.toString());
                CheckResult r = new TlsCertificateProvider().run(CheckRequest.of("ocsp", TlsCertificateProvider.KIND, p, Duration.ofSeconds(15), Clock.systemUTC()));
                assertTrue(responder.requests() > 0, "the server asked the responder");
                assertEquals(true, r.observations().get("ocsp-stapled"), r.message());
                return r;
            }
        }
    }
}
