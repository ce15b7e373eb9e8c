package dev.switchman.checks.mail;

import com.google.common.net.InetAddresses;
import dev.switchman.checks.dns.Deadline;
import dev.switchman.checks.dns.DnsAnswer;
import dev.switchman.checks.dns.DnsChecks;
import dev.switchman.checks.dns.DnsClient;
import dev.switchman.core.check.CheckProvider;
import dev.switchman.core.check.CheckRequest;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.check.ParamSpec;
import java.net.InetAddress;
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
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * {@code mail.mx}: the MX hosts of a domain are the expected ones, and each answers SMTP: banner,
 * EHLO and STARTTLS on every address (A and AAAA) of every host, all in parallel. FAIL when the hosts
 * differ or one address does not speak SMTP; WARN when one does not offer STARTTLS; PASS otherwise.
 * A null MX (RFC 7505) means the domain accepts no mail; beside other MX records it is FAIL.
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
                ParamSpec.optional("expect", null, "comma list of the MX host names that must be served, exactly (\".\": a null MX, no mail accepted)"),
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
        List<MXRecord> nullMx = new ArrayList<>();
        for (Record r : mx.records()) {
            MXRecord m = (MXRecord) r;
            String h = m.getTarget().toString();
            if (m.getTarget().equals(Name.root)) {
                nullMx.add(m);
            }
            hosts.add(h.length() > 1 && h.endsWith(".") ? h.substring(0, h.length() - 1) : h);
        }
        obs.put("hosts", hosts);
        obs.put("server", mx.server());
        obs.put("null-mx", !nullMx.isEmpty());
        if (hosts.isEmpty()) {
            return request.result(CheckStatus.FAIL, domain, "no MX records: " + mx.describe(), obs);
        }
        List<String> expect = DnsChecks.list(request.param("expect"));
        if (!nullMx.isEmpty()) {
            return nullMx(request, domain, mx, nullMx, expect, obs);
        }
        List<String> problems = new ArrayList<>();
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
        Map<String, CompletableFuture<List<Probed>>> probes = new LinkedHashMap<>();
        for (String host : hosts) {
            probes.put(host, dns.query(host, Type.A, deadline).thenCombine(dns.query(host, Type.AAAA, deadline), (a, aaaa) -> {
                List<InetAddress> addrs = new ArrayList<>();
                a.records().forEach(r -> addrs.add(((ARecord) r).getAddress()));
                aaaa.records().forEach(r -> addrs.add(((AAAARecord) r).getAddress()));
                return addrs;
            }).thenCompose(addrs -> {
                if (addrs.isEmpty()) {
                    return CompletableFuture.completedFuture(List.of(new Probed("", new SmtpProbe.Result("", List.of(), false, "", "no address for " + host))));
                }
                List<CompletableFuture<Probed>> each = new ArrayList<>();
                for (InetAddress ip : addrs) {
                    each.add(CompletableFuture.supplyAsync(() -> new Probed(InetAddresses.toAddrString(ip),
                            SmtpProbe.probe(new InetSocketAddress(ip, port), helo, deadline.remaining())), PROBES));
                }
                return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new)).thenApply(v -> each.stream().map(CompletableFuture::join).toList());
            }));
        }
        Map<String, Object> starttls = new LinkedHashMap<>();
        Map<String, Object> smtp = new LinkedHashMap<>();
        Map<String, Object> perAddress = new LinkedHashMap<>();
        List<String> noTls = new ArrayList<>();
        for (Map.Entry<String, CompletableFuture<List<Probed>>> e : probes.entrySet()) {
            List<Probed> results = e.getValue().join();
            String host = e.getKey();
            starttls.put(host, results.stream().allMatch(p -> p.result().starttlsOk()));
            smtp.put(host, results.get(0).result().toMap());
            List<Map<String, Object>> list = new ArrayList<>();
            for (Probed p : results) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("address", p.address());
                m.putAll(p.result().toMap());
                list.add(m);
                String where = host + ":" + port + (p.address().isEmpty() ? "" : " (" + p.address() + ")");
                if (!p.result().error().isEmpty()) {
                    problems.add(where + ": " + p.result().error());
                } else if (!p.result().starttlsOffered()) {
                    noTls.add(results.size() > 1 ? where : host);
                }
            }
            perAddress.put(host, list);
        }
        obs.put("starttls", starttls);
        obs.put("smtp", smtp);
        obs.put("addresses", perAddress);
        if (!problems.isEmpty()) {
            return request.result(CheckStatus.FAIL, domain, String.join("; ", problems), obs);
        }
        if (!noTls.isEmpty()) {
            return request.result(CheckStatus.WARN, domain, "MX " + hosts + " answer SMTP, but " + noTls + " do not offer STARTTLS", obs);
        }
        return request.result(CheckStatus.PASS, domain, "MX " + hosts + " answer SMTP with STARTTLS", obs);
    }

    /** One SMTP probe of one address of an MX host. */
    private record Probed(String address, SmtpProbe.Result result) {
    }

    /**
     * RFC 7505 3: a null MX (preference 0, exchange ".") says the domain accepts no mail, and a domain
     * that publishes one must publish no other MX record. Alone it is reported as such (PASS only when
     * {@code expect} is "."); beside other MX records, or with a preference other than 0, it is FAIL.
     */
    private static CheckResult nullMx(CheckRequest request, String domain, DnsAnswer mx, List<MXRecord> nullMx, List<String> expect, Map<String, Object> obs) {
        if (mx.records().size() > nullMx.size()) {
            return request.result(CheckStatus.FAIL, domain, domain + " has a null MX (\".\") mixed with other MX records " + mx.values()
                    + ": RFC 7505 3 forbids any other MX beside a null MX, so senders may bounce or deliver depending on their reading", obs);
        }
        MXRecord only = nullMx.get(0);
        if (only.getPriority() != 0) {
            return request.result(CheckStatus.FAIL, domain, domain + " has MX " + only.getPriority() + " \".\": a null MX must have preference 0"
                    + " (RFC 7505 3); either way the domain names no mail host", obs);
        }
        boolean wanted = expect.equals(List.of("."));
        return request.result(wanted ? CheckStatus.PASS : CheckStatus.FAIL, domain,
                domain + " has a null MX (RFC 7505): the domain accepts no mail" + (wanted ? ", as expected" : ""), obs);
    }
}
