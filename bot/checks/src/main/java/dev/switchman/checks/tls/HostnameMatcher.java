package dev.switchman.checks.tls;

import dev.switchman.checks.net.Idna;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Name coverage judged as browsers do (RFC 6125, CA/Browser Forum): only subjectAltName entries
 * count (dNSName for names, iPAddress for address literals); the subject CN is never used, unlike
 * Java's own {@code HostnameChecker}, which still falls back to it. A wildcard is a whole left-most
 * label {@code *} followed by at least two labels; it stands for exactly one non-empty label, so it
 * never covers the apex or two labels, and partial-label wildcards ({@code f*.example.com}) match
 * nothing.
 */
public final class HostnameMatcher {

    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    private HostnameMatcher() {
    }

    /** The dNSName entries of the certificate's subjectAltName, as written. */
    public static List<String> dnsNames(X509Certificate cert) {
        return sanEntries(cert, SAN_DNS);
    }

    /** The iPAddress entries of the certificate's subjectAltName. */
    public static List<String> ipAddresses(X509Certificate cert) {
        return sanEntries(cert, SAN_IP);
    }

    /** True when the certificate's subjectAltName covers the name (a DNS name or an IP literal). */
    public static boolean covers(X509Certificate cert, String name) {
        String host = name.trim();
        if (isIpLiteral(host)) {
            InetAddress wanted = ip(host);
            for (String ip : ipAddresses(cert)) {
                if (wanted != null && wanted.equals(ip(ip))) {
                    return true;
                }
            }
            return false;
        }
        for (String pattern : dnsNames(cert)) {
            if (matches(pattern, host)) {
                return true;
            }
        }
        return false;
    }

    /** The names not covered by the certificate, in the given order. */
    public static List<String> missing(X509Certificate cert, Collection<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (!covers(cert, n) && !out.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }

    /** One SAN dNSName pattern against one reference host name (RFC 6125 section 6.4). */
    public static boolean matches(String pattern, String host) {
        String p = normalize(pattern);
        String h = normalize(host);
        if (p == null || h == null || p.isEmpty() || h.isEmpty()) {
            return false;
        }
        if (!p.contains("*")) {
            return p.equals(h);
        }
        if (!p.startsWith("*.") || p.indexOf('*', 1) >= 0) {
            return false; // partial-label or non-left-most wildcard: never matches
        }
        String suffix = p.substring(2);
        if (suffix.split("\\.", -1).length < 2) {
            return false; // "*.com": a wildcard needs at least two labels after it
        }
        int dot = h.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        String rest = h.substring(dot + 1);
        return rest.equals(suffix);
    }

    private static String normalize(String name) {
        String n = name.trim();
        if (n.endsWith(".")) {
            n = n.substring(0, n.length() - 1);
        }
        if (n.isEmpty() || n.contains("..")) {
            return null;
        }
        if (!n.startsWith("*.")) {
            try {
                n = Idna.hostToAscii(n); // UTS 46 non-transitional: straße -> xn--strae-oqa
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return n.toLowerCase(Locale.ROOT);
    }

    static boolean isIpLiteral(String host) {
        return Idna.isIpLiteral(host);
    }

    private static InetAddress ip(String literal) {
        String h = literal.startsWith("[") && literal.endsWith("]") ? literal.substring(1, literal.length() - 1) : literal;
        if (!isIpLiteral(h)) {
            return null;
        }
        try {
            return InetAddress.getByName(h); // a literal: no lookup happens
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static List<String> sanEntries(X509Certificate cert, int type) {
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans == null) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (List<?> entry : sans) {
                if (entry.size() >= 2 && entry.get(0) instanceof Integer t && t == type && entry.get(1) instanceof String s) {
                    out.add(s);
                }
            }
            return out;
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }
}
