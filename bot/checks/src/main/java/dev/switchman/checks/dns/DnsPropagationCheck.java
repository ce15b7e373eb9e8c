package dev.switchman.checks.dns;

import dev.switchman.core.check.CheckProvider;
import dev.switchman.core.check.CheckRequest;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.check.ParamSpec;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.xbill.DNS.Type;

/**
 * {@code dns.propagation}: asks many resolvers at once (in parallel, one retry each) and reports the
 * share serving the new values and the share still serving the old ones. PASS when every resolver
 * serves the new values; WARN while some still serve the old ones or failed; FAIL when a resolver
 * serves something that is neither; UNKNOWN when none answered.
 */
public final class DnsPropagationCheck implements CheckProvider {

    /** Used when neither the check nor --resolver names resolvers: Cloudflare, Google, Quad9, OpenDNS. */
    public static final List<String> DEFAULT_RESOLVERS = List.of(
            "1.1.1.1:53", "1.0.0.1:53", "8.8.8.8:53", "8.8.4.4:53",
            "9.9.9.9:53", "149.112.112.112:53", "208.67.222.222:53", "208.67.220.220:53");

    @Override
    public String kind() {
        return "dns.propagation";
    }

    @Override
    public String summary() {
        return "Share of resolvers serving the new (and the old) values of a record";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.required("name", "the DNS name, e.g. www.example.com"),
                ParamSpec.optional("type", "A", "record type: A, AAAA, CNAME, MX, TXT, NS or CAA"),
                ParamSpec.required("expect", "comma list of the new values"),
                ParamSpec.optional("old", null, "comma list of the old values"),
                ParamSpec.optional("resolvers", null, "comma list host:port (default: --resolver, else " + DEFAULT_RESOLVERS + ")"));
    }

    @Override
    public List<String> validate(Map<String, String> params) {
        List<String> problems = new ArrayList<>(CheckProvider.super.validate(params));
        DnsChecks.checkType(params, problems);
        DnsChecks.checkResolvers(params, "resolvers", problems);
        return problems;
    }

    @Override
    public CheckResult run(CheckRequest request) {
        String name = request.param("name");
        int type = DnsChecks.type(request.param("type", "A"));
        String target = name + "/" + Type.string(type);
        List<String> expect = DnsChecks.list(request.param("expect"));
        List<String> old = DnsChecks.list(request.param("old"));
        List<InetSocketAddress> resolvers;
        String param = request.param("resolvers");
        if (param != null && !param.isBlank()) {
            resolvers = Resolvers.parse(param);
        } else if (!request.environment().resolvers().isEmpty()) {
            resolvers = Resolvers.parse(request.environment().resolvers());
        } else {
            resolvers = Resolvers.parse(DEFAULT_RESOLVERS);
        }
        Deadline deadline = DnsChecks.deadline(request);
        DnsClient client = DnsClient.forCheck(null, request.environment()).withServers(resolvers);
        Map<String, CompletableFuture<DnsAnswer>> asked = new LinkedHashMap<>();
        for (InetSocketAddress r : resolvers) {
            asked.put(Resolvers.format(r), client.queryServer(r, name, type, deadline));
        }
        Map<String, Object> answers = new LinkedHashMap<>();
        int onNew = 0;
        int onOld = 0;
        int failed = 0;
        List<String> other = new ArrayList<>();
        for (Map.Entry<String, CompletableFuture<DnsAnswer>> e : asked.entrySet()) {
            DnsAnswer a = e.getValue().join();
            Map<String, Object> one = new LinkedHashMap<>();
            if (a.isError()) {
                one.put("error", a.outcome() + (a.detail().isEmpty() ? "" : ": " + a.detail()));
                failed++;
            } else {
                one.put("values", a.values());
                one.put("ttl", a.ttl());
                if (a.isEmpty()) {
                    one.put("outcome", a.outcome().name());
                }
                if (DnsChecks.sameSet(type, a.values(), expect)) {
                    onNew++;
                } else if (!old.isEmpty() && DnsChecks.sameSet(type, a.values(), old)) {
                    onOld++;
                } else {
                    other.add(e.getKey() + " " + a.values());
                }
            }
            answers.put(e.getKey(), one);
        }
        int n = resolvers.size();
        Map<String, Object> obs = new LinkedHashMap<>();
        obs.put("on-new", (double) onNew / n);
        obs.put("on-old", (double) onOld / n);
        obs.put("resolvers", n);
        obs.put("failed", failed);
        obs.put("answers", answers);
        String counts = onNew + "/" + n + " resolvers on new, " + onOld + " on old" + (failed > 0 ? ", " + failed + " failed" : "");
        if (failed == n) {
            return request.result(CheckStatus.UNKNOWN, target, "no resolver answered: " + counts, obs);
        }
        if (!other.isEmpty()) {
            return request.result(CheckStatus.FAIL, target, counts + "; neither new nor old: " + String.join("; ", other), obs);
        }
        if (onNew == n) {
            return request.result(CheckStatus.PASS, target, "all " + n + " resolvers serve the new values", obs);
        }
        return request.result(CheckStatus.WARN, target, "propagating: " + counts, obs);
    }
}
