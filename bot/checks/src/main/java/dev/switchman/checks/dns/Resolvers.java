package dev.switchman.checks.dns;

import dev.switchman.checks.net.Idna;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.ResolverConfig;

/** Parses resolver lists ({@code host:port}, {@code [v6]:port}, bare host = port 53) and finds the system's. */
public final class Resolvers {

    private Resolvers() {
    }

    /** Splits a comma list; throws IllegalArgumentException naming the bad entry. */
    public static List<InetSocketAddress> parse(String csv) {
        List<InetSocketAddress> out = new ArrayList<>();
        if (csv == null) {
            return out;
        }
        for (String raw : csv.split(",")) {
            String s = raw.trim();
            if (!s.isEmpty()) {
                out.add(parseOne(s));
            }
        }
        return out;
    }

    public static List<InetSocketAddress> parse(List<String> entries) {
        List<InetSocketAddress> out = new ArrayList<>();
        for (String e : entries) {
            out.addAll(parse(e));
        }
        return out;
    }

    /** One {@code host:port}, {@code [v6]:port} or bare host (port 53); throws IllegalArgumentException naming it. */
    public static InetSocketAddress parseOne(String s) {
        HostPort hp = split(s);
        return new InetSocketAddress(hp.host(), hp.port());
    }

    /**
     * What is wrong with one resolver entry ({@code host:port}, {@code [v6]:port}, bare host), or null
     * when it is well formed; checks the syntax, the port and the host name (UTS 46) without resolving
     * anything, so a command line can be checked before any check runs.
     */
    public static String syntaxProblem(String s) {
        try {
            split(s);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private record HostPort(String host, int port) {
    }

    private static HostPort split(String s) {
        String host;
        int port = 53;
        if (s.startsWith("[")) {
            int end = s.indexOf(']');
            if (end < 0) {
                throw new IllegalArgumentException("resolver '" + s + "': expected [ipv6]:port");
            }
            host = s.substring(1, end);
            String rest = s.substring(end + 1);
            if (rest.startsWith(":")) {
                port = port(s, rest.substring(1));
            } else if (!rest.isEmpty()) {
                throw new IllegalArgumentException("resolver '" + s + "': expected [ipv6]:port");
            }
        } else if (s.indexOf(':') != s.lastIndexOf(':')) {
            host = s; // bare IPv6 address
        } else if (s.contains(":")) {
            host = s.substring(0, s.indexOf(':'));
            port = port(s, s.substring(s.indexOf(':') + 1));
        } else {
            host = s;
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("resolver '" + s + "': expected host:port");
        }
        return new HostPort(Idna.hostToAscii(host), port);
    }

    private static int port(String entry, String p) {
        try {
            int port = Integer.parseInt(p);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("resolver '" + entry + "': port must be 1-65535, was '" + p + "'");
        }
    }

    /** The system's configured resolvers (resolv.conf and friends), or 127.0.0.1:53 when none is known. */
    public static List<InetSocketAddress> system() {
        List<InetSocketAddress> servers = ResolverConfig.getCurrentConfig().servers();
        return servers.isEmpty() ? List.of(new InetSocketAddress("127.0.0.1", 53)) : List.copyOf(servers);
    }

    public static String format(InetSocketAddress a) {
        String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}
