package dev.switchman.checks.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * badssl.com's production chains (shared/conformance/tls/badssl/prod-chains; public certificates,
 * no keys, all expired now): each is parsed and validated at a date inside its leaf's validity
 * against the JDK default trust store. Chains from known-bad interception roots, self-signed and
 * incomplete chains must fail for that reason; a chain from a public CA must validate exactly when
 * the trust store holds its root; and with the leaked interception root added as an extra CA the
 * interception chains validate (the ca parameter works, and only because we asked).
 */
class BadsslChainsTest {

    static final java.util.Map<String, Integer> VERDICTS = new java.util.concurrent.ConcurrentSkipListMap<>();

    static final java.util.Set<String> NOT_VALID = new java.util.concurrent.ConcurrentSkipListSet<>();

    @org.junit.jupiter.api.AfterAll
    static void report() {
        System.out.println("badssl chains against the JDK trust store: " + VERDICTS + " not valid: " + NOT_VALID);
    }

    static final Set<String> INTERCEPTION = Set.of("superfish", "edellroot", "dsdtestprovider");

    @TestFactory
    Stream<DynamicTest> badsslChainsGetTheVerdictTheTrustStoreImplies() throws IOException {
        Path dir = ConformanceData.require("tls/badssl");
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir.resolve("prod-chains"))) {
            files = s.filter(p -> p.toString().endsWith(".pem") || p.toString().endsWith(".crt")).sorted().toList();
        }
        ChainValidator jdk = new ChainValidator(TrustRoots.jdkDefaultsPlus(List.of()), List.of());
        List<X509Certificate> store = TrustRoots.jdkDefaults();
        return files.stream().map(f -> dynamicTest(dir.relativize(f).toString(), () -> {
            String name = f.getFileName().toString();
            List<X509Certificate> chain = Pem.certificates(f);
            X509Certificate leaf = chain.get(0);
            Instant at = leaf.getNotBefore().toInstant().plus(Duration.ofDays(1));
            ChainVerdict v = jdk.validate(chain, at, null);
            VERDICTS.merge(v.problem().code(), 1, Integer::sum);
            if (!v.valid()) {
                NOT_VALID.add(name + "=" + v.problem().code());
            }
            KeyFacts key = KeyFacts.of(leaf);
            assertTrue(TlsCertificateProvider.allowsServerAuth(leaf), "a TLS server certificate allows serverAuth");
            String interception = INTERCEPTION.stream().filter(name::contains).findFirst().orElse(null);
            if (interception != null) {
                assertEquals(ChainProblem.INCOMPLETE_CHAIN, v.problem(), v.detail());
                Path root = dir.resolve("src-ca").resolve("ca-" + interception + ".crt");
                ChainVerdict withRoot = new ChainValidator(TrustRoots.jdkDefaultsPlus(Pem.certificates(root)), List.of()).validate(chain, at, null);
                // eDellRoot's key is on the JDK's blocked.certs list: still refused when added as a root
                assertEquals(interception.equals("edellroot") ? ChainProblem.DISTRUSTED : ChainProblem.NONE, withRoot.problem(), withRoot.detail());
            } else if (name.contains("self-signed")) {
                assertEquals(ChainProblem.SELF_SIGNED, v.problem(), v.detail());
            } else if (name.contains("incomplete-chain") || name.equals("fallback.pem")) {
                assertEquals(ChainProblem.INCOMPLETE_CHAIN, v.problem(), v.detail());
            } else {
                X509Certificate top = ChainValidator.order(chain).get(ChainValidator.order(chain).size() - 1);
                boolean rootInStore = store.stream().anyMatch(r -> r.getSubjectX500Principal().equals(top.getIssuerX500Principal())
                        || (r.getSubjectX500Principal().equals(top.getSubjectX500Principal()) && r.getPublicKey().equals(top.getPublicKey())));
                if (rootInStore) {
                    assertEquals(ChainProblem.NONE, v.problem(), v.detail());
                } else {
                    assertEquals(ChainProblem.INCOMPLETE_CHAIN, v.problem(), "root not in this trust store: " + v.detail());
                }
                ChainVerdict later = jdk.validate(chain, leaf.getNotAfter().toInstant().plus(Duration.ofDays(1)), null);
                assertTrue(Set.of(ChainProblem.EXPIRED, ChainProblem.INCOMPLETE_CHAIN).contains(later.problem()), "after notAfter: " + later.problem());
            }
            if (name.contains("sha1")) {
                boolean anySha1 = chain.stream().limit(chain.size()).anyMatch(c -> KeyFacts.of(c).sha1Signature());
                assertTrue(anySha1, "SHA-1 signature flagged in " + name);
            }
            if (name.contains("rsa8192")) {
                assertEquals(8192, key.keyBits());
            }
            if (name.contains("ecc384")) {
                assertEquals("EC", key.keyType());
            }
            if (name.contains("1000-sans")) {
                assertTrue(HostnameMatcher.dnsNames(leaf).size() >= 1000, "SAN count " + HostnameMatcher.dnsNames(leaf).size());
                assertTrue(HostnameMatcher.covers(leaf, "1000-sans.badssl.com"));
            }
            if (name.startsWith("wildcard-") && !name.contains("self-signed")) {
                List<String> names = new ArrayList<>(HostnameMatcher.dnsNames(leaf));
                assertTrue(HostnameMatcher.covers(leaf, "sha256.badssl.com") || names.stream().noneMatch(n -> n.equals("*.badssl.com")), names.toString());
            }
            if (name.contains("xn--n1aae7f7o")) {
                assertTrue(HostnameMatcher.covers(leaf, "ѕрооғ.badssl.com"), HostnameMatcher.dnsNames(leaf).toString());
            }
            if (name.contains("no-subject") || name.contains("no-common-name")) {
                String host = name.contains("no-subject") ? "no-subject.badssl.com" : "no-common-name.badssl.com";
                assertTrue(HostnameMatcher.covers(leaf, host), HostnameMatcher.dnsNames(leaf).toString());
            }
        }));
    }
}
