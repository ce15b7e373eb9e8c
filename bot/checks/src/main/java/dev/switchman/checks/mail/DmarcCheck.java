package dev.switchman.checks.mail;

import dev.switchman.checks.dns.Deadline;
import dev.switchman.checks.dns.DnsAnswer;
import dev.switchman.checks.dns.DnsChecks;
import dev.switchman.checks.dns.DnsClient;
import dev.switchman.checks.net.Idna;
import dev.switchman.core.check.CheckProvider;
import dev.switchman.core.check.CheckRequest;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.check.ParamSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Type;

/**
 * {@code mail.dmarc}: the DMARC policy of a domain ({@code _dmarc.<domain>}, else of its organisational
 * domain from the Public Suffix List, see {@link OrgDomain}), discovered and validated per RFC 7489. PASS for a valid policy; FAIL when there is none or it is invalid;
 * WARN when p=quarantine/reject and a new sender ({@code sending-ip}) would fail SPF while the DKIM
 * selector ({@code dkim-selector}) has no valid key: its mail would be quarantined or rejected.
 */
public final class DmarcCheck implements CheckProvider {

    @Override
    public String kind() {
        return "mail.dmarc";
    }

    @Override
    public String summary() {
        return "DMARC policy present and valid; warns when a new sender would fail it";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.required("domain", "the From: domain, e.g. example.com"),
                ParamSpec.optional("sending-ip", null, "IP of a new sender: would it pass SPF for the domain?"),
                ParamSpec.optional("dkim-selector", null, "the new sender's DKIM selector: does it have a valid key?"),
                ParamSpec.optional("resolvers", null, "comma list of resolvers host:port (default: --resolver, else the system's)"));
    }

    @Override
    public List<String> validate(Map<String, String> params) {
        List<String> problems = new ArrayList<>(CheckProvider.super.validate(params));
        String ip = params.get("sending-ip");
        if (ip != null && !ip.isBlank()) {
            try {
                SpfEvaluator.parseIp(ip);
            } catch (IllegalArgumentException e) {
                problems.add("parameter 'sending-ip': " + e.getMessage());
            }
        }
        DnsChecks.checkResolvers(params, "resolvers", problems);
        return problems;
    }

    /**
     * The record found: where, its text, or the DNS failure / the reason there is none; {@code records}
     * is how many DMARC records the last name asked held (non-DMARC TXT records are not counted).
     */
    record Found(String recordDomain, String text, DnsAnswer failure, String none, int records) {
    }

    /**
     * Policy discovery of RFC 7489 6.6.3: TXT records at {@code _dmarc.<domain>} that do not start with
     * {@code v=DMARC1} are discarded (step 2); only when none is left is the organisational domain asked
     * (step 3); several DMARC records at either name end discovery with no policy (step 4), with no
     * fall-back to the organisational domain.
     */
    static Found find(DnsClient dns, String domain, String org, Deadline deadline) {
        Found f = at(dns, domain, deadline);
        if (f.text() == null && f.failure() == null && f.records() == 0 && !org.equalsIgnoreCase(domain)) {
            Found o = at(dns, org, deadline);
            if (o.text() != null || o.failure() != null || o.records() > 1) {
                return o;
            }
            return new Found(null, null, null, f.none() + "; " + o.none(), 0);
        }
        return f;
    }

    private static Found at(DnsClient dns, String domain, Deadline deadline) {
        String name = "_dmarc." + domain;
        DnsAnswer a = dns.resolve(name, Type.TXT, deadline);
        if (a.isError()) {
            return new Found(domain, null, a, null, 0);
        }
        List<String> dmarc = a.texts().stream().filter(DmarcRecord::isDmarc).toList();
        if (dmarc.size() > 1) {
            return new Found(domain, null, null, "no policy: " + name + " has " + dmarc.size()
                    + " DMARC records (RFC 7489 6.6.3: with more than one, none applies and discovery stops)", dmarc.size());
        }
        if (dmarc.isEmpty()) {
            int other = a.texts().size();
            return new Found(domain, null, null, "no DMARC record at " + name + " (" + a.outcome()
                    + (other > 0 ? ", " + other + " TXT record(s) that are not DMARC records" : "") + ")", 0);
        }
        return new Found(domain, dmarc.get(0), null, null, 1);
    }

    @Override
    public CheckResult run(CheckRequest request) {
        String domain = request.param("domain").strip();
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        String org;
        try {
            domain = Idna.dnsNameToAscii(domain);
            org = OrgDomain.of(domain);
        } catch (IllegalArgumentException e) {
            return request.result(CheckStatus.ERROR, domain, e.getMessage(), Map.of());
        }
        Deadline deadline = DnsChecks.deadline(request);
        DnsClient dns = DnsClient.forCheck(request.param("resolvers"), request.environment());
        Map<String, Object> obs = new LinkedHashMap<>();
        obs.put("org-domain", org);
        Found f = find(dns, domain, org, deadline);
        if (f.failure() != null) {
            return request.result(DnsChecks.statusForError(f.failure()), domain, "could not look up DMARC: " + f.failure().describe(), obs);
        }
        if (f.text() == null) {
            if (f.records() > 1) {
                obs.put("record-domain", f.recordDomain());
                obs.put("records", f.records());
            }
            return request.result(CheckStatus.FAIL, domain, f.none(), obs);
        }
        obs.put("record-domain", f.recordDomain());
        obs.put("record", f.text());
        DmarcRecord r = DmarcRecord.parse(f.text());
        if (!r.valid()) {
            obs.put("problems", r.problems());
            return request.result(CheckStatus.FAIL, domain, "invalid DMARC record at _dmarc." + f.recordDomain() + ": " + String.join("; ", r.problems()), obs);
        }
        boolean inherited = !f.recordDomain().equalsIgnoreCase(domain);
        String applies = inherited ? r.subdomainPolicy() : r.policy();
        obs.put("policy", r.policy());
        obs.put("subdomain-policy", r.subdomainPolicy());
        obs.put("pct", r.pct());
        obs.put("rua", r.rua());
        obs.put("ruf", r.ruf());
        obs.put("adkim", r.adkim());
        obs.put("aspf", r.aspf());
        String summary = "DMARC p=" + r.policy() + (inherited ? " (from " + f.recordDomain() + ", sp=" + r.subdomainPolicy() + " applies)" : "")
                + ", pct=" + r.pct() + (r.rua().isEmpty() ? ", no aggregate reports (rua)" : ", rua " + r.rua());
        String ip = request.param("sending-ip");
        if ((ip != null && !ip.isBlank()) && !applies.equals("none")) {
            SpfEvaluator.Outcome spf = new SpfEvaluator(dns, deadline, "unknown", request.clock().instant().getEpochSecond(), null)
                    .evaluate(ip, "postmaster@" + domain, domain, domain);
            obs.put("spf-result", spf.result().rfcName());
            String selector = request.param("dkim-selector");
            boolean dkimValid = false;
            String dkimWhy = "no dkim-selector given";
            if (selector != null && !selector.isBlank()) {
                DkimCheck.Lookup l = DkimCheck.lookup(dns, domain, selector.strip(), deadline);
                dkimValid = l.key() != null && l.key().valid();
                dkimWhy = dkimValid ? "" : l.key() == null ? "no DKIM key at " + l.name() + " (" + l.answer().outcome() + ")"
                        : "the DKIM key at " + l.name() + " is unusable: " + l.key().problem();
            }
            obs.put("dkim-valid", dkimValid);
            if (spf.result() != SpfResult.PASS && !dkimValid) {
                return request.result(CheckStatus.WARN, domain, "with p=" + applies + ", mail from " + ip + " would be "
                        + (applies.equals("reject") ? "rejected" : "quarantined") + ": it fails SPF (" + spf.result().rfcName()
                        + ") and DKIM has no valid key (" + dkimWhy + "). " + summary, obs);
            }
        }
        return request.result(CheckStatus.PASS, domain, summary, obs);
    }
}
