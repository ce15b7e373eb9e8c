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
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * {@code http.probe}: GETs a URL (OkHttp, HTTP/2 or 1.1) and follows the whole redirect chain itself,
 * hop by hop (status, location, timings; {@code Location} resolved per RFC 3986 5.2), detecting loops,
 * http-to-https upgrades and apex/www moves; parses HSTS on the final https response. The chain is
 * followed once per address of the URL's host (A and AAAA), reported per address; with
 * {@code address}, requests for the URL's host go to that address only, with the real Host header and
 * SNI (in A-labels, UTS 46).
 */
public final class HttpProbeProvider implements CheckProvider {

    public static final String KIND = "http.probe";

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String summary() {
        return "HTTP(S) GET following every redirect: status, hops, loops, https upgrade, HSTS, time to first byte";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.required("url", "http:// or https:// URL to GET"),
                ParamSpec.optional("address", null, "IP address to send requests for the URL's host (and its www/apex sibling) to, with the real Host header and SNI, e.g. the new server before DNS moves"),
                ParamSpec.optional("expect-status", null, "status the probe must see: a 3xx is compared with the first response, others with the final one"),
                ParamSpec.optional("max-redirects", "10", "redirects to follow before giving up"),
                ParamSpec.optional("ca", null, "PEM file of extra trusted roots for https (private CA)"));
    }

    @Override
    public List<String> validate(Map<String, String> params) {
        List<String> problems = new ArrayList<>(CheckProvider.super.validate(params));
        String url = params.get("url");
        if (url != null && !url.isBlank()) {
            Urls.problem(url.trim()).ifPresent(problems::add);
        }
        intProblem(params, "expect-status", 100, 599).ifPresent(problems::add);
        intProblem(params, "max-redirects", 0, 100).ifPresent(problems::add);
        caProblem(params).ifPresent(problems::add);
        return problems;
    }

    static Optional<String> caProblem(Map<String, String> params) {
        String ca = params.get("ca");
        if (ca != null && !ca.isBlank() && !Files.isReadable(Path.of(ca.trim()))) {
            return Optional.of("parameter 'ca': file " + ca.trim() + " does not exist or is not readable (expected a PEM file)");
        }
        return Optional.empty();
    }

    static Optional<String> intProblem(Map<String, String> params, String name, int min, int max) {
        String v = params.get(name);
        if (v == null || v.isBlank()) {
            return Optional.empty();
        }
        try {
            int n = Integer.parseInt(v.trim());
            return n < min || n > max
                    ? Optional.of("parameter '" + name + "': " + n + " is out of range (expected " + min + ".." + max + ")")
                    : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.of("parameter '" + name + "': '" + v + "' is not a whole number (expected " + min + ".." + max + ")");
        }
    }

    @Override
    public CheckResult run(CheckRequest request) {
        return Urls.everyAddress(request, (url, target, address) -> chain(request, target, url, address));
    }

    /** The whole redirect chain with the URL's host (and its www/apex sibling) pinned to one address. */
    private CheckResult chain(CheckRequest request, String target, HttpUrl start, InetAddress address) {
        int maxRedirects = Integer.parseInt(request.param("max-redirects", "10").trim());
        Integer expect = blank(request.param("expect-status")) ? null : Integer.parseInt(request.param("expect-status").trim());
        HopClient client;
        try {
            client = HopClient.create(request.param("ca"), start.host(), address, request.environment(), DnsChecks.deadline(request));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return request.result(CheckStatus.ERROR, target, e.getMessage(), Map.of("address", InetAddresses.toAddrString(address)));
        }
        List<HttpHop> hops = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean upgraded = false;
        boolean downgraded = false;
        String wwwMove = "";
        long chainStart = System.nanoTime();
        HttpUrl current = start;
        HopClient.Fetched response;
        while (true) {
            seen.add(Urls.key(current));
            Duration left = request.remaining();
            if (left.isZero()) {
                return partial(request, target, CheckStatus.UNKNOWN, "deadline reached before " + Urls.display(current), hops, address);
            }
            try {
                response = client.get(current, left);
            } catch (HopClient.HopFailure e) {
                String hop = e.status() == CheckStatus.ERROR && e.getMessage().startsWith("cannot resolve")
                        ? " (hop " + (hops.size() + 1) + ", " + Urls.display(current) + ")" : "";
                return partial(request, target, e.status(), e.getMessage() + hop, hops, address);
            }
            hops.add(response.hop());
            String location = response.location();
            if (!REDIRECTS.contains(response.hop().status()) || location == null) {
                break;
            }
            HttpUrl next = Urls.resolve(current, location).orElse(null);
            if (next == null) {
                return partial(request, target, CheckStatus.FAIL, "hop " + hops.size() + " redirects to an unusable Location '" + location + "'", hops, address);
            }
            upgraded |= !current.isHttps() && next.isHttps();
            downgraded |= current.isHttps() && !next.isHttps();
            String move = HopClient.wwwMove(current.host(), next.host());
            if (!move.isEmpty()) {
                wwwMove = move;
            }
            if (seen.contains(Urls.key(next))) {
                return partial(request, target, CheckStatus.FAIL, "redirect loop: hop " + hops.size() + " goes back to " + Urls.display(next), hops, address);
            }
            if (hops.size() > maxRedirects) {
                return partial(request, target, CheckStatus.FAIL, "more than " + maxRedirects + " redirects (max-redirects)", hops, address);
            }
            current = next;
        }
        long latency = (System.nanoTime() - chainStart) / 1_000_000;
        boolean finalHttps = current.isHttps();
        Hsts hsts = finalHttps ? Hsts.parse(response.strictTransportSecurity()) : Hsts.ABSENT;

        Map<String, Object> obs = observations(hops, address);
        obs.put("final-url", Urls.display(current));
        obs.put("latency-ms", latency);
        obs.put("https-upgrade", upgraded);
        obs.put("www-redirect", wwwMove);
        obs.put("hsts", hsts.valid() ? "valid" : hsts.problem());
        obs.put("hsts-max-age", hsts.valid() ? hsts.maxAge() : 0L);
        obs.put("hsts-include-subdomains", hsts.valid() && hsts.includeSubDomains());
        obs.put("hsts-preload", hsts.valid() && hsts.preload());

        int finalStatus = response.hop().status();
        String finalUrl = Urls.display(current);
        CheckStatus status;
        String message;
        if (expect != null) {
            int seenStatus = expect >= 300 && expect < 400 ? hops.get(0).status() : finalStatus;
            status = seenStatus == expect ? CheckStatus.PASS : CheckStatus.FAIL;
            message = (status == CheckStatus.PASS ? "got " : "expected " + expect + " but got ") + seenStatus
                    + (expect >= 300 && expect < 400 ? " on the first response" : " from " + finalUrl);
        } else if (finalStatus >= 200 && finalStatus < 400) {
            status = CheckStatus.PASS;
            message = finalStatus + " from " + finalUrl;
        } else {
            status = CheckStatus.FAIL;
            message = finalStatus + " from " + finalUrl;
        }
        message += " after " + (hops.size() - 1) + " redirect(s), ttfb " + response.hop().ttfbMs() + " ms"
                + (finalHttps ? ", HSTS " + (hsts.valid() ? "max-age=" + hsts.maxAge() : hsts.problem()) : "");
        if (downgraded && status == CheckStatus.PASS) {
            status = CheckStatus.WARN;
            message += "; the chain goes from https down to http";
        }
        return request.result(status, target, message, obs);
    }

    private static Map<String, Object> observations(List<HttpHop> hops, InetAddress address) {
        Map<String, Object> obs = new LinkedHashMap<>();
        obs.put("address", InetAddresses.toAddrString(address));
        if (!hops.isEmpty()) {
            HttpHop last = hops.get(hops.size() - 1);
            obs.put("status", last.status());
            obs.put("ttfb-ms", last.ttfbMs());
        }
        obs.put("redirects", hops.stream().map(HttpHop::toMap).toList());
        obs.put("redirect-count", Math.max(0, hops.size() - 1));
        return obs;
    }

    private static CheckResult partial(CheckRequest request, String target, CheckStatus status, String message, List<HttpHop> hops, InetAddress address) {
        return request.result(status, target, message, observations(hops, address));
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
