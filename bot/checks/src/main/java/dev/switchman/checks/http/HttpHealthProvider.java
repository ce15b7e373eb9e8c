package dev.switchman.checks.http;

import com.google.common.net.InetAddresses;
import dev.switchman.checks.dns.DnsChecks;
import dev.switchman.checks.dns.HostAddresses;
import dev.switchman.checks.net.PerAddress;
import dev.switchman.core.check.CheckProvider;
import dev.switchman.core.check.CheckRequest;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.check.ParamSpec;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * {@code http.health}: one GET of a health endpoint on every address of its host (or on {@code address}),
 * redirects not followed: PASS on 2xx (or on {@code expect-status}), FAIL otherwise, UNKNOWN on a
 * timeout, ERROR when it cannot connect. The {@code status} observation is what the rollback rules
 * count (docs/rules.md).
 */
public final class HttpHealthProvider implements CheckProvider {

    public static final String KIND = "http.health";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String summary() {
        return "HTTP(S) health endpoint answers 2xx (or expect-status) on every address, redirects not followed";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.required("url", "http:// or https:// URL of the health endpoint"),
                ParamSpec.optional("address", null, "IP address to send the request to instead of every address of the URL's host, with the real Host header and SNI"),
                ParamSpec.optional("expect-status", null, "status that counts as healthy (default: any 2xx)"),
                ParamSpec.optional("ca", null, "PEM file of extra trusted roots for https (private CA)"));
    }

    @Override
    public List<String> validate(Map<String, String> params) {
        List<String> problems = new ArrayList<>(CheckProvider.super.validate(params));
        String url = params.get("url");
        if (url != null && !url.isBlank()) {
            Urls.problem(url.trim()).ifPresent(problems::add);
        }
        HttpProbeProvider.intProblem(params, "expect-status", 100, 599).ifPresent(problems::add);
        HttpProbeProvider.caProblem(params).ifPresent(problems::add);
        return problems;
    }

    @Override
    public CheckResult run(CheckRequest request) {
        return Urls.everyAddress(request, (url, target, address) -> once(request, target, url, address));
    }

    private static CheckResult once(CheckRequest request, String target, HttpUrl url, InetAddress address) {
        Map<String, Object> obs = new LinkedHashMap<>();
        obs.put("address", InetAddresses.toAddrString(address));
        Duration left = request.remaining();
        if (left.isZero()) {
            return request.result(CheckStatus.UNKNOWN, target, "deadline reached before " + Urls.display(url), obs);
        }
        HopClient.Fetched got;
        try {
            got = HopClient.create(request.param("ca"), url.host(), address, request.environment(), DnsChecks.deadline(request)).get(url, left);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return request.result(CheckStatus.ERROR, target, e.getMessage(), obs);
        } catch (HopClient.HopFailure e) {
            return request.result(e.status(), target, e.getMessage(), obs);
        }
        int status = got.hop().status();
        obs.put("status", status);
        obs.put("ttfb-ms", got.hop().ttfbMs());
        obs.put("latency-ms", got.hop().totalMs());
        obs.put("location", got.location() == null ? "" : got.location());
        String expect = request.param("expect-status");
        boolean healthy = HttpProbeProvider.blank(expect) ? status >= 200 && status < 300 : status == Integer.parseInt(expect.trim());
        String message = status + " from " + Urls.display(url) + " at " + InetAddresses.toAddrString(address) + ", ttfb " + got.hop().ttfbMs() + " ms"
                + (got.location() == null ? "" : ", redirects to " + got.location() + " (not followed)")
                + (healthy ? "" : HttpProbeProvider.blank(expect) ? "; expected 2xx" : "; expected " + expect.trim());
        return request.result(healthy ? CheckStatus.PASS : CheckStatus.FAIL, target, message, obs);
    }
}
