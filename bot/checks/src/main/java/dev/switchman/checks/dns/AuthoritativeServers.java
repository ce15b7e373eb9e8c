package dev.switchman.checks.dns;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Finds the zone a name lives in and its authoritative servers, through the resolver: asks NS for the
 * name, then each parent, until one has NS records; then resolves each server's addresses.
 */
final class AuthoritativeServers {

    /** The zone apex, its servers by host name (with addresses at {@code port}), or why none was found. */
    record Found(String zone, Map<String, List<InetSocketAddress>> servers, DnsAnswer failure) {
    }

    private AuthoritativeServers() {
    }

    static Found find(DnsClient resolver, String name, int port, Deadline deadline) {
        String candidate = stripDot(name);
        while (true) {
            DnsAnswer ns = resolver.resolve(candidate, Type.NS, deadline);
            if (ns.isError()) {
                return new Found(candidate, Map.of(), ns);
            }
            if (ns.outcome() == DnsAnswer.Outcome.ANSWER && ns.cnames().isEmpty()) {
                Map<String, List<InetSocketAddress>> servers = new LinkedHashMap<>();
                Map<String, CompletableFuture<DnsAnswer>> v4 = new LinkedHashMap<>();
                Map<String, CompletableFuture<DnsAnswer>> v6 = new LinkedHashMap<>();
                for (Record r : ns.records()) {
                    String host = DnsAnswer.host(((NSRecord) r).getTarget());
                    v4.put(host, resolver.query(host, Type.A, deadline));
                    v6.put(host, resolver.query(host, Type.AAAA, deadline));
                }
                for (String host : v4.keySet()) {
                    List<InetSocketAddress> addrs = new ArrayList<>();
                    for (Record r : v4.get(host).join().records()) {
                        addrs.add(new InetSocketAddress(((ARecord) r).getAddress(), port));
                    }
                    for (Record r : v6.get(host).join().records()) {
                        addrs.add(new InetSocketAddress(((AAAARecord) r).getAddress(), port));
                    }
                    servers.put(host, addrs);
                }
                return new Found(candidate, servers, null);
            }
            int dot = candidate.indexOf('.');
            if (dot < 0) {
                return new Found(candidate, Map.of(), ns);
            }
            candidate = candidate.substring(dot + 1);
        }
    }

    static String stripDot(String s) {
        return s.endsWith(".") && s.length() > 1 ? s.substring(0, s.length() - 1) : s;
    }

    static String label(String host, InetSocketAddress a) {
        InetAddress addr = a.getAddress();
        return host + " (" + Resolvers.format(new InetSocketAddress(addr, a.getPort())) + ")";
    }
}
