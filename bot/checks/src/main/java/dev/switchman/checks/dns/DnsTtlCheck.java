package dev.switchman.checks.dns;

import dev.switchman.core.check.CheckProvider;
import dev.switchman.core.check.CheckRequest;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.check.ParamSpec;
import dev.switchman.core.time.Durations;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.xbill.DNS.Type;

/**
 * {@code dns.ttl}: the TTL the zone's authoritative servers serve (not a cache's countdown). Finds
 * the zone's NS through the resolver, asks every authoritative server directly and takes the largest
 * TTL. PASS when it is at most {@code max} and, if the TTL was lowered ({@code lowered-at},
 * {@code old-ttl}), the old TTL has run out since; WARN saying when it becomes safe otherwise.
 */
public final class DnsTtlCheck implements CheckProvider {

    @Override
    public String kind() {
        return "dns.ttl";
    }

    @Override
    public String summary() {
        return "TTL served by the zone's authoritative servers, at most max, and the old TTL run out since lowering";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.required("name", "the DNS name, e.g. www.example.com"),
                ParamSpec.optional("type", "A", "record type: A, AAAA, CNAME, MX, TXT, NS or CAA"),
                ParamSpec.required("max", "the largest acceptable TTL (seconds, or 5m, 1h...)"),
                ParamSpec.optional("lowered-at", null, "when the TTL was lowered, ISO-8601 instant (2026-03-01T10:00:00Z)"),
                ParamSpec.optional("old-ttl", null, "the TTL before lowering (seconds, or 1d...)"),
                ParamSpec.optional("resolvers", null, "resolvers used to find the zone's NS (default: --resolver, else the system's)"),
                ParamSpec.optional("ns-port", "53", "port the authoritative servers listen on"));
    }

    @Override
    public List<String> validate(Map<String, String> params) {
        List<String> problems = new ArrayList<>(CheckProvider.super.validate(params));
        DnsChecks.checkType(params, problems);
        DnsChecks.checkResolvers(params, "resolvers", problems);
        duration(params, "max", problems);
        duration(params, "old-ttl", problems);
        String lowered = params.get("lowered-at");
        if (lowered != null && !lowered.isBlank()) {
            try {
                Instant.parse(lowered.trim());
            } catch (DateTimeParseException e) {
                problems.add("parameter 'lowered-at' must be an ISO-8601 instant such as 2026-03-01T10:00:00Z; was '" + lowered + "'");
            }
        }
        if ((lowered == null) != (params.get("old-ttl") == null)) {
            problems.add("parameters 'lowered-at' and 'old-ttl' go together: give both or neither");
        }
        String port = params.get("ns-port");
        if (port != null && !port.trim().matches("[0-9]{1,5}")) {
            problems.add("parameter 'ns-port' must be a port number; was '" + port + "'");
        }
        return problems;
    }

    private static void duration(Map<String, String> params, String name, List<String> problems) {
        String v = params.get(name);
        if (v != null && !v.isBlank()) {
            try {
                Durations.parse(v);
            } catch (IllegalArgumentException e) {
                problems.add("parameter '" + name + "': " + e.getMessage());
            }
        }
    }

    @Override
    public CheckResult run(CheckRequest request) {
        String name = request.param("name");
        int type = DnsChecks.type(request.param("type", "A"));
        String target = name + "/" + Type.string(type);
        long max = Durations.parse(request.param("max")).toSeconds();
        int port = Integer.parseInt(request.param("ns-port", "53").trim());
        Deadline deadline = DnsChecks.deadline(request);
        DnsClient resolver = DnsClient.forCheck(request.param("resolvers"), request.environment());
        Map<String, Object> obs = new LinkedHashMap<>();

        AuthoritativeServers.Found found = AuthoritativeServers.find(resolver, name, port, deadline);
        if (found.failure() != null) {
            DnsAnswer f = found.failure();
            CheckStatus s = f.isError() ? DnsChecks.statusForError(f) : CheckStatus.ERROR;
            return request.result(s, target, "could not find the authoritative servers of " + name + ": " + f.describe(), obs);
        }
        obs.put("zone", found.zone());
        Map<String, CompletableFuture<DnsAnswer>> asked = new LinkedHashMap<>();
        for (Map.Entry<String, List<InetSocketAddress>> e : found.servers().entrySet()) {
            for (InetSocketAddress a : e.getValue()) {
                asked.put(AuthoritativeServers.label(e.getKey(), a), resolver.queryServer(a, name, type, deadline));
            }
        }
        if (asked.isEmpty()) {
            return request.result(CheckStatus.ERROR, target, "the NS of " + found.zone() + " " + found.servers().keySet() + " have no addresses", obs);
        }
        Map<String, Object> perServer = new LinkedHashMap<>();
        long ttl = -1;
        String server = null;
        DnsAnswer lastFailure = null;
        DnsAnswer empty = null;
        for (Map.Entry<String, CompletableFuture<DnsAnswer>> e : asked.entrySet()) {
            DnsAnswer a = e.getValue().join();
            if (a.outcome() == DnsAnswer.Outcome.ANSWER) {
                perServer.put(e.getKey(), a.ttl());
                if (a.ttl() > ttl) {
                    ttl = a.ttl();
                    server = e.getKey();
                }
            } else {
                perServer.put(e.getKey(), a.outcome().name());
                if (a.isError()) {
                    lastFailure = a;
                } else {
                    empty = a;
                }
            }
        }
        obs.put("per-server", perServer);
        if (server == null) {
            if (empty != null) {
                return request.result(CheckStatus.FAIL, target, "authoritative servers of " + found.zone() + " serve " + empty.describe(), obs);
            }
            return request.result(DnsChecks.statusForError(lastFailure), target,
                    "no authoritative server of " + found.zone() + " answered: " + lastFailure.describe(), obs);
        }
        obs.put("ttl", ttl);
        obs.put("server", server);
        String partial = lastFailure == null ? "" : "; some servers failed: " + lastFailure.describe();
        if (ttl > max) {
            return request.result(CheckStatus.FAIL, target, "TTL " + ttl + " s at " + server + " is above max " + max + " s" + partial, obs);
        }
        String lowered = request.param("lowered-at");
        if (lowered != null && !lowered.isBlank()) {
            Duration oldTtl = Durations.parse(request.param("old-ttl"));
            Instant safeAfter = Instant.parse(lowered.trim()).plus(oldTtl);
            obs.put("safe-after", safeAfter.toString());
            Instant now = request.clock().instant();
            obs.put("safe-in-s", Math.max(0, Duration.between(now, safeAfter).toSeconds()));
            if (now.isBefore(safeAfter)) {
                return request.result(CheckStatus.WARN, target, "TTL " + ttl + " s at " + server + " is within max " + max
                        + " s, but caches may hold the old TTL (" + oldTtl.toSeconds() + " s) until " + safeAfter
                        + " (" + Durations.format(Duration.between(now, safeAfter)) + " from now)" + partial, obs);
            }
        }
        CheckStatus status = lastFailure == null ? CheckStatus.PASS : CheckStatus.WARN;
        return request.result(status, target, "TTL " + ttl + " s at " + server + " is within max " + max + " s" + partial, obs);
    }
}
