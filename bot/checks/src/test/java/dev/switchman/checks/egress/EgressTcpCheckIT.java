package dev.switchman.checks.egress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.checks.testing.Requests;
import dev.switchman.checks.tls.TestPki;
import dev.switchman.checks.tls.TlsTestServer;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** egress.tcp against loopback listeners the test opens (and a port it closed again). */
class EgressTcpCheckIT {

    static CheckResult check(Map<String, String> params) {
        assertEquals(List.of(), new EgressTcpCheck().validate(params));
        return new EgressTcpCheck().run(Requests.request(EgressTcpCheck.KIND, params));
    }

    static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void everyListenerReachableIsPassWithMillisecondsEach() throws Exception {
        try (ServerSocket a = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             ServerSocket b = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String ea = "127.0.0.1:" + a.getLocalPort();
            String eb = "127.0.0.1:" + b.getLocalPort();
            CheckResult r = check(Map.of("endpoints", ea + "," + eb));
            assertEquals(CheckStatus.PASS, r.status(), r.message());
            assertEquals(List.of(), r.observations().get("unreachable"));
            assertEquals(java.util.Set.of(ea, eb), ((Map<?, ?>) r.observations().get("ms")).keySet());
        }
    }

    @Test
    void aRefusedPortIsFailNamingIt() throws Exception {
        try (ServerSocket open = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String closed = "127.0.0.1:" + closedPort();
            CheckResult r = check(Map.of("endpoints", "127.0.0.1:" + open.getLocalPort() + "," + closed));
            assertEquals(CheckStatus.FAIL, r.status(), r.message());
            assertEquals(List.of(closed), r.observations().get("unreachable"));
            assertEquals(1, r.observations().get("reachable-count"));
            assertTrue(r.message().contains(closed + " refused"), r.message());
        }
    }

    @Test
    void tlsHandshakeCompletesButVerifyRejectsAnUntrustedCertificate() throws Exception {
        TestPki.Issued self = TestPki.spec().subject("CN=egress.test").dns("egress.test").selfSigned();
        try (TlsTestServer tls = TlsTestServer.start(self.key(), self.cert())) {
            String e = "127.0.0.1:" + tls.port();
            CheckResult handshake = check(Map.of("endpoints", e, "tls", "handshake"));
            assertEquals(CheckStatus.PASS, handshake.status(), handshake.message());
            CheckResult verify = check(Map.of("endpoints", e, "tls", "verify"));
            assertEquals(CheckStatus.FAIL, verify.status(), verify.message());
            assertTrue(verify.message().contains("TLS handshake failed"), verify.message());
        }
        try (ServerSocket plain = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            // a listener that accepts but never speaks TLS: the handshake times out, so it is unreachable over TLS
            CheckResult r = check(Map.of("endpoints", "127.0.0.1:" + plain.getLocalPort(), "tls", "handshake", "connect-timeout-ms", "300"));
            assertEquals(CheckStatus.FAIL, r.status(), r.message());
        }
    }

    @Test
    void badEndpointsAreRejectedAtValidation() {
        List<String> problems = new EgressTcpCheck().validate(Map.of("endpoints", "api.example.test,host:99999", "tls", "maybe"));
        assertEquals(3, problems.size(), problems.toString());
        assertEquals(List.of("parameter 'endpoints': host name 'xn--zz.example' is not a valid internationalised name (UTS 46: PUNYCODE)"),
                new EgressTcpCheck().validate(Map.of("endpoints", "xn--zz.example:443")));
    }

    @Test
    void aHostNameIsLookedUpByItsALabelForm() throws Exception {
        // UTS 46 maps full-width letters to ASCII: the name asked for is "localhost" (in /etc/hosts)
        try (ServerSocket a = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String e = "\uff4c\uff4f\uff43\uff41\uff4c\uff48\uff4f\uff53\uff54:" + a.getLocalPort();
            CheckResult r = check(Map.of("endpoints", e));
            assertEquals(CheckStatus.PASS, r.status(), r.message());
        }
    }
}
