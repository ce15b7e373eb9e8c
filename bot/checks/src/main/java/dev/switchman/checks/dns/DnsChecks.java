package dev.switchman.checks.dns;

import com.google.common.net.InetAddresses;
import dev.switchman.core.check.CheckRequest;
import dev.switchman.core.check.CheckStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.xbill.DNS.Type;

/** Small helpers the dns.* and mail.* providers share. */
public final class DnsChecks {

    /** Record types dns.record, dns.ttl and dns.propagation accept. */
    public static final Map<String, Integer> TYPES = Map.of("A", Type.A, "AAAA", Type.AAAA, "CNAME", Type.CNAME,
            "MX", Type.MX, "TXT", Type.TXT, "NS", Type.NS, "CAA", Type.CAA);

    private DnsChecks() {
    }

    /** The request's remaining time less a small margin, so results arrive before the runner's hard limit. */
    public static Deadline deadline(CheckRequest request) {
        Duration left = request.remaining().minusMillis(50);
        return Deadline.after(left.isNegative() ? Duration.ZERO : left);
    }

    /** UNKNOWN for a timeout (we could not tell), ERROR for SERVFAIL, REFUSED and other failures. */
    public static CheckStatus statusForError(DnsAnswer a) {
        return a.outcome() == DnsAnswer.Outcome.TIMEOUT ? CheckStatus.UNKNOWN : CheckStatus.ERROR;
    }

    public static int type(String name) {
        Integer t = name == null ? null : TYPES.get(name.trim().toUpperCase(Locale.ROOT));
        if (t == null) {
            throw new IllegalArgumentException("parameter 'type' must be one of A, AAAA, CNAME, MX, TXT, NS, CAA; was '" + name + "'");
        }
        return t;
    }

    public static void checkType(Map<String, String> params, List<String> problems) {
        String t = params.get("type");
        if (t != null && !TYPES.containsKey(t.trim().toUpperCase(Locale.ROOT))) {
            problems.add("parameter 'type' must be one of A, AAAA, CNAME, MX, TXT, NS, CAA; was '" + t + "'");
        }
    }

    public static void checkResolvers(Map<String, String> params, String param, List<String> problems) {
        String r = params.get(param);
        if (r != null && !r.isBlank()) {
            try {
                Resolvers.parse(r);
            } catch (IllegalArgumentException e) {
                problems.add("parameter '" + param + "': " + e.getMessage());
            }
        }
    }

    /** A comma list, trimmed, empty entries dropped. */
    public static List<String> list(String csv) {
        List<String> out = new ArrayList<>();
        if (csv != null) {
            for (String s : csv.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }

    /**
     * A value as compared: host names lower-case without the final dot, IPv6 in canonical form, MX
     * as "priority host" (an expected MX without priority matches any priority), TXT as is.
     */
    public static String normalize(int type, String v) {
        String s = v.trim();
        if (type == Type.TXT) {
            return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
        }
        s = s.toLowerCase(Locale.ROOT);
        if (type == Type.AAAA) {
            try {
                return InetAddresses.toAddrString(java.net.InetAddress.getByName(s));
            } catch (java.net.UnknownHostException | SecurityException e) {
                return s;
            }
        }
        if (s.endsWith(".") && s.length() > 1) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /** Observed values normalised; for MX both "10 host" and "host" forms are offered to the comparison. */
    public static boolean sameSet(int type, List<String> observed, List<String> expected) {
        Set<String> obs = new LinkedHashSet<>();
        for (String o : observed) {
            obs.add(normalize(type, o));
        }
        Set<String> exp = new LinkedHashSet<>();
        for (String e : expected) {
            exp.add(normalize(type, e));
        }
        if (type == Type.MX && exp.stream().noneMatch(e -> e.contains(" "))) {
            Set<String> hosts = new LinkedHashSet<>();
            obs.forEach(o -> hosts.add(o.contains(" ") ? o.substring(o.indexOf(' ') + 1) : o));
            return hosts.equals(exp);
        }
        return obs.equals(exp);
    }

    /** Expected values not observed, and observed values not expected (same normalisation as {@link #sameSet}). */
    public static List<List<String>> difference(int type, List<String> observed, List<String> expected) {
        boolean hostOnly = type == Type.MX && expected.stream().noneMatch(e -> e.trim().contains(" "));
        List<String> obs = observed.stream().map(o -> normalize(type, o))
                .map(o -> hostOnly && o.contains(" ") ? o.substring(o.indexOf(' ') + 1) : o).toList();
        List<String> exp = expected.stream().map(e -> normalize(type, e)).toList();
        List<String> missing = exp.stream().filter(e -> !obs.contains(e)).distinct().toList();
        List<String> unexpected = obs.stream().filter(o -> !exp.contains(o)).distinct().toList();
        return List.of(missing, unexpected);
    }
}
