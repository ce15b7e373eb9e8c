package dev.switchman.checks.mail;

import com.google.common.net.InternetDomainName;
import dev.switchman.checks.net.Idna;
import java.util.Locale;

/**
 * The organisational domain of RFC 7489 3.2, from the Public Suffix List that Guava carries
 * ({@link InternetDomainName}, ICANN and private sections, wildcard and exception rules): the public
 * suffix of the domain plus one label. A name under no listed suffix takes the list's default rule
 * {@code *} (its last label is the suffix); a name that is itself a public suffix is its own
 * organisational domain. Internationalised names are looked up in Unicode (as the list is written)
 * and returned as A-labels. The list is as new as the Guava version in the root pom.
 */
final class OrgDomain {

    private OrgDomain() {
    }

    /** The organisational domain, lower case, A-labels, no trailing dot. */
    static String of(String domain) {
        String ascii = Idna.dnsNameToAscii(domain).toLowerCase(Locale.ROOT);
        if (ascii.endsWith(".")) {
            ascii = ascii.substring(0, ascii.length() - 1);
        }
        String[] labels = ascii.split("\\.");
        int keep = registrableLabels(Idna.toUnicode(ascii), labels.length);
        return String.join(".", java.util.Arrays.copyOfRange(labels, Math.max(0, labels.length - keep), labels.length));
    }

    /** How many trailing labels the organisational domain has. */
    private static int registrableLabels(String unicode, int total) {
        InternetDomainName name;
        try {
            name = InternetDomainName.from(unicode);
        } catch (IllegalArgumentException e) {
            return Math.min(2, total); // not a name Guava parses (e.g. a label with an underscore): default rule
        }
        if (name.isPublicSuffix()) {
            return total;
        }
        if (name.isUnderPublicSuffix()) {
            return name.topPrivateDomain().parts().size();
        }
        return Math.min(2, total); // no listed suffix: the default rule "*"
    }
}
