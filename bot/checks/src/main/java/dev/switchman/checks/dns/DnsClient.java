package dev.switchman.checks.dns;

import dev.switchman.checks.net.Idna;
import dev.switchman.core.check.CheckEnvironment;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * The DNS client every dns.* and mail.* check uses. Asks its resolvers in order: each one is tried
 * twice (one retry), then the next one; a definitive answer (records, NODATA or NXDOMAIN) ends the
 * search and names the server that gave it. A truncated UDP answer is asked again over TCP. Each
 * try's timeout is the per-query timeout bounded by the caller's {@link Deadline}. Asynchronous
 * ({@link SimpleResolver#sendAsync}) with a bound on queries in flight, shared by all clients
 * unless one is given, so fan-out never floods the network.
 */
public final class DnsClient {

    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(2);
    public static final int DEFAULT_MAX_IN_FLIGHT = 256;
    private static final AsyncLimiter SHARED = new AsyncLimiter(DEFAULT_MAX_IN_FLIGHT);
    private static final int MAX_CNAME_CHAIN = 16;
    /** Answers are parsed on the thread that received them: no hand-off per query. */
    private static final java.util.concurrent.Executor DIRECT = Runnable::run;

    private final List<InetSocketAddress> servers;
    private final Duration queryTimeout;
    private final AsyncLimiter limiter;

    private DnsClient(List<InetSocketAddress> servers, Duration queryTimeout, AsyncLimiter limiter) {
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("a DNS client needs at least one resolver");
        }
        this.servers = List.copyOf(servers);
        this.queryTimeout = queryTimeout;
        this.limiter = limiter;
    }

    public static DnsClient of(List<InetSocketAddress> servers) {
        return new DnsClient(servers, DEFAULT_QUERY_TIMEOUT, SHARED);
    }

    public static DnsClient of(List<InetSocketAddress> servers, Duration queryTimeout, int maxInFlight) {
        return new DnsClient(servers, queryTimeout, new AsyncLimiter(maxInFlight));
    }

    /**
     * The client for one check: the check's own {@code resolvers} parameter if given, else the
     * environment's ({@code --resolver host:port}), else the system's. Setting
     * {@code dns.query-timeout-ms} changes the per-try timeout.
     */
    public static DnsClient forCheck(String resolversParam, CheckEnvironment env) {
        List<InetSocketAddress> servers;
        if (resolversParam != null && !resolversParam.isBlank()) {
            servers = Resolvers.parse(resolversParam);
        } else if (!env.resolvers().isEmpty()) {
            servers = Resolvers.parse(env.resolvers());
        } else {
            servers = Resolvers.system();
        }
        Duration timeout = DEFAULT_QUERY_TIMEOUT;
        String t = env.settings().get("dns.query-timeout-ms");
        if (t != null && t.trim().matches("[0-9]{1,7}") && Long.parseLong(t.trim()) > 0) {
            timeout = Duration.ofMillis(Long.parseLong(t.trim()));
        }
        return new DnsClient(servers, timeout, SHARED);
    }

    public List<InetSocketAddress> servers() {
        return servers;
    }

    /** The same settings, other servers (for asking authoritative servers directly). */
    public DnsClient withServers(List<InetSocketAddress> others) {
        return new DnsClient(others, queryTimeout, limiter);
    }

    /** Blocking form of {@link #query(String, int, Deadline)}. */
    public DnsAnswer resolve(String name, int type, Deadline deadline) {
        try {
            return query(name, type, deadline).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure(name, type, DnsAnswer.Outcome.TIMEOUT, "-", "interrupted");
        } catch (ExecutionException e) {
            return failure(name, type, DnsAnswer.Outcome.ERROR, "-", String.valueOf(e.getCause()));
        }
    }

    /**
     * Asks the resolvers in order (retry once each) until one answers definitively. Never fails
     * exceptionally. The name is converted to A-labels first ({@link Idna#dnsNameToAscii}).
     */
    public CompletableFuture<DnsAnswer> query(String name, int type, Deadline deadline) {
        Name n;
        try {
            String ascii = Idna.dnsNameToAscii(name);
            n = Name.fromString(ascii.endsWith(".") ? ascii : ascii + ".");
        } catch (TextParseException | IllegalArgumentException e) {
            return CompletableFuture.completedFuture(failure(name, type, DnsAnswer.Outcome.ERROR, "-", "not a valid DNS name: " + e.getMessage()));
        }
        return tryFrom(0, n, type, deadline, new ArrayList<>()).thenCompose(a -> followDanglingCname(a, type, deadline, 0));
    }

    /** A resolver that returns a CNAME chain without the target's data gets asked for the target. */
    private CompletableFuture<DnsAnswer> followDanglingCname(DnsAnswer a, int type, Deadline deadline, int depth) {
        if (a.outcome() != DnsAnswer.Outcome.NODATA || a.cnames().isEmpty() || type == Type.CNAME || depth >= 4) {
            return CompletableFuture.completedFuture(a);
        }
        String target = a.cnames().get(a.cnames().size() - 1);
        Name n;
        try {
            n = Name.fromString(target + ".");
        } catch (TextParseException e) {
            return CompletableFuture.completedFuture(a);
        }
        return tryFrom(0, n, type, deadline, new ArrayList<>()).thenCompose(next -> {
            if (next.cnames().contains(target) || a.cnames().stream().anyMatch(next.cnames()::contains)) {
                return CompletableFuture.completedFuture(a); // a loop
            }
            List<String> chain = new ArrayList<>(a.cnames());
            chain.addAll(next.cnames());
            DnsAnswer merged = new DnsAnswer(a.name(), type, next.outcome(), next.records(), chain, next.server(), next.detail(), next.tcp());
            return followDanglingCname(merged, type, deadline, depth + 1);
        });
    }

    /** Asks one server only (retrying once), as for propagation and authoritative checks. */
    public CompletableFuture<DnsAnswer> queryServer(InetSocketAddress server, String name, int type, Deadline deadline) {
        return withServers(List.of(server)).query(name, type, deadline);
    }

    private CompletableFuture<DnsAnswer> tryFrom(int index, Name name, int type, Deadline deadline, List<String> failures) {
        InetSocketAddress server = servers.get(index);
        return askTwice(server, name, type, deadline).thenCompose(a -> {
            if (a.outcome().isDefinitive() || index + 1 >= servers.size() || deadline.expired()) {
                List<String> notes = new ArrayList<>(failures);
                if (!a.detail().isEmpty()) {
                    notes.add(a.detail());
                }
                if (!failures.isEmpty() && a.outcome().isDefinitive()) {
                    notes.add("answered by " + a.server());
                }
                return CompletableFuture.completedFuture(new DnsAnswer(a.name(), a.type(), a.outcome(), a.records(), a.cnames(),
                        a.server(), String.join("; ", notes), a.tcp()));
            }
            failures.add(a.outcome() + " from " + a.server() + " (tried twice)");
            return tryFrom(index + 1, name, type, deadline, failures);
        });
    }

    private CompletableFuture<DnsAnswer> askTwice(InetSocketAddress server, Name name, int type, Deadline deadline) {
        return askOnce(server, name, type, deadline).thenCompose(a -> a.outcome().isDefinitive() || deadline.expired()
                ? CompletableFuture.completedFuture(a)
                : askOnce(server, name, type, deadline));
    }

    private CompletableFuture<DnsAnswer> askOnce(InetSocketAddress server, Name name, int type, Deadline deadline) {
        String where = Resolvers.format(server);
        String qname = DnsAnswer.host(name);
        Duration left = deadline.remaining();
        if (left.isZero()) {
            return CompletableFuture.completedFuture(failure(qname, type, DnsAnswer.Outcome.TIMEOUT, where, "deadline reached before asking " + where));
        }
        Duration timeout = left.compareTo(queryTimeout) < 0 ? left : queryTimeout;
        Message query = Message.newQuery(Record.newRecord(name, type, DClass.IN));
        boolean[] tcp = {false};
        return limiter.submit(() -> {
            SimpleResolver udp = new SimpleResolver(server);
            udp.setTimeout(timeout);
            udp.setIgnoreTruncation(true);
            udp.setIoClientFactory(PooledUdpClient.FACTORY);
            return udp.sendAsync(query, DIRECT).thenCompose(response -> {
                if (!response.getHeader().getFlag(Flags.TC)) {
                    return CompletableFuture.completedFuture(response);
                }
                tcp[0] = true;
                SimpleResolver overTcp = new SimpleResolver(server);
                overTcp.setTCP(true);
                Duration rest = deadline.remaining();
                overTcp.setTimeout(rest.isZero() ? Duration.ofMillis(1) : (rest.compareTo(queryTimeout) < 0 ? rest : queryTimeout));
                return overTcp.sendAsync(query);
            });
        }).handle((response, error) -> {
            if (error != null) {
                Throwable cause = unwrap(error);
                boolean timedOut = cause instanceof SocketTimeoutException || cause instanceof TimeoutException
                        || (cause instanceof IOException && String.valueOf(cause.getMessage()).toLowerCase().contains("timed out"));
                return timedOut
                        ? failure(qname, type, DnsAnswer.Outcome.TIMEOUT, where, "no answer from " + where + " within " + timeout.toMillis() + " ms")
                        : failure(qname, type, DnsAnswer.Outcome.ERROR, where, cause.getClass().getSimpleName() + " from " + where + ": " + cause.getMessage());
            }
            return toAnswer(name, type, response, where, tcp[0]);
        });
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    static DnsAnswer failure(String name, int type, DnsAnswer.Outcome outcome, String server, String detail) {
        return new DnsAnswer(name, type, outcome, List.of(), List.of(), server, detail, false);
    }

    /** Reads a response: follows the CNAME chain in the answer section and keeps the asked type's records. */
    static DnsAnswer toAnswer(Name qname, int type, Message response, String server, boolean tcp) {
        String asked = DnsAnswer.host(qname);
        int rcode = response.getRcode();
        List<Record> answers = response.getSection(Section.ANSWER);
        Name current = qname;
        List<String> cnames = new ArrayList<>();
        List<Record> matching = new ArrayList<>();
        for (int hops = 0; hops <= MAX_CNAME_CHAIN; hops++) {
            Name owner = current;
            matching = answers.stream().filter(r -> r.getType() == type && r.getName().equals(owner)).toList();
            if (!matching.isEmpty() || type == Type.CNAME || type == Type.ANY) {
                break;
            }
            Record cname = answers.stream().filter(r -> r.getType() == Type.CNAME && r.getName().equals(owner)).findFirst().orElse(null);
            if (cname == null) {
                break;
            }
            current = ((CNAMERecord) cname).getTarget();
            cnames.add(DnsAnswer.host(current));
        }
        DnsAnswer.Outcome outcome = switch (rcode) {
            case Rcode.NOERROR -> matching.isEmpty() ? DnsAnswer.Outcome.NODATA : DnsAnswer.Outcome.ANSWER;
            case Rcode.NXDOMAIN -> DnsAnswer.Outcome.NXDOMAIN;
            case Rcode.SERVFAIL -> DnsAnswer.Outcome.SERVFAIL;
            case Rcode.REFUSED -> DnsAnswer.Outcome.REFUSED;
            default -> DnsAnswer.Outcome.ERROR;
        };
        String detail = outcome == DnsAnswer.Outcome.ERROR ? "rcode " + Rcode.string(rcode) + " from " + server
                : outcome == DnsAnswer.Outcome.SERVFAIL ? "SERVFAIL from " + server
                : outcome == DnsAnswer.Outcome.REFUSED ? "REFUSED by " + server : "";
        return new DnsAnswer(asked, type, outcome, outcome == DnsAnswer.Outcome.ANSWER ? matching : List.of(), cnames, server, detail, tcp);
    }
}
