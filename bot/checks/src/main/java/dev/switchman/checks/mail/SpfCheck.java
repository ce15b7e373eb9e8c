package dev.switchman.checks.mail;

import dev.switchman.checks.dns.DnsChecks;
import dev.switchman.checks.dns.DnsClient;
import dev.switchman.core.check.CheckProvider;
import dev.switchman.core.check.CheckRequest;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.ParamSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code mail.spf}: RFC 7208 check_host() for a sending IP. The domain is {@code domain} if given,
 * else the domain of {@code sender}, else {@code helo} (RFC 7208 2.4/4.3). Status: pass=PASS,
 * fail and softfail=FAIL, neutral and none=WARN, temperror=UNKNOWN, permerror=ERROR.
 */
public final class SpfCheck implements CheckProvider {

    @Override
    public String kind() {
        return "mail.spf";
    }

    @Override
    public String summary() {
        return "SPF (RFC 7208) verdict for a sending IP and domain";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.required("ip", "the sending IP address (IPv4 or IPv6)"),
                ParamSpec.optional("domain", null, "the domain to evaluate (default: the sender's domain, else helo)"),
                ParamSpec.optional("sender", null, "MAIL FROM address, e.g. billing@example.com"),
                ParamSpec.optional("helo", null, "HELO/EHLO name of the sending host"),
                ParamSpec.optional("receiver", "unknown", "this receiver's host name, for %{r} in explanations"),
                ParamSpec.optional("resolvers", null, "comma list of resolvers host:port (default: --resolver, else the system's)"));
    }

    @Override
    public List<String> validate(Map<String, String> params) {
        List<String> problems = new ArrayList<>(CheckProvider.super.validate(params));
        String ip = params.get("ip");
        if (ip != null && !ip.isBlank()) {
            try {
                SpfEvaluator.parseIp(ip);
            } catch (IllegalArgumentException e) {
                problems.add("parameter 'ip': " + e.getMessage() + " (expected an IPv4 or IPv6 address)");
            }
        }
        if (blank(params.get("domain")) && blank(params.get("sender")) && blank(params.get("helo"))) {
            problems.add("mail.spf needs one of 'domain', 'sender' or 'helo' to know which domain's policy to evaluate");
        }
        DnsChecks.checkResolvers(params, "resolvers", problems);
        return problems;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public CheckResult run(CheckRequest request) {
        DnsClient dns = DnsClient.forCheck(request.param("resolvers"), request.environment());
        String sender = request.param("sender", "");
        String helo = request.param("helo", "");
        String domain = request.param("domain");
        if (blank(domain) && blank(sender)) {
            domain = helo; // RFC 7208 2.3: the HELO identity
        }
        SpfEvaluator evaluator = new SpfEvaluator(dns, DnsChecks.deadline(request), request.param("receiver", "unknown"),
                request.clock().instant().getEpochSecond(), null);
        SpfEvaluator.Outcome o = evaluator.evaluate(request.param("ip"), sender, helo, domain);
        String evaluated = !blank(domain) ? domain : sender.substring(sender.lastIndexOf('@') + 1);
        Map<String, Object> obs = new LinkedHashMap<>();
        obs.put("result", o.result().rfcName());
        obs.put("explanation", o.explanation());
        obs.put("lookups", o.lookups());
        obs.put("void-lookups", o.voidLookups());
        obs.put("domain", evaluated);
        obs.put("reason", o.reason());
        String message = "SPF " + o.result().rfcName() + " for " + request.param("ip") + " at " + evaluated
                + (o.reason() == null || o.reason().isEmpty() ? "" : ": " + o.reason())
                + (o.explanation().isEmpty() ? "" : " (" + o.explanation() + ")");
        return request.result(o.result().status(), evaluated, message, obs);
    }
}
