package dev.switchman.checks.mail;

import dev.switchman.checks.dns.DnsAnswer;
import dev.switchman.checks.dns.DnsClient;
import dev.switchman.checks.dns.Deadline;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Type;

/**
 * RFC 7208 check_host(): record selection, every mechanism and modifier, macros, the limit of 10
 * DNS-querying terms and 2 void lookups, and the explanation of a fail. One instance per evaluation
 * (it counts lookups); DNS goes through {@link DnsClient}.
 */
final class SpfEvaluator {

    static final int MAX_DNS_TERMS = 10;
    static final int MAX_VOID_LOOKUPS = 2;
    static final int MAX_MX_OR_PTR_NAMES = 10;
    static final String DEFAULT_EXPLANATION = "%{i} is not one of %{d}'s designated mail servers.";

    /** What check_host() returned, with the explanation of a fail and how many DNS terms it took. */
    record Outcome(SpfResult result, String explanation, int lookups, int voidLookups, String reason) {
    }

    private static final class Abort extends RuntimeException {
        final SpfResult result;

        Abort(SpfResult result, String message) {
            super(message, null, false, false);
            this.result = result;
        }
    }

    private static final Pattern MODIFIER = Pattern.compile("^([A-Za-z][A-Za-z0-9_.\\-]*)=(.*)$", Pattern.DOTALL);
    private static final Pattern MECHANISM = Pattern.compile("^([+\\-?~]?)([A-Za-z][A-Za-z0-9_.\\-]*)(.*)$", Pattern.DOTALL);
    private static final Pattern CIDR = Pattern.compile("^(.*?)(?:/(0|[1-9][0-9]*))?(?://(0|[1-9][0-9]*))?$", Pattern.DOTALL);
    private static final Pattern IP4 = Pattern.compile("^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$");
    private static final Pattern TOPLABEL = Pattern.compile("^([A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*|[A-Za-z0-9]+-[A-Za-z0-9\\-]*[A-Za-z0-9])$");

    private final DnsClient dns;
    private final Deadline deadline;
    private final String receiver;
    private final long timestamp;
    private final String defaultExplanation;
    private int lookups;
    private int voids;
    private InetAddress ip;
    private String sender;
    private String helo;
    private boolean upperHex;
    private String validatedPtr;

    SpfEvaluator(DnsClient dns, Deadline deadline, String receiver, long timestamp, String defaultExplanation) {
        this.dns = dns;
        this.deadline = deadline;
        this.receiver = receiver == null || receiver.isBlank() ? "unknown" : receiver;
        this.timestamp = timestamp;
        this.defaultExplanation = defaultExplanation == null ? DEFAULT_EXPLANATION : defaultExplanation;
    }

    /**
     * The whole RFC 7208 evaluation for one message: the domain is {@code domain} if given, else the
     * MAIL FROM domain, else the HELO name (section 2.4); a MAIL FROM without local part is "postmaster".
     */
    Outcome evaluate(String ipText, String mailFrom, String heloName, String domain) {
        try {
            this.ip = parseIp(ipText);
            this.upperHex = ipText.chars().anyMatch(c -> c >= 'A' && c <= 'F') && ipText.chars().noneMatch(c -> c >= 'a' && c <= 'f');
        } catch (IllegalArgumentException e) {
            return new Outcome(SpfResult.PERMERROR, "", 0, 0, e.getMessage());
        }
        this.helo = heloName == null ? "" : heloName;
        String from = mailFrom == null ? "" : mailFrom.trim();
        if (from.isEmpty()) {
            from = "postmaster@" + helo;
        } else if (from.startsWith("@")) {
            from = "postmaster" + from;
        } else if (!from.contains("@")) {
            from = "postmaster@" + from;
        }
        this.sender = from;
        String d = domain != null && !domain.isBlank() ? domain.trim() : from.substring(from.lastIndexOf('@') + 1);
        Outcome o;
        try {
            o = checkHost(d, 0);
        } catch (Abort a) {
            o = new Outcome(a.result, "", lookups, voids, a.getMessage());
        }
        return new Outcome(o.result(), o.explanation(), lookups, voids, o.reason());
    }

