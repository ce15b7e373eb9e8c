package dev.switchman.checks.dns;

import dev.switchman.core.check.CheckProvider;
import dev.switchman.core.check.CheckRequest;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.check.ParamSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Type;

/**
 * {@code dns.record}: the records of one name and type, from the configured resolvers. PASS when
 * records exist and (if {@code expect} is given) are exactly the expected set; FAIL when none exist
 * (NXDOMAIN and NODATA are told apart) or they differ; UNKNOWN on timeout; ERROR on SERVFAIL.
 */
public final class DnsRecordCheck implements CheckProvider {

    @Override
    public String kind() {
        return "dns.record";
    }

    @Override
    public String summary() {
        return "Records of a name and type, optionally compared with the expected values";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.required("name", "the DNS name, e.g. www.example.com"),
                ParamSpec.optional("type", "A", "record type: A, AAAA, CNAME, MX, TXT, NS or CAA"),
                ParamSpec.optional("expect", null, "comma list of the values that must be served, exactly"),
                ParamSpec.optional("resolvers", null, "comma list of resolvers host:port (default: --resolver, else the system's)"));
    }

    @Override
    public List<String> validate(Map<String, String> params) {
        List<String> problems = new java.util.ArrayList<>(CheckProvider.super.validate(params));
        DnsChecks.checkType(params, problems);
        DnsChecks.checkResolvers(params, "resolvers", problems);
        return problems;
    }

    @Override
    public CheckResult run(CheckRequest request) {
        String name = request.param("name");
        int type = DnsChecks.type(request.param("type", "A"));
        String target = name + "/" + Type.string(type);
        DnsClient dns = DnsClient.forCheck(request.param("resolvers"), request.environment());
        DnsAnswer a = dns.resolve(name, type, DnsChecks.deadline(request));
        Map<String, Object> obs = new LinkedHashMap<>();
        obs.put("values", a.values());
        obs.put("ttl", a.ttl());
        obs.put("server", a.server());
        obs.put("outcome", a.outcome().name());
        if (!a.cnames().isEmpty()) {
            obs.put("cnames", a.cnames());
        }
        if (a.isError()) {
            return request.result(DnsChecks.statusForError(a), target, "could not resolve: " + a.describe(), obs);
        }
        List<String> expect = DnsChecks.list(request.param("expect"));
        if (a.isEmpty()) {
            return request.result(CheckStatus.FAIL, target, a.describe(), obs);
        }
        if (expect.isEmpty()) {
            return request.result(CheckStatus.PASS, target, target + " = " + a.values() + " (ttl " + a.ttl() + ", from " + a.server() + ")", obs);
        }
        List<List<String>> diff = DnsChecks.difference(type, a.values(), expect);
        obs.put("missing", diff.get(0));
        obs.put("unexpected", diff.get(1));
        if (diff.get(0).isEmpty() && diff.get(1).isEmpty()) {
            return request.result(CheckStatus.PASS, target, target + " = " + a.values() + " as expected (from " + a.server() + ")", obs);
        }
        return request.result(CheckStatus.FAIL, target, target + " = " + a.values() + "; missing " + diff.get(0)
                + ", unexpected " + diff.get(1) + " (from " + a.server() + ")", obs);
    }
}
