package dev.switchman.checks.mail;

import java.util.Locale;
import java.util.Set;

/**
 * The organisational domain (RFC 7489 3.2) by a small built-in rule instead of the Public Suffix List:
 * the last two labels, or the last three when the last two are a known two-level public suffix
 * (co.uk, com.au, co.jp...). Wrong for suffixes not in the list (e.g. city.kawasaki.jp, or
 * private suffixes such as github.io); see docs/checks-mail.md.
 */
final class OrgDomain {

    static final Set<String> TWO_LEVEL_SUFFIXES = Set.of(
            "co.uk", "org.uk", "ac.uk", "gov.uk", "ltd.uk", "plc.uk", "me.uk", "net.uk", "sch.uk", "nhs.uk",
            "com.au", "net.au", "org.au", "edu.au", "gov.au", "asn.au", "id.au",
            "co.nz", "net.nz", "org.nz", "govt.nz", "ac.nz",
            "co.jp", "ne.jp", "or.jp", "ac.jp", "go.jp",
            "co.za", "org.za", "gov.za", "ac.za",
            "com.br", "net.br", "org.br", "gov.br",
            "com.cn", "net.cn", "org.cn", "gov.cn", "edu.cn",
            "co.in", "net.in", "org.in", "gov.in", "ac.in",
            "com.mx", "org.mx", "gob.mx", "com.ar", "com.tr", "com.tw", "com.hk", "com.sg", "com.my",
            "co.kr", "or.kr", "co.il", "org.il", "ac.il", "co.id", "or.id", "com.ua", "com.pl", "co.at", "or.at");

    private OrgDomain() {
    }

    static String of(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        String[] labels = d.split("\\.");
        if (labels.length <= 2) {
            return d;
        }
        String lastTwo = labels[labels.length - 2] + "." + labels[labels.length - 1];
        int keep = TWO_LEVEL_SUFFIXES.contains(lastTwo) ? 3 : 2;
        StringBuilder sb = new StringBuilder();
        for (int i = Math.max(0, labels.length - keep); i < labels.length; i++) {
            sb.append(sb.length() == 0 ? "" : ".").append(labels[i]);
        }
        return sb.toString();
    }
}
