package dev.switchman.checks.http;

import dev.switchman.checks.tls.Pem;
import dev.switchman.checks.tls.TrustRoots;
import dev.switchman.core.check.CheckProvider;
import dev.switchman.core.check.CheckRequest;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.check.ParamSpec;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

/**
 * {@code http.probe}: GETs a URL and follows the whole redirect chain itself, hop by hop (status,
 * location, timings), detecting loops, http-to-https upgrades and apex/www moves; parses HSTS on
 * the final https response. With {@code address}, requests for the URL's host go to that IP with
 * the real Host header and SNI.
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
            parseUrl(url.trim()).ifPresent(problems::add);
        }
        intProblem(params, "expect-status", 100, 599).ifPresent(problems::add);
        intProblem(params, "max-redirects", 0, 100).ifPresent(problems::add);
        String ca = params.get("ca");
        if (ca != null && !ca.isBlank() && !Files.isReadable(Path.of(ca.trim()))) {
            problems.add("parameter 'ca': file " + ca.trim() + " does not exist or is not readable (expected a PEM file)");
        }
        return problems;
    }

    private static Optional<String> parseUrl(String url) {
        try {
            URI u = new URI(url);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return Optional.of("parameter 'url': '" + url + "' must start with http:// or https://");
            }
            if (u.getHost() == null) {
                return Optional.of("parameter 'url': '" + url + "' has no host name");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("parameter 'url': '" + url + "' is not a URL: " + e.getReason() + " at index " + e.getIndex());
        }
    }

    private static Optional<String> intProblem(Map<String, String> params, String name, int min, int max) {
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
        String url = request.param("url", "").trim();
        Optional<String> bad = parseUrl(url);
        if (bad.isPresent()) {
            return request.result(CheckStatus.ERROR, url, bad.get(), Map.of());
        }
        URI current = URI.create(url);
        String originalHost = current.getHost();
        String addressParam = request.param("address");
        int maxRedirects = Integer.parseInt(request.param("max-redirects", "10").trim());
        Integer expect = blank(request.param("expect-status")) ? null : Integer.parseInt(request.param("expect-status").trim());
        String target = url + (blank(addressParam) ? "" : " via " + addressParam.trim());

        SSLContext tls;
        InetAddress override = null;
        try {
            tls = sslContext(request.param("ca"));
            if (!blank(addressParam)) {
                override = InetAddress.getByName(addressParam.trim());
            }
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return request.result(CheckStatus.ERROR, target, e.getMessage(), Map.of());
        } catch (UnknownHostException e) {
            return request.result(CheckStatus.ERROR, target, "cannot resolve address " + addressParam.trim() + ": " + e.getMessage(), Map.of());
        }

        List<HttpHop> hops = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean upgraded = false;
        boolean downgraded = false;
        String wwwMove = "";
        long chainStart = System.nanoTime();
        RawHttp.Response response;
        while (true) {
            seen.add(key(current));
            InetAddress address;
            String host = current.getHost();
            try {
                address = override != null && sameSite(host, originalHost) ? override : InetAddress.getByName(host);
            } catch (UnknownHostException e) {
                return partial(request, target, CheckStatus.ERROR, "cannot resolve " + host + " (hop " + (hops.size() + 1) + ", " + current + ")", hops);
            }
            Duration left = request.remaining();
            if (left.isZero()) {
                return partial(request, target, CheckStatus.UNKNOWN, "deadline reached before " + current, hops);
            }
            String where = address.getHostAddress() + ":" + port(current);
            try {
                response = RawHttp.get(current, address, tls, left);
            } catch (SocketTimeoutException e) {
                return partial(request, target, CheckStatus.UNKNOWN, "timed out on " + current + " at " + where, hops);
            } catch (ConnectException e) {
                return partial(request, target, CheckStatus.ERROR, "cannot connect to " + where + " for " + current + ": " + e.getMessage(), hops);
            } catch (SSLHandshakeException e) {
                return partial(request, target, CheckStatus.FAIL, "TLS to " + where + " for " + current + " failed: " + e.getMessage(), hops);
            } catch (IOException e) {
                return partial(request, target, CheckStatus.ERROR, "request to " + where + " for " + current + " failed: " + e.getMessage(), hops);
            }
            String location = response.first("location");
            String stsHeader = current.getScheme().equalsIgnoreCase("https") ? response.first("strict-transport-security") : null;
            hops.add(new HttpHop(current.toString(), address.getHostAddress(), response.status(), location, stsHeader, response.ttfbMs(), response.totalMs()));
            if (!REDIRECTS.contains(response.status()) || location == null) {
                break;
            }
            URI next;
            try {
                next = current.resolve(new URI(location.replace(" ", "%20")));
            } catch (URISyntaxException | IllegalArgumentException e) {
                return partial(request, target, CheckStatus.FAIL, "hop " + hops.size() + " redirects to an invalid Location '" + location + "'", hops);
            }
            if (next.getScheme() == null || next.getHost() == null || parseUrl(next.toString()).isPresent()) {
                return partial(request, target, CheckStatus.FAIL, "hop " + hops.size() + " redirects to an unusable Location '" + location + "'", hops);
            }
            String from = current.getScheme().toLowerCase(Locale.ROOT);
            String to = next.getScheme().toLowerCase(Locale.ROOT);
            upgraded |= from.equals("http") && to.equals("https");
            downgraded |= from.equals("https") && to.equals("http");
            String move = wwwMove(current.getHost(), next.getHost());
            if (!move.isEmpty()) {
                wwwMove = move;
            }
            if (seen.contains(key(next))) {
                return partial(request, target, CheckStatus.FAIL, "redirect loop: hop " + hops.size() + " goes back to " + next, hops);
            }
            if (hops.size() > maxRedirects) {
                return partial(request, target, CheckStatus.FAIL, "more than " + maxRedirects + " redirects (max-redirects)", hops);
            }
            current = next;
        }
        long latency = (System.nanoTime() - chainStart) / 1_000_000;
        boolean finalHttps = current.getScheme().equalsIgnoreCase("https");
        Hsts hsts = finalHttps ? Hsts.parse(response.first("strict-transport-security")) : Hsts.ABSENT;

        Map<String, Object> obs = observations(hops);
        obs.put("final-url", current.toString());
        obs.put("latency-ms", latency);
        obs.put("https-upgrade", upgraded);
        obs.put("www-redirect", wwwMove);
        obs.put("hsts", hsts.valid() ? "valid" : hsts.problem());
        obs.put("hsts-max-age", hsts.valid() ? hsts.maxAge() : 0L);
        obs.put("hsts-include-subdomains", hsts.valid() && hsts.includeSubDomains());
        obs.put("hsts-preload", hsts.valid() && hsts.preload());

        int finalStatus = response.status();
        CheckStatus status;
        String message;
        if (expect != null) {
            int seenStatus = expect >= 300 && expect < 400 ? hops.get(0).status() : finalStatus;
            status = seenStatus == expect ? CheckStatus.PASS : CheckStatus.FAIL;
            message = (status == CheckStatus.PASS ? "got " : "expected " + expect + " but got ") + seenStatus
                    + (expect >= 300 && expect < 400 ? " on the first response" : " from " + current);
        } else if (finalStatus >= 200 && finalStatus < 400) {
            status = CheckStatus.PASS;
            message = finalStatus + " from " + current;
        } else {
            status = CheckStatus.FAIL;
            message = finalStatus + " from " + current;
        }
        message += " after " + (hops.size() - 1) + " redirect(s), ttfb " + response.ttfbMs() + " ms"
                + (finalHttps ? ", HSTS " + (hsts.valid() ? "max-age=" + hsts.maxAge() : hsts.problem()) : "");
        if (downgraded && status == CheckStatus.PASS) {
            status = CheckStatus.WARN;
            message += "; the chain goes from https down to http";
        }
        return request.result(status, target, message, obs);
    }

    private static Map<String, Object> observations(List<HttpHop> hops) {
        Map<String, Object> obs = new LinkedHashMap<>();
        if (!hops.isEmpty()) {
            HttpHop last = hops.get(hops.size() - 1);
            obs.put("status", last.status());
            obs.put("ttfb-ms", last.ttfbMs());
        }
        obs.put("redirects", hops.stream().map(HttpHop::toMap).toList());
        obs.put("redirect-count", Math.max(0, hops.size() - 1));
        return obs;
    }

    private static CheckResult partial(CheckRequest request, String target, CheckStatus status, String message, List<HttpHop> hops) {
        return request.result(status, target, message, observations(hops));
    }

    /** The URL's host, or its www/apex sibling: the hops that {@code address} applies to. */
    static boolean sameSite(String host, String originalHost) {
        return host.equalsIgnoreCase(originalHost) || !wwwMove(host, originalHost).isEmpty();
    }

    static String wwwMove(String fromHost, String toHost) {
        String f = fromHost.toLowerCase(Locale.ROOT);
        String t = toHost.toLowerCase(Locale.ROOT);
        if (t.equals("www." + f)) {
            return "apex->www";
        }
        if (f.equals("www." + t)) {
            return "www->apex";
        }
        return "";
    }

    private static String key(URI u) {
        String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
        return u.getScheme().toLowerCase(Locale.ROOT) + "://" + u.getHost().toLowerCase(Locale.ROOT) + ":" + port(u) + path
                + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }

    private static int port(URI u) {
        return u.getPort() > 0 ? u.getPort() : u.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    private static SSLContext sslContext(String caFile) throws GeneralSecurityException {
        List<X509Certificate> extra = blank(caFile) ? List.of() : Pem.certificates(Path.of(caFile.trim()));
        if (extra.isEmpty()) {
            return SSLContext.getDefault();
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(TrustRoots.jdkDefaultsPlus(extra).keyStore());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), new SecureRandom());
        return ctx;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
