package dev.switchman.checks.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.checks.tls.TestPki;
import dev.switchman.core.check.CheckRequest;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SshHostKeyProviderIT {

    static SshServer server;
    static KeyPair hostKey;
    static String expected;

    final SshHostKeyProvider provider = new SshHostKeyProvider();

    @BeforeAll
    static void start() throws Exception {
        hostKey = TestPki.ec();
        expected = opensshFingerprint((ECPublicKey) hostKey.getPublic());
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPasswordAuthenticator((user, password, session) -> false);
        server.start();
    }

    @AfterAll
    static void stop() throws IOException {
        server.stop(true);
    }

    /** SHA256 of the key's SSH wire form (RFC 5656), base64 without padding, as ssh-keygen -l prints. */
    static String opensshFingerprint(ECPublicKey key) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(buf);
        byte[] q = new byte[65];
        q[0] = 4;
        copy(key.getW().getAffineX(), q, 1);
        copy(key.getW().getAffineY(), q, 33);
        for (byte[] field : List.of("ecdsa-sha2-nistp256".getBytes(StandardCharsets.US_ASCII), "nistp256".getBytes(StandardCharsets.US_ASCII), q)) {
            out.writeInt(field.length);
            out.write(field);
        }
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(buf.toByteArray());
        return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
    }

    private static void copy(BigInteger n, byte[] into, int at) {
        byte[] b = n.toByteArray();
        int len = Math.min(b.length, 32);
        System.arraycopy(b, b.length - len, into, at + 32 - len, len);
    }

    CheckResult probe(int port, String fingerprint, Duration timeout) {
        Map<String, String> p = Map.of("host", "127.0.0.1", "port", String.valueOf(port), "expect-fingerprint", fingerprint);
        assertEquals(List.of(), provider.validate(p));
        return provider.run(CheckRequest.of("ssh", SshHostKeyProvider.KIND, p, timeout, Clock.systemUTC()));
    }

    @Test
    void passesWhenTheHostKeyFingerprintMatches() {
        CheckResult r = probe(server.getPort(), expected, Duration.ofSeconds(10));
        assertEquals(CheckStatus.PASS, r.status(), r.message());
        assertEquals(expected, r.observations().get("fingerprint"));
        assertEquals("ecdsa-sha2-nistp256", r.observations().get("key-type"));
        assertTrue(((String) r.observations().get("banner")).startsWith("SSH-2.0-"), String.valueOf(r.observations().get("banner")));
        assertTrue(((List<?>) r.observations().get("kex-algorithms")).size() > 0);
        assertTrue(((List<?>) r.observations().get("host-key-algorithms")).contains("ecdsa-sha2-nistp256"));
    }

    @Test
    void failsWhenTheHostKeyFingerprintDiffers() {
        String other = "SHA256:" + "A".repeat(43);
        CheckResult r = probe(server.getPort(), other, Duration.ofSeconds(10));
        assertEquals(CheckStatus.FAIL, r.status());
        assertEquals(expected, r.observations().get("fingerprint"));
        assertTrue(r.message().contains("does not match"), r.message());
    }

    @Test
    void isAnErrorNamingTheAddressWhenNothingListens() throws Exception {
        int port;
        try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = ss.getLocalPort();
        }
        CheckResult r = probe(port, expected, Duration.ofSeconds(5));
        assertEquals(CheckStatus.ERROR, r.status(), r.message());
        assertTrue(r.message().contains("127.0.0.1:" + port), r.message());
    }

    @Test
    void isUnknownWhenTheServerSendsNoBannerBeforeTheDeadline() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CheckResult r = probe(silent.getLocalPort(), expected, Duration.ofMillis(500));
            assertEquals(CheckStatus.UNKNOWN, r.status(), r.message());
        }
    }

    @Test
    void rejectsAFingerprintNotInOpenSshForm() {
        List<String> problems = provider.validate(Map.of("host", "h", "expect-fingerprint", "MD5:aa:bb"));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("SHA256:"), problems.get(0));
    }

    /** Issue 13: every address of the host (A and AAAA) is checked; the host name is looked up in A-labels (UTS 46). */
    @Test
    void checksEveryAddressOfAnInternationalisedHostAndNamesTheOneWithAnotherKey() throws Exception {
        SshServer other = SshServer.setUpDefaultServer();
        other.setHost("127.0.0.2");
        other.setPort(server.getPort());
        other.setKeyPairProvider(KeyPairProvider.wrap(TestPki.ec()));
        other.setPasswordAuthenticator((user, password, session) -> false);
        other.start();
        try (var dns = dev.switchman.checks.testing.DnsTestServer.start(dev.switchman.checks.testing.Zone.of("""
                xn--strae-oqa.example.test. 300 A 127.0.0.1
                xn--strae-oqa.example.test. 300 A 127.0.0.2
                """))) {
            Map<String, String> p = Map.of("host", "straße.example.test", "port", String.valueOf(server.getPort()), "expect-fingerprint", expected);
            CheckResult r = provider.run(dev.switchman.checks.testing.Requests.request(SshHostKeyProvider.KIND, p, Clock.systemUTC(), Duration.ofSeconds(30), dns.hostPort()));
            assertEquals(CheckStatus.FAIL, r.status(), r.message());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> per = (List<Map<String, Object>>) r.observations().get("addresses");
            assertEquals(List.of("127.0.0.1", "127.0.0.2"), per.stream().map(m -> m.get("address")).toList());
            assertEquals(List.of("PASS", "FAIL"), per.stream().map(m -> m.get("status")).toList());
            assertTrue(r.message().contains("127.0.0.2 FAIL"), r.message());
        } finally {
            other.stop(true);
        }
    }
}