    static InetAddress parseIp(String s) {
        String t = s == null ? "" : s.trim();
        if (t.isEmpty() || !(IP4.matcher(t).matches() || (t.contains(":") && t.matches("[0-9A-Fa-f:.]+")))) {
            throw new IllegalArgumentException("not an IP address: '" + s + "'");
        }
        try {
            return InetAddress.getByName(t);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: '" + s + "'");
        }
    }

    /** Section 4.3: a domain SPF can be evaluated for. */
    static boolean validDomain(String d) {
        if (d == null) {
            return false;
        }
        String s = d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
        if (s.isEmpty() || s.length() > 253 || s.startsWith("[")) {
            return false;
        }
        String[] labels = s.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String l : labels) {
            if (l.isEmpty() || l.length() > 63) {
                return false;
            }
        }
        return true;
    }

    private Outcome checkHost(String domain, int depth) {
        if (!validDomain(domain)) {
            return new Outcome(SpfResult.NONE, "", lookups, voids, "'" + domain + "' is not a valid domain name");
        }
        String record = findRecord(domain);
        if (record == null) {
            return new Outcome(SpfResult.NONE, "", lookups, voids, "no SPF record at " + domain);
        }
        for (char c : record.toCharArray()) {
            if (c > 127) {
                throw new Abort(SpfResult.PERMERROR, "SPF record of " + domain + " has non-ASCII characters");
            }
        }
        List<Term> terms = parse(record, domain);
        String redirect = null;
        String exp = null;
        for (Term t : terms) {
            if (t instanceof Modifier m) {
                if (m.name.equals("redirect")) {
                    redirect = m.value;
                } else if (m.name.equals("exp")) {
                    exp = m.value;
                }
            }
        }
        for (Term t : terms) {
            if (t instanceof Mechanism m && matches(m, domain, depth)) {
                SpfResult r = SpfResult.ofQualifier(m.qualifier);
                String explanation = r == SpfResult.FAIL ? explain(exp, domain) : "";
                return new Outcome(r, explanation, lookups, voids, "matched " + m.text + " in " + domain);
            }
        }
        if (redirect != null) {
            countLookup("redirect=" + redirect);
            String target = domainSpec(redirect, domain);
            Outcome o = checkHost(target, depth + 1);
            if (o.result() == SpfResult.NONE) {
                throw new Abort(SpfResult.PERMERROR, "redirect=" + target + " has no SPF record");
            }
            return o;
        }
        return new Outcome(SpfResult.NEUTRAL, "", lookups, voids, "no mechanism matched in " + domain);
    }

    private String findRecord(String domain) {
        DnsAnswer a = dns.resolve(domain, Type.TXT, deadline);
        if (a.isError()) {
            throw new Abort(SpfResult.TEMPERROR, "TXT lookup for " + domain + ": " + a.describe());
        }
        List<String> spf = new ArrayList<>();
        for (String txt : a.texts()) {
            String lower = txt.toLowerCase(Locale.ROOT);
            if (lower.equals("v=spf1") || lower.startsWith("v=spf1 ")) {
                spf.add(txt);
            }
        }
        if (spf.size() > 1) {
            throw new Abort(SpfResult.PERMERROR, domain + " has " + spf.size() + " SPF records");
        }
        return spf.isEmpty() ? null : spf.get(0);
    }

    // ---------------------------------------------------------------- parsing

    private sealed interface Term permits Mechanism, Modifier {
    }

    private record Mechanism(String text, char qualifier, String name, String domainSpec, int cidr4, int cidr6, InetAddress network) implements Term {
    }

    private record Modifier(String name, String value) implements Term {
    }

    private List<Term> parse(String record, String domain) {
        List<Term> terms = new ArrayList<>();
        boolean seenRedirect = false;
        boolean seenExp = false;
        String[] parts = record.substring(6).split(" ");
        for (String raw : parts) {
            if (raw.isEmpty()) {
                continue;
            }
            Matcher mod = MODIFIER.matcher(raw);
            if (mod.matches()) {
                String name = mod.group(1).toLowerCase(Locale.ROOT);
                String value = mod.group(2);
                checkMacroSyntax(value, raw);
                if (name.equals("redirect") || name.equals("exp")) {
                    if (name.equals("redirect") ? seenRedirect : seenExp) {
                        throw new Abort(SpfResult.PERMERROR, "'" + name + "' appears twice in the SPF record of " + domain);
                    }
                    if (name.equals("redirect")) {
                        seenRedirect = true;
                    } else {
                        seenExp = true;
                    }
                    checkDomainSpec(value, raw);
                }
                terms.add(new Modifier(name, value));
                continue;
            }
            terms.add(parseMechanism(raw, domain));
        }
        return terms;
    }

    private Mechanism parseMechanism(String raw, String domain) {
        Matcher m = MECHANISM.matcher(raw);
        if (!m.matches()) {
            throw new Abort(SpfResult.PERMERROR, "unknown term '" + raw + "' in the SPF record of " + domain);
        }
        char q = m.group(1).isEmpty() ? '+' : m.group(1).charAt(0);
        String name = m.group(2).toLowerCase(Locale.ROOT);
        String rest = m.group(3);
        switch (name) {
            case "all" -> {
                if (!rest.isEmpty()) {
                    throw bad(raw);
                }
                return new Mechanism(raw, q, name, null, 32, 128, null);
            }
            case "include", "exists" -> {
                if (!rest.startsWith(":") || rest.length() == 1) {
                    throw bad(raw);
                }
                String spec = rest.substring(1);
                checkMacroSyntax(spec, raw);
                checkDomainSpec(spec, raw);
                return new Mechanism(raw, q, name, spec, 32, 128, null);
            }
            case "a", "mx", "ptr" -> {
                String spec = null;
                int c4 = 32;
                int c6 = 128;
                String body = rest;
                if (!name.equals("ptr")) {
                    Matcher c = CIDR.matcher(rest);
                    if (!c.matches()) {
                        throw bad(raw);
                    }
                    body = c.group(1);
                    if (c.group(2) != null) {
                        c4 = Integer.parseInt(c.group(2));
                    }
                    if (c.group(3) != null) {
                        c6 = Integer.parseInt(c.group(3));
                    }
                    if (c4 > 32 || c6 > 128) {
                        throw bad(raw);
                    }
                }
                if (body.startsWith(":")) {
                    spec = body.substring(1);
                    if (spec.isEmpty()) {
                        throw bad(raw);
                    }
                    checkMacroSyntax(spec, raw);
                    checkDomainSpec(spec, raw);
                } else if (!body.isEmpty()) {
                    throw bad(raw);
                }
                return new Mechanism(raw, q, name, spec, c4, c6, null);
            }
            case "ip4" -> {
                if (!rest.startsWith(":")) {
                    throw bad(raw);
                }
                String net = rest.substring(1);
                int c4 = 32;
                int slash = net.indexOf('/');
                if (slash >= 0) {
                    c4 = prefix(net.substring(slash + 1), 32, raw);
                    net = net.substring(0, slash);
                }
                if (!IP4.matcher(net).matches()) {
                    throw bad(raw);
                }
                return new Mechanism(raw, q, name, null, c4, 128, literal(net, raw));
            }
            case "ip6" -> {
                if (!rest.startsWith(":")) {
                    throw bad(raw);
                }
                String net = rest.substring(1);
                int c6 = 128;
                int slash = net.indexOf('/');
                if (slash >= 0) {
                    c6 = prefix(net.substring(slash + 1), 128, raw);
                    net = net.substring(0, slash);
                }
                if (!net.contains(":") || !net.matches("[0-9A-Fa-f:.]+")) {
                    throw bad(raw);
                }
                InetAddress addr = literal(net, raw);
                if (addr instanceof Inet4Address) {
                    // an IPv4-mapped literal still names an IPv6 network
                    addr = mappedV6(addr);
                }
                return new Mechanism(raw, q, name, null, 32, c6, addr);
            }
            default -> throw new Abort(SpfResult.PERMERROR, "unknown mechanism '" + name + "' in '" + raw + "'");
        }
    }

    private static InetAddress mappedV6(InetAddress v4) {
        byte[] b = new byte[16];
        b[10] = (byte) 0xff;
        b[11] = (byte) 0xff;
        System.arraycopy(v4.getAddress(), 0, b, 12, 4);
        try {
            return Inet6Address.getByAddress(null, b, -1);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int prefix(String s, int max, String raw) {
        if (!s.matches("0|[1-9][0-9]*") || s.length() > 3 || Integer.parseInt(s) > max) {
            throw bad(raw);
        }
        return Integer.parseInt(s);
    }

    private static InetAddress literal(String s, String raw) {
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw bad(raw);
        }
    }

    private static Abort bad(String raw) {
        return new Abort(SpfResult.PERMERROR, "malformed SPF term '" + raw + "'");
    }

    private static void checkMacroSyntax(String spec, String raw) {
        try {
            SpfMacros.expand(spec, c -> "x", false);
        } catch (SpfMacros.MacroSyntaxException e) {
            throw new Abort(SpfResult.PERMERROR, "bad macro in '" + raw + "': " + e.getMessage());
        }
    }

    /** domain-end = ( "." toplabel [ "." ] ) / macro-expand (RFC 7208 section 7.1). */
    private static void checkDomainSpec(String spec, String raw) {
        if (spec.isEmpty()) {
            throw new Abort(SpfResult.PERMERROR, "empty domain in '" + raw + "'");
        }
        if (spec.endsWith("}") && endsWithMacro(spec)) {
            return;
        }
        String s = spec.endsWith(".") ? spec.substring(0, spec.length() - 1) : spec;
        int dot = s.lastIndexOf('.');
        if (dot < 0 || dot == 0 || !TOPLABEL.matcher(s.substring(dot + 1)).matches()) {
            throw new Abort(SpfResult.PERMERROR, "'" + spec + "' does not end in a valid top-level label in '" + raw + "'");
        }
    }

    private static boolean endsWithMacro(String spec) {
        int open = spec.lastIndexOf("%{");
        return open >= 0 && spec.indexOf('}', open) == spec.length() - 1 && (open == 0 || !precededByPercent(spec, open));
    }

    private static boolean precededByPercent(String s, int pos) {
        int n = 0;
        for (int i = pos - 1; i >= 0 && s.charAt(i) == '%'; i--) {
            n++;
        }
        return n % 2 == 1;
    }

    // ---------------------------------------------------------------- evaluation

    private boolean matches(Mechanism m, String domain, int depth) {
        return switch (m.name) {
            case "all" -> true;
            case "ip4", "ip6" -> inNetwork(ip, m.network, m.name.equals("ip4") ? m.cidr4 : m.cidr6);
            case "include" -> include(m, domain, depth);
            case "a" -> {
                countLookup(m.text);
                String target = target(m, domain);
                yield matchesAddresses(target, m, true);
            }
            case "mx" -> {
                countLookup(m.text);
                yield mx(m, target(m, domain));
            }
            case "ptr" -> {
                countLookup(m.text);
                yield ptr(target(m, domain));
            }
            case "exists" -> {
                countLookup(m.text);
                String target = domainSpec(m.domainSpec, domain);
                DnsAnswer a = lookup(target, Type.A);
                if (a.isError()) {
                    throw new Abort(SpfResult.TEMPERROR, "exists:" + target + ": " + a.describe());
                }
                if (a.isEmpty()) {
                    countVoid(target);
                }
                yield !a.records().isEmpty();
            }
            default -> throw new IllegalStateException(m.name);
        };
    }

    private String target(Mechanism m, String domain) {
        return m.domainSpec == null ? domain : domainSpec(m.domainSpec, domain);
    }

    private boolean include(Mechanism m, String domain, int depth) {
        countLookup(m.text);
        String target = domainSpec(m.domainSpec, domain);
        Outcome o = checkHost(target, depth + 1);
        return switch (o.result()) {
            case PASS -> true;
            case FAIL, SOFTFAIL, NEUTRAL -> false;
            case TEMPERROR -> throw new Abort(SpfResult.TEMPERROR, "include:" + target + ": " + o.reason());
            case PERMERROR -> throw new Abort(SpfResult.PERMERROR, "include:" + target + ": " + o.reason());
            case NONE -> throw new Abort(SpfResult.PERMERROR, "include:" + target + " has no SPF record");
        };
    }

    private boolean matchesAddresses(String host, Mechanism m, boolean countVoid) {
        boolean v4 = ip instanceof Inet4Address;
        DnsAnswer a = lookup(host, v4 ? Type.A : Type.AAAA);
        if (a.isError()) {
            throw new Abort(SpfResult.TEMPERROR, m.text + ": " + a.describe());
        }
        if (a.isEmpty() && countVoid) {
            countVoid(host);
        }
        for (Record r : a.records()) {
            InetAddress addr = r instanceof ARecord ar ? ar.getAddress() : ((AAAARecord) r).getAddress();
            if (inNetwork(ip, addr, v4 ? m.cidr4 : m.cidr6)) {
                return true;
            }
        }
        return false;
    }

    private boolean mx(Mechanism m, String target) {
        DnsAnswer a = lookup(target, Type.MX);
        if (a.isError()) {
            throw new Abort(SpfResult.TEMPERROR, m.text + ": " + a.describe());
        }
        if (a.isEmpty()) {
            countVoid(target);
            return false;
        }
        if (a.records().size() > MAX_MX_OR_PTR_NAMES) {
            throw new Abort(SpfResult.PERMERROR, m.text + ": " + target + " has more than " + MAX_MX_OR_PTR_NAMES + " MX records");
        }
        for (Record r : a.records()) {
            String host = ((MXRecord) r).getTarget().toString();
            if (host.equals(".")) {
                continue;
            }
            if (matchesAddresses(host, m, false)) {
                return true;
            }
        }
        return false;
    }

    private boolean ptr(String target) {
        String t = stripDot(target).toLowerCase(Locale.ROOT);
        for (String name : validatedNames(true)) {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.equals(t) || n.endsWith("." + t)) {
                return true;
            }
        }
        return false;
    }

    /** PTR names of the client IP whose forward lookup gives the IP back (first 10 names only). */
    private List<String> validatedNames(boolean countVoid) {
        List<String> out = new ArrayList<>();
        DnsAnswer a = dns.resolve(stripDot(ReverseMap.fromAddress(ip).toString()), Type.PTR, deadline);
        if (a.isEmpty() && countVoid) {
            countVoid("PTR of " + ip.getHostAddress());
        }
        if (a.outcome() != DnsAnswer.Outcome.ANSWER) {
            return out;
        }
        List<Record> ptrs = a.records();
        for (int i = 0; i < ptrs.size() && i < MAX_MX_OR_PTR_NAMES; i++) {
            String host = stripDot(((PTRRecord) ptrs.get(i)).getTarget().toString());
            DnsAnswer fwd = dns.resolve(host, ip instanceof Inet4Address ? Type.A : Type.AAAA, deadline);
            for (Record r : fwd.records()) {
                InetAddress addr = r instanceof ARecord ar ? ar.getAddress() : ((AAAARecord) r).getAddress();
                if (addr.equals(ip)) {
                    out.add(host);
                    break;
                }
            }
        }
        return out;
    }

    /**
     * A DNS lookup for a mechanism's target. A target that is valid domain-spec syntax but not a valid
     * DNS name (empty or over-long label) is treated as non-existent (OpenSPF suite, RFC 7208 4.3/1, 5/10/3).
     */
    private DnsAnswer lookup(String name, int type) {
        for (String label : stripDot(name).split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63) {
                return new DnsAnswer(name, type, DnsAnswer.Outcome.NXDOMAIN, List.of(), List.of(), "-", "not a valid DNS name", false);
            }
        }
        return dns.resolve(name, type, deadline);
    }

    static boolean inNetwork(InetAddress ip, InetAddress network, int prefix) {
        byte[] a = ip.getAddress();
        byte[] b = network.getAddress();
        if (a.length != b.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        int bits = prefix % 8;
        if (bits == 0) {
            return true;
        }
        int mask = (0xff << (8 - bits)) & 0xff;
        return (a[full] & mask) == (b[full] & mask);
    }

    private void countLookup(String term) {
        lookups++;
        if (lookups > MAX_DNS_TERMS) {
            throw new Abort(SpfResult.PERMERROR, "more than " + MAX_DNS_TERMS + " DNS-querying terms (at '" + term + "')");
        }
    }

    private void countVoid(String what) {
        voids++;
        if (voids > MAX_VOID_LOOKUPS) {
            throw new Abort(SpfResult.PERMERROR, "more than " + MAX_VOID_LOOKUPS + " void DNS lookups (at " + what + ")");
        }
    }

    /** Expands a domain-spec and shortens it to 253 characters by dropping labels from the left. */
    private String domainSpec(String spec, String domain) {
        String s;
        try {
            s = SpfMacros.expand(spec, c -> macro(c, domain), false);
        } catch (SpfMacros.MacroSyntaxException e) {
            throw new Abort(SpfResult.PERMERROR, e.getMessage());
        }
        s = stripDot(s);
        while (s.length() > 253 && s.indexOf('.') >= 0) {
            s = s.substring(s.indexOf('.') + 1);
        }
        return s;
    }

    private String explain(String exp, String domain) {
        String fallback = expandExplanation(defaultExplanation, domain);
        if (exp == null) {
            return fallback == null ? defaultExplanation : fallback;
        }
        String target;
        try {
            target = domainSpec(exp, domain);
        } catch (Abort e) {
            return fallback;
        }
        if (!validDomain(target)) {
            return fallback;
        }
        DnsAnswer a = dns.resolve(target, Type.TXT, deadline);
        if (a.outcome() != DnsAnswer.Outcome.ANSWER || a.texts().size() != 1) {
            return fallback;
        }
        String text = a.texts().get(0);
        for (char c : text.toCharArray()) {
            if (c > 127) {
                return fallback;
            }
        }
        String expanded = expandExplanation(text, domain);
        return expanded == null ? fallback : expanded;
    }

    private String expandExplanation(String text, String domain) {
        try {
            return SpfMacros.expand(text, c -> macro(c, domain), true);
        } catch (SpfMacros.MacroSyntaxException | Abort e) {
            return null;
        }
    }

    private String macro(char letter, String domain) {
        String local = sender.substring(0, sender.lastIndexOf('@'));
        return switch (letter) {
            case 's' -> sender;
            case 'l' -> local;
            case 'o' -> sender.substring(sender.lastIndexOf('@') + 1);
            case 'd' -> stripDot(domain);
            case 'i' -> dottedIp();
            case 'p' -> pMacro(domain);
            case 'v' -> ip instanceof Inet4Address ? "in-addr" : "ip6";
            case 'h' -> helo;
            case 'c' -> readableIp(ip);
            case 'r' -> receiver;
            case 't' -> Long.toString(timestamp);
            default -> "";
        };
    }

    /** IPv4 dotted, IPv6 in RFC 5952 form (longest run of zero groups as "::"). */
    static String readableIp(InetAddress ip) {
        if (ip instanceof Inet4Address) {
            return ip.getHostAddress();
        }
        byte[] b = ip.getAddress();
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    private String dottedIp() {
        if (ip instanceof Inet4Address) {
            return ip.getHostAddress();
        }
        StringBuilder sb = new StringBuilder();
        for (byte b : ip.getAddress()) {
            sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append('.').append(Character.forDigit(b & 0xf, 16)).append('.');
        }
        String dotted = sb.substring(0, sb.length() - 1);
        // hex digits keep the case the address was given in (the OpenSPF suite expects it)
        return upperHex ? dotted.toUpperCase(Locale.ROOT) : dotted;
    }

    private String pMacro(String domain) {
        if (validatedPtr == null) {
            List<String> names = validatedNames(false);
            String d = stripDot(domain).toLowerCase(Locale.ROOT);
            validatedPtr = names.stream().filter(n -> n.equalsIgnoreCase(d)).findFirst()
                    .or(() -> names.stream().filter(n -> n.toLowerCase(Locale.ROOT).endsWith("." + d)).findFirst())
                    .or(() -> names.stream().findFirst())
                    .orElse("unknown");
        }
        return validatedPtr;
    }

    private static String stripDot(String s) {
        return s.endsWith(".") && s.length() > 1 ? s.substring(0, s.length() - 1) : s;
    }
}
