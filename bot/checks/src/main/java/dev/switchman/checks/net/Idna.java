package dev.switchman.checks.net;

import com.ibm.icu.text.IDNA;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Internationalised host names (RFC 5890-5893) by UTS 46 non-transitional processing (ICU4J): the
 * one conversion every check applies where a host name enters (tls, http, dns, mail, ssh and the
 * {@code probe} command through them). Non-transitional means the IDNA2008 deviation characters
 * (ß, ς, ZWJ, ZWNJ) are kept and encoded, as browsers and registries do today: {@code straße.example}
 * is {@code xn--strae-oqa.example}, not {@code strasse.example} (what {@code java.net.IDN}, IDNA2003 on
 * Unicode 3.2, gives). Upper case is mapped to lower case; a trailing dot is kept.
 *
 * <p>{@link #hostToAscii} applies the STD3 rules (letters, digits, hyphen: a host name);
 * {@link #dnsNameToAscii} does not, so DNS owner names such as {@code _dmarc.example.com} or
 * {@code s1._domainkey.example.com} pass. Both throw {@link IllegalArgumentException} with a sentence
 * naming the name and what UTS 46 found wrong (e.g. an empty label, invalid Punycode, a disallowed
 * character, a bidi or context rule). IP literals pass unchanged.
 */
public final class Idna {

    private static final int COMMON = IDNA.NONTRANSITIONAL_TO_ASCII | IDNA.NONTRANSITIONAL_TO_UNICODE
            | IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ | IDNA.CHECK_CONTEXTO;
    private static final IDNA HOST = IDNA.getUTS46Instance(COMMON | IDNA.USE_STD3_RULES);
    private static final IDNA DNS = IDNA.getUTS46Instance(COMMON);
    /** scheme://[userinfo@]host or //host: the host part of an absolute URL or a network-path reference. */
    private static final Pattern URL_HOST = Pattern.compile("^((?:[A-Za-z][A-Za-z0-9+.-]*:)?//(?:[^/?#@]*@)?)([^/?#:\\[\\]]+)");

    private Idna() {
    }

    /** A host name as an A-label string (STD3 rules), e.g. for SNI, a Host header or a lookup. */
    public static String hostToAscii(String host) {
        return convert(HOST, host, "host name");
    }

    /** A DNS name as A-labels, underscores allowed ({@code _dmarc}, {@code _domainkey}). */
    public static String dnsNameToAscii(String name) {
        return convert(DNS, name, "DNS name");
    }

    /** The Unicode (U-label) form of a name, for display and for lists kept in Unicode. */
    public static String toUnicode(String name) {
        if (isIpLiteral(name)) {
            return name;
        }
        IDNA.Info info = new IDNA.Info();
        StringBuilder out = new StringBuilder();
        DNS.nameToUnicode(name, out, info);
        return info.hasErrors() ? name.toLowerCase(Locale.ROOT) : out.toString();
    }

    /**
     * An http(s) URL, or a network-path reference ({@code //host/...}), with its host converted by
     * {@link #hostToAscii}; anything else (a relative reference, an IPv6 literal) is returned as is.
     */
    public static String urlToAscii(String url) {
        Matcher m = URL_HOST.matcher(url);
        if (!m.find() || m.group(2).chars().allMatch(c -> c < 0x80)) {
            return url;
        }
        return m.group(1) + hostToAscii(m.group(2)) + url.substring(m.end());
    }

    /** An IPv4 dotted quad or an IPv6 literal (bracketed or not). */
    public static boolean isIpLiteral(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return h.matches("\\d{1,3}(\\.\\d{1,3}){3}") || (h.contains(":") && h.matches("[0-9a-fA-F:.]+(%.+)?"));
    }

    private static String convert(IDNA idna, String name, String what) {
        String n = name.strip();
        if (n.isEmpty()) {
            throw new IllegalArgumentException("empty " + what);
        }
        if (isIpLiteral(n)) {
            return n;
        }
        if (n.chars().allMatch(c -> c < 0x80) && !n.toLowerCase(Locale.ROOT).contains("xn--")) {
            // plain ASCII without A-labels: UTS 46 would only lower-case it; the case is kept as written
            if (!n.equals(".") && (n.startsWith(".") || n.contains(".."))) {
                throw new IllegalArgumentException(what + " '" + name + "' has an empty label (UTS 46: EMPTY_LABEL)");
            }
            return n;
        }
        return check(idna, n, name, what);
    }

    private static String check(IDNA idna, String n, String name, String what) {
        IDNA.Info info = new IDNA.Info();
        StringBuilder out = new StringBuilder();
        idna.nameToASCII(n, out, info);
        Set<IDNA.Error> errors = info.getErrors();
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(what + " '" + name + "' is not a valid internationalised name (UTS 46: "
                    + String.join(", ", errors.stream().map(Enum::name).sorted().toList()) + ")");
        }
        return out.toString();
    }
}
