package dev.switchman.checks.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostnameMatcherTest {

    @Test
    void exactNamesMatchCaseInsensitivelyAndIgnoringATrailingDot() {
        assertTrue(HostnameMatcher.matches("Example.COM", "example.com"));
        assertTrue(HostnameMatcher.matches("example.com", "EXAMPLE.com."));
        assertFalse(HostnameMatcher.matches("example.com", "www.example.com"));
    }

    @Test
    void wildcardStandsForExactlyOneLeftMostLabel() {
        assertTrue(HostnameMatcher.matches("*.example.com", "www.example.com"));
        assertFalse(HostnameMatcher.matches("*.example.com", "example.com"), "never the apex");
        assertFalse(HostnameMatcher.matches("*.example.com", "a.b.example.com"), "never two labels");
        assertFalse(HostnameMatcher.matches("*.example.com", ".example.com"));
    }

    @Test
    void partialLabelAndInnerWildcardsMatchNothing() {
        assertFalse(HostnameMatcher.matches("w*.example.com", "www.example.com"));
        assertFalse(HostnameMatcher.matches("*w.example.com", "www.example.com"));
        assertFalse(HostnameMatcher.matches("www.*.com", "www.example.com"));
        assertFalse(HostnameMatcher.matches("*.*.example.com", "a.b.example.com"));
    }

    @Test
    void wildcardNeedsTwoLabelsAfterIt() {
        assertFalse(HostnameMatcher.matches("*.com", "example.com"));
        assertFalse(HostnameMatcher.matches("*", "localhost"));
    }

    @Test
    void internationalNamesCompareAsALabels() {
        assertTrue(HostnameMatcher.matches("xn--n1aae7f7o.badssl.com", "ѕрооғ.badssl.com"));
        assertTrue(HostnameMatcher.matches("*.xn--bcher-kva.example", "www.bücher.example"));
    }

    @Test
    void commonNameIsNeverUsedEvenWithoutSubjectAltName() {
        TestPki.Issued cnOnly = TestPki.spec().subject("CN=app.example.test").selfSigned();
        assertFalse(HostnameMatcher.covers(cnOnly.cert(), "app.example.test"));
        assertEquals(List.of("app.example.test"), HostnameMatcher.missing(cnOnly.cert(), List.of("app.example.test")));
    }

    @Test
    void ipLiteralsMatchOnlyIpAddressEntries() throws Exception {
        TestPki.Issued dnsIp = TestPki.spec().subject("CN=x").dns("127.0.0.1").selfSigned();
        assertFalse(HostnameMatcher.covers(dnsIp.cert(), "127.0.0.1"), "an IP written as dNSName does not count");
        TestPki.Issued ip = TestPki.spec().subject("CN=x").ip("127.0.0.1", "::1").selfSigned();
        assertTrue(HostnameMatcher.covers(ip.cert(), "127.0.0.1"));
        assertTrue(HostnameMatcher.covers(ip.cert(), "[0:0:0:0:0:0:0:1]"));
        assertFalse(HostnameMatcher.covers(ip.cert(), "127.0.0.2"));
        assertFalse(HostnameMatcher.covers(ip.cert(), "localhost"));
    }

    @Test
    void mbedtlsMultiNameCertificateCoversItsSubjectAltNamesOnly() {
        Path dir = ConformanceData.require("tls/mbedtls");
        X509Certificate multi = Pem.certificates(dir.resolve("cert_example_multi.crt")).get(0);
        assertTrue(HostnameMatcher.covers(multi, "example.com"));
        assertTrue(HostnameMatcher.covers(multi, "example.net"));
        assertTrue(HostnameMatcher.covers(multi, "www.example.org"));
        assertFalse(HostnameMatcher.covers(multi, "example.org"), "apex of *.example.org");
        assertFalse(HostnameMatcher.covers(multi, "a.b.example.org"));
        assertFalse(HostnameMatcher.covers(multi, "www.example.com"), "its CN, not in the SAN");
    }

    @Test
    void mbedtlsWildcardInCommonNameOnlyCoversNothing() {
        Path dir = ConformanceData.require("tls/mbedtls");
        X509Certificate wildcardCn = Pem.certificates(dir.resolve("cert_example_wildcard.crt")).get(0);
        assertFalse(HostnameMatcher.covers(wildcardCn, "www.example.com"));
        assertEquals(List.of(), HostnameMatcher.dnsNames(wildcardCn));
    }
}
