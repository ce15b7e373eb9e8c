package dev.switchman.checks.tls;

import com.google.common.net.InetAddresses;
import dev.switchman.checks.dns.DnsChecks;
import dev.switchman.checks.dns.HostAddresses;
import dev.switchman.checks.net.Idna;
import dev.switchman.checks.net.PerAddress;
import dev.switchman.core.check.CheckProvider;
import dev.switchman.core.check.CheckRequest;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.check.ParamSpec;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code tls.certificate}: connects with SNI, captures the presented chain and judges it:
 * chain validity (PKIX at the request clock's "now"), name coverage as browsers judge it
 * (subjectAltName only), days left, key and signature strength, OCSP stapling. Every address of
 * the host (A and AAAA) is checked and reported ({@link PerAddress}); host names and {@code domains}
 * are converted to A-labels by UTS 46 ({@link Idna}), and the A-label is sent as SNI.
 */
public final class TlsCertificateProvider implements CheckProvider {

    public static final String KIND = "tls.certificate";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String summary() {
        return "TLS certificate of a server: chain, SAN coverage of every domain, days left, key and signature strength";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.required("host", "server name: sent as SNI and checked against the certificate"),
                ParamSpec.optional("address", null, "IP address (or name) to connect to instead of resolving host, e.g. the new server before DNS moves"),
                ParamSpec.optional("port", "443", "TCP port"),
                ParamSpec.optional("domains", null, "comma-separated names the certificate must also cover"),
                ParamSpec.optional("min-days", "14", "WARN when the leaf expires within this many days"),
                ParamSpec.optional("ca", null, "PEM file of extra trusted roots (private CA)"),
                ParamSpec.optional("crl", null, "PEM file of CRLs: check revocation against them (no network fetching)"));
    }

    @Override
    public List<String> validate(Map<String, String> params) {
        List<String> problems = new ArrayList<>(CheckProvider.super.validate(params));
        intProblem(params, "port", 1, 65535).ifPresent(problems::add);
        intProblem(params, "min-days", 0, 100_000).ifPresent(problems::add);
        for (String file : List.of("ca", "crl")) {
            String v = params.get(file);
            if (v != null && !v.isBlank() && !Files.isReadable(Path.of(v.trim()))) {
                problems.add("parameter '" + file + "': file " + v.trim() + " does not exist or is not readable (expected a PEM file)");
            }
        }
        return problems;
    }

    static java.util.Optional<String> intProblem(Map<String, String> params, String name, int min, int max) {
        String v = params.get(name);
        if (v == null || v.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                return java.util.Optional.of("parameter '" + name + "': " + n + " is out of range (expected " + min + ".." + max + ")");
            }
            return java.util.Optional.empty();
        } catch (NumberFormatException e) {
            return java.util.Optional.of("parameter '" + name + "': '" + v + "' is not a whole number (expected " + min + ".." + max + ")");
        }
    }

    @Override
    public CheckResult run(CheckRequest request) {
        String host = request.param("host", "").trim();
        int port = Integer.parseInt(request.param("port", "443").trim());
        String addressParam = request.param("address");
        String target = host + ":" + port + (addressParam == null || addressParam.isBlank() ? "" : " via " + addressParam.trim());
        TrustRoots roots;
        List<X509CRL> crls;
        try {
            List<X509Certificate> extra = blank(request.param("ca")) ? List.of() : Pem.certificates(Path.of(request.param("ca").trim()));
            roots = TrustRoots.jdkDefaultsPlus(extra);
            crls = blank(request.param("crl")) ? List.of() : Pem.crls(Path.of(request.param("crl").trim()));
        } catch (IllegalArgumentException e) {
            return request.result(CheckStatus.ERROR, target, e.getMessage(), Map.of());
        }
        String sni;
        Set<String> names = new LinkedHashSet<>();
        try {
            sni = Idna.hostToAscii(host);
            names.add(sni);
            if (!blank(request.param("domains"))) {
                for (String d : request.param("domains").split(",")) {
                    if (!d.isBlank()) {
                        names.add(Idna.hostToAscii(d.trim()));
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            return request.result(CheckStatus.ERROR, target, e.getMessage(), Map.of());
        }
        HostAddresses.Resolution resolved = HostAddresses.resolve(blank(addressParam) ? host : addressParam.trim(), null,
                request.environment(), DnsChecks.deadline(request));
        if (!resolved.ok()) {
            return request.result(resolved.failure(), target, resolved.problem(), Map.of());
        }
        int minDays = Integer.parseInt(request.param("min-days", "14").trim());
        ChainValidator validator = new ChainValidator(roots, crls);
        return PerAddress.run(request, target, resolved.addresses(),
                address -> one(request, target, sni, address, port, validator, List.copyOf(names), minDays));
    }

    /** The handshake with one address and the verdict on what it presented. */
    private static CheckResult one(CheckRequest request, String target, String sni, InetAddress address, int port,
                                   ChainValidator validator, List<String> names, int minDays) {
        String where = InetAddresses.toUriString(address) + ":" + port;
        Map<String, Object> at = Map.of("address", InetAddresses.toAddrString(address));
        Duration left = request.remaining();
        if (left.isZero()) {
            return request.result(CheckStatus.UNKNOWN, target, "no time left before the deadline to connect to " + where, at);
        }
        TlsHandshake.Presented presented;
        try {
            presented = TlsHandshake.capture(sni, address, port, left);
        } catch (SocketTimeoutException e) {
            return request.result(CheckStatus.UNKNOWN, target, "timed out talking TLS to " + where + " (" + left.toMillis() + " ms)", at);
        } catch (ConnectException e) {
            return request.result(CheckStatus.ERROR, target, "cannot connect to " + where + ": " + e.getMessage(), at);
        } catch (IOException e) {
            return request.result(CheckStatus.ERROR, target, "TLS handshake with " + where + " failed: " + e.getMessage(), at);
        }
        return judge(request, target, presented, validator, names, minDays);
    }

    /** The verdict on a presented chain at the request clock's "now". */
    static CheckResult judge(CheckRequest request, String target, TlsHandshake.Presented presented, ChainValidator validator, List<String> names, int minDays) {
        Instant now = request.clock().instant();
        if (presented.chain().isEmpty()) {
            return request.result(CheckStatus.FAIL, target, "the server at " + InetAddresses.toAddrString(presented.address()) + " presented no certificate", Map.of("chain-valid", false));
        }
        X509Certificate leaf = presented.chain().get(0);
        ChainVerdict verdict = validator.validate(presented.chain(), now, presented.stapledOcsp());
        List<String> missing = HostnameMatcher.missing(leaf, names);
        KeyFacts key = KeyFacts.of(leaf);
        long daysLeft = Math.floorDiv(Duration.between(now, leaf.getNotAfter().toInstant()).getSeconds(), 86_400L);

        List<String> fails = new ArrayList<>();
        List<String> warns = new ArrayList<>();
        if (!verdict.valid()) {
            fails.add("chain invalid (" + verdict.problem().code() + "): " + verdict.detail());
        }
        if (!missing.isEmpty()) {
            fails.add("not covered by subjectAltName: " + String.join(", ", missing));
        }
        boolean serverAuth = allowsServerAuth(leaf);
        if (!serverAuth) {
            fails.add("not for TLS servers: extendedKeyUsage lacks serverAuth");
        }
        if (daysLeft < 0 && verdict.valid()) {
            fails.add("certificate expired " + (-daysLeft) + " days ago");
        }
        if (key.weakKey()) {
            fails.add("weak key: " + key.keyType() + " " + key.keyBits() + " bits");
        }
        String weakestSig = null;
        for (X509Certificate c : signedPart(presented.chain(), verdict)) {
            KeyFacts f = KeyFacts.of(c);
            if (f.brokenSignature()) {
                fails.add("broken signature algorithm " + f.sigAlg() + " on " + ChainValidator.name(c));
                weakestSig = f.sigAlg();
            } else if (f.sha1Signature()) {
                warns.add("SHA-1 signature on " + ChainValidator.name(c));
                weakestSig = weakestSig == null ? f.sigAlg() : weakestSig;
            }
        }
        if (daysLeft >= 0 && daysLeft < minDays) {
            warns.add("expires in " + daysLeft + " days (less than min-days " + minDays + ")");
        }

        Map<String, Object> obs = new LinkedHashMap<>();
        obs.put("days-left", daysLeft);
        obs.put("not-after", leaf.getNotAfter().toInstant().toString());
        obs.put("missing-names", missing);
        obs.put("chain-valid", verdict.valid());
        obs.put("chain-problem", verdict.problem().code());
        obs.put("issuer", leaf.getIssuerX500Principal().getName());
        obs.put("subject", leaf.getSubjectX500Principal().getName());
        obs.put("names", HostnameMatcher.dnsNames(leaf));
        obs.put("key-type", key.keyType());
        obs.put("key-bits", key.keyBits());
        obs.put("sig-alg", key.sigAlg());
        obs.put("weak-sig-alg", weakestSig == null ? "" : weakestSig);
        obs.put("ocsp-stapled", presented.stapledOcsp() != null);
        obs.put("server-auth", serverAuth);
        obs.put("chain", presented.chain().stream().map(ChainValidator::name).toList());
        obs.put("address", InetAddresses.toAddrString(presented.address()));
        if (!presented.protocol().isEmpty()) {
            obs.put("tls-version", presented.protocol());
            obs.put("cipher", presented.cipher());
        }

        CheckStatus status = !fails.isEmpty() ? CheckStatus.FAIL : !warns.isEmpty() ? CheckStatus.WARN : CheckStatus.PASS;
        String message;
        if (status == CheckStatus.PASS) {
            message = "valid for " + String.join(", ", names) + ", " + daysLeft + " days left, " + key.keyType() + " " + key.keyBits()
                    + ", issued by " + leaf.getIssuerX500Principal().getName();
        } else {
            List<String> all = new ArrayList<>(fails);
            all.addAll(warns);
            message = String.join("; ", all);
        }
        return request.result(status, target, message, obs);
    }

    /** No extendedKeyUsage (any use), or one naming serverAuth or anyExtendedKeyUsage: what browsers accept. */
    static boolean allowsServerAuth(X509Certificate leaf) {
        try {
            List<String> eku = leaf.getExtendedKeyUsage();
            return eku == null || eku.contains("1.3.6.1.5.5.7.3.1") || eku.contains("2.5.29.37.0");
        } catch (java.security.cert.CertificateParsingException e) {
            return false;
        }
    }

    /** Certificates whose own signature matters: the path below the trust anchor, never a self-signed root. */
    private static List<X509Certificate> signedPart(List<X509Certificate> presented, ChainVerdict verdict) {
        List<X509Certificate> path = verdict.path().isEmpty() ? presented : verdict.path();
        List<X509Certificate> out = new ArrayList<>();
        for (X509Certificate c : path) {
            if (c.equals(verdict.anchor()) || (ChainValidator.selfSigned(c) && path.size() > 1)) {
                continue;
            }
            out.add(c);
        }
        return out;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
