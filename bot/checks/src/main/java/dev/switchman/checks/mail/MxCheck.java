package dev.switchman.checks.mail;

import dev.switchman.checks.dns.Deadline;
import dev.switchman.checks.dns.DnsAnswer;
import dev.switchman.checks.dns.DnsChecks;
import dev.switchman.checks.dns.DnsClient;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * {@code mail.mx}: the MX hosts of a domain are the expected ones, and each answers SMTP: banner,
 * EHLO and STARTTLS (all hosts in parallel). FAIL when the hosts differ or one does not speak SMTP;
 * WARN when a host does not offer STARTTLS; PASS otherwise.
 */
public final class MxCheck implements CheckProvider {

    private static final ExecutorService PROBES = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "switchman-smtp-probe");
        t.setDaemon(true);
        return t;
    });

    @Override
    public String kind() {
        return "mail.mx";
    }

    @Override
    public String summary() {
        return "MX hosts are the expected ones and each answers SMTP with STARTTLS";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.required("domain", "the mail domain, e.g. example.com"),
                ParamSpec.optional("expect", null, "comma list of the MX host names that must be served, exactly"),
                ParamSpec.optional("port", "25", "SMTP port to probe on each host"),
                ParamSpec.optional("helo", "switchman.invalid", "the name to send in EHLO"),
                ParamSpec.optional("smtp", "true", "false: only compare the MX records, do not connect"),
                ParamSpec.optional("resolvers", null, "comma list of resolvers host:port (default: --resolver, else the system's)"));
    }

    @Override
    public List<String> validate(Map<String, String> params) {
        List<String> problems = new ArrayList<>(CheckProvider.super.validate(params));
        String port = params.get("port");
        if (port != null && (!port.trim().matches("[0-9]{1,5}") || Integer.parseInt(port.trim()) > 65535)) {
            problems.add("parameter 'port' must be a port number 1-65535; was '" + port + "'");
        }
        String smtp = params.get("smtp");
        if (smtp != null && !smtp.equalsIgnoreCase("true") && !smtp.equalsIgnoreCase("false")) {
            problems.add("parameter 'smtp' must be true or false; was '" + smtp + "'");
        }
        DnsChecks.checkResolvers(params, "resolvers", problems);
        return problems;
    }

    @Override
    public CheckResult run(CheckRequest request) {
        String domain = request.param("domain");
        Deadline deadline = DnsChecks.deadline(request);
        DnsClient dns = DnsClient.forCheck(request.param("resolvers"), request.environment());
        DnsAnswer mx = dns.resolve(domain, Type.MX, deadline);
        Map<String, Object> obs = new LinkedHashMap<>();
        if (mx.isError()) {
            return request.result(DnsChecks.statusForError(mx), domain, "could not look up MX: " + mx.describe(), obs);
        }
        List<String> hosts = new ArrayList<>();
        for (Record r : mx.records()) {
            String h = ((MXRecord) r).getTarget().toString();
            hosts.add(h.length() > 1 && h.endsWith(".") ? h.substring(0, h.length() - 1) : h);
        }
        obs.put("hosts", hosts);
        obs.put("server", mx.server());
        if (hosts.isEmpty()) {
            return request.result(CheckStatus.FAIL, domain, "no MX records: " + mx.describe(), obs);
        }
        if (hosts.equals(List.of("."))) {
            return request.result(CheckStatus.FAIL, domain, domain + " has a null MX (RFC 7505): it accepts no mail", obs);
        }
        List<String> problems = new ArrayList<>();
        List<String> expect = DnsChecks.list(request.param("expect"));
        if (!expect.isEmpty()) {
            List<List<String>> diff = DnsChecks.difference(Type.MX, hosts, expect);
            obs.put("missing", diff.get(0));
            obs.put("unexpected", diff.get(1));
            if (!diff.get(0).isEmpty() || !diff.get(1).isEmpty()) {
                problems.add("MX hosts " + hosts + ": missing " + diff.get(0) + ", unexpected " + diff.get(1));
            }
        }
        if (!Boolean.parseBoolean(request.param("smtp", "true"))) {
            return problems.isEmpty()
                    ? request.result(CheckStatus.PASS, domain, "MX " + hosts, obs)
                    : request.result(CheckStatus.FAIL, domain, String.join("; ", problems), obs);
        }
        int port = Integer.parseInt(request.param("port", "25").trim());
        String helo = request.param("helo", "switchman.invalid");
        Map<String, CompletableFuture<SmtpProbe.Result>> probes = new LinkedHashMap<>();
        for (String host : hosts) {
            probes.put(host, dns.query(host, Type.A, deadline).thenCombine(dns.query(host, Type.AAAA, deadline), (a, aaaa) -> {
                List<Record> addrs = new ArrayList<>(a.records());
                addrs.addAll(aaaa.records());
                return addrs;
            }).thenApplyAsync(addrs -> {
                if (addrs.isEmpty()) {
                    return new SmtpProbe.Result("", List.of(), false, "", "no address for " + host);
                }
                Record first = addrs.get(0);
                var ip = first instanceof ARecord ar ? ar.getAddress() : ((AAAARecord) first).getAddress();
                return SmtpProbe.probe(new InetSocketAddress(ip, port), helo, deadline.remaining());
            }, PROBES));
        }
        Map<String, Object> starttls = new LinkedHashMap<>();
        Map<String, Object> smtp = new LinkedHashMap<>();
        List<String> noTls = new ArrayList<>();
        for (Map.Entry<String, CompletableFuture<SmtpProbe.Result>> e : probes.entrySet()) {
            SmtpProbe.Result r = e.getValue().join();
            starttls.put(e.getKey(), r.starttlsOk());
            smtp.put(e.getKey(), r.toMap());
            if (!r.error().isEmpty()) {
                problems.add(e.getKey() + ":" + port + ": " + r.error());
            } else if (!r.starttlsOffered()) {
                noTls.add(e.getKey());
            }
        }
        obs.put("starttls", starttls);
        obs.put("smtp", smtp);
        if (!problems.isEmpty()) {
            return request.result(CheckStatus.FAIL, domain, String.join("; ", problems), obs);
        }
        if (!noTls.isEmpty()) {
            return request.result(CheckStatus.WARN, domain, "MX " + hosts + " answer SMTP, but " + noTls + " do not offer STARTTLS", obs);
        }
        return request.result(CheckStatus.PASS, domain, "MX " + hosts + " answer SMTP with STARTTLS", obs);
    }
}
