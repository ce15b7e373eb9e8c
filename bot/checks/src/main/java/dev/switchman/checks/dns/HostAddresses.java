package dev.switchman.checks.dns;

import dev.switchman.checks.net.Idna;
import dev.switchman.core.check.CheckEnvironment;
import dev.switchman.core.check.CheckStatus;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Every address of a host (A and AAAA), so tls, http, mail and ssh checks can check each one: during
 * a migration one of two A records still pointing at the old server is the classic. An IP literal is
 * itself; with resolvers configured (the check's {@code resolvers}, else {@code --resolver}) the A and
 * AAAA lookups go to them in parallel; otherwise the system resolver answers (hosts file included).
 * The host name is converted to A-labels ({@link Idna#hostToAscii}) first.
 */
public final class HostAddresses {

    /** The addresses (IPv4 first, then IPv6, each in answer order), or why there are none. */
    public record Resolution(String asciiHost, List<InetAddress> addresses, CheckStatus failure, String problem) {
        public Resolution {
            addresses = List.copyOf(addresses);
        }

        public boolean ok() {
            return !addresses.isEmpty();
        }
    }

    private HostAddresses() {
    }

    public static Resolution resolve(String host, String resolversParam, CheckEnvironment env, Deadline deadline) {
        String ascii;
        try {
            ascii = Idna.hostToAscii(host);
        } catch (IllegalArgumentException e) {
            return new Resolution(host, List.of(), CheckStatus.ERROR, "cannot resolve " + host + ": " + e.getMessage());
        }
        if (Idna.isIpLiteral(ascii)) {
            try {
                String lit = ascii.startsWith("[") ? ascii.substring(1, ascii.length() - 1) : ascii;
                return new Resolution(ascii, List.of(InetAddress.getByName(lit)), null, "");
            } catch (UnknownHostException e) {
                return new Resolution(ascii, List.of(), CheckStatus.ERROR, "'" + host + "' is not an IP address: " + e.getMessage());
            }
        }
        boolean configured = (resolversParam != null && !resolversParam.isBlank()) || !env.resolvers().isEmpty();
        if (!configured) {
            try {
                Set<InetAddress> all = new LinkedHashSet<>();
                InetAddress[] found = InetAddress.getAllByName(ascii);
                for (InetAddress a : found) {
                    if (a instanceof java.net.Inet4Address) {
                        all.add(a);
                    }
                }
                all.addAll(List.of(found));
                return new Resolution(ascii, List.copyOf(all), null, "");
            } catch (UnknownHostException e) {
                return new Resolution(ascii, List.of(), CheckStatus.ERROR, "cannot resolve " + host + ": " + e.getMessage());
            }
        }
        DnsClient dns = DnsClient.forCheck(resolversParam, env);
        var pendingA = dns.query(ascii, Type.A, deadline);
        var pendingAaaa = dns.query(ascii, Type.AAAA, deadline);
        DnsAnswer a = pendingA.join();
        DnsAnswer aaaa = pendingAaaa.join();
        List<InetAddress> out = new ArrayList<>();
        for (Record r : a.records()) {
            out.add(((ARecord) r).getAddress());
        }
        for (Record r : aaaa.records()) {
            out.add(((AAAARecord) r).getAddress());
        }
        if (!out.isEmpty()) {
            return new Resolution(ascii, out, null, "");
        }
        DnsAnswer failed = a.isError() ? a : aaaa.isError() ? aaaa : null;
        if (failed != null) {
            return new Resolution(ascii, List.of(), DnsChecks.statusForError(failed), "cannot resolve " + host + ": " + failed.describe());
        }
        return new Resolution(ascii, List.of(), CheckStatus.ERROR, "cannot resolve " + host + ": no A or AAAA record (" + a.describe() + ")");
    }
}
