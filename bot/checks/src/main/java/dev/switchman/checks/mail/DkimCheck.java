package dev.switchman.checks.mail;

import dev.switchman.checks.dns.DnsAnswer;
import dev.switchman.checks.dns.DnsChecks;
import dev.switchman.checks.dns.DnsClient;
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
 * {@code mail.dkim}: the key record at {@code <selector>._domainkey.<domain>} (CNAMEs followed, split
 * TXT strings joined), parsed per RFC 6376 3.6.1. RSA below 1024 bits FAIL, 1024-2047 WARN, 2048 and
 * more PASS; ed25519 PASS; revoked, unusable or missing keys FAIL.
 */
public final class DkimCheck implements CheckProvider {

    @Override
    public String kind() {
        return "mail.dkim";
    }

    @Override
    public String summary() {
        return "DKIM key record of a selector: parses, not revoked, strong enough";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.required("domain", "the signing domain (d=), e.g. example.com"),
                ParamSpec.required("selector", "the selector (s=), e.g. mail2026"),
                ParamSpec.optional("resolvers", null, "comma list of resolvers host:port (default: --resolver, else the system's)"));
    }

    @Override
    public List<String> validate(Map<String, String> params) {
        List<String> problems = new ArrayList<>(CheckProvider.super.validate(params));
        DnsChecks.checkResolvers(params, "resolvers", problems);
        return problems;
    }

    /** What a selector's lookup gave: the answer, and the key record when there is one. */
    record Lookup(String name, DnsAnswer answer, DkimKeyRecord key, int records) {
    }

    static Lookup lookup(DnsClient dns, String domain, String selector, dev.switchman.checks.dns.Deadline deadline) {
        String name = selector + "._domainkey." + domain;
        DnsAnswer a = dns.resolve(name, Type.TXT, deadline);
        List<String> texts = a.texts();
        if (a.outcome() != DnsAnswer.Outcome.ANSWER || texts.isEmpty()) {
            return new Lookup(name, a, null, 0);
        }
        DkimKeyRecord chosen = null;
        for (String t : texts) {
            DkimKeyRecord k = DkimKeyRecord.parse(t);
            if (chosen == null || (!chosen.valid() && k.valid())) {
                chosen = k;
            }
        }
        return new Lookup(name, a, chosen, texts.size());
    }

    @Override
    public CheckResult run(CheckRequest request) {
        DnsClient dns = DnsClient.forCheck(request.param("resolvers"), request.environment());
        Lookup l = lookup(dns, request.param("domain"), request.param("selector"), DnsChecks.deadline(request));
        Map<String, Object> obs = new LinkedHashMap<>();
        obs.put("record-name", l.name());
        obs.put("server", l.answer().server());
        if (l.answer().isError()) {
            return request.result(DnsChecks.statusForError(l.answer()), l.name(), "could not look up the DKIM key: " + l.answer().describe(), obs);
        }
        if (l.key() == null) {
            return request.result(CheckStatus.FAIL, l.name(), "no DKIM key record: " + l.answer().describe(), obs);
        }
        DkimKeyRecord k = l.key();
        obs.put("key-type", k.keyType());
        obs.put("key-bits", k.keyBits());
        obs.put("revoked", k.revoked());
        obs.put("testing", k.testing());
        obs.put("records", l.records());
        String extra = (k.testing() ? "; t=y (testing mode)" : "") + (l.records() > 1 ? "; " + l.records() + " TXT records at the selector" : "");
        if (!k.valid()) {
            obs.put("problem", k.problem());
            return request.result(CheckStatus.FAIL, l.name(), "DKIM key unusable: " + k.problem() + extra, obs);
        }
        String what = k.keyType() + " " + k.keyBits() + "-bit key";
        if (k.keyType().equals("ed25519") || k.keyBits() >= 2048) {
            return request.result(CheckStatus.PASS, l.name(), what + extra, obs);
        }
        if (k.keyBits() >= 1024) {
            return request.result(CheckStatus.WARN, l.name(), what + ": 1024-bit RSA is weak, use 2048" + extra, obs);
        }
        return request.result(CheckStatus.FAIL, l.name(), what + ": RSA below 1024 bits is broken (RFC 8301)" + extra, obs);
    }
}
