package dev.switchman.checks.http;

import dev.switchman.checks.net.Idna;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * URLs as the http checks read them: parsed by OkHttp's {@link HttpUrl} (WHATWG/RFC 3986 rules; a
 * {@code Location} is resolved against the hop's URL by {@link HttpUrl#resolve}, RFC 3986 5.2), with the
 * host converted to A-labels by UTS 46 first ({@link Idna}). Passwords are masked where results leave the
 * check ({@code CheckRunner}), not here.
 */
public final class Urls {

    private Urls() {
    }

    /** The problem with a {@code url} parameter, if any: one sentence naming it and what was expected. */
    public static Optional<String> problem(String url) {
        try {
            parse(url);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** An http(s) URL with its host in A-labels; IllegalArgumentException with a sentence otherwise. */
    public static HttpUrl parse(String url) {
        String lower = url.strip().toLowerCase(java.util.Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            throw new IllegalArgumentException("parameter 'url': '" + url + "' must start with http:// or https://");
        }
        String ascii;
        try {
            ascii = Idna.urlToAscii(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter 'url': '" + url + "': " + e.getMessage());
        }
        HttpUrl parsed = HttpUrl.parse(ascii);
        if (parsed == null) {
            throw new IllegalArgumentException("parameter 'url': '" + url + "' is not a URL (expected http(s)://host[:port]/path)");
        }
        return parsed;
    }

    /** The next hop of a redirect: {@code Location} resolved against the current URL, or empty when unusable. */
    static Optional<HttpUrl> resolve(HttpUrl current, String location) {
        try {
            return Optional.ofNullable(current.resolve(Idna.urlToAscii(location.strip())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The URL as reports show it. A password in it stays: every result is redacted once, where it leaves the
     * check ({@code CheckRunner}, {@code core.secret.Secrets}), so {@code user:pw@} becomes {@code user:***@} there.
     */
    public static String display(HttpUrl url) {
        return url.toString();
    }

    /** What two hops must share to be the same request: scheme, host, port, path and query. */
    static String key(HttpUrl u) {
        return u.scheme() + "://" + u.host() + ":" + u.port() + u.encodedPath() + (u.encodedQuery() == null ? "" : "?" + u.encodedQuery());
    }

    /** One run against one address: the parsed URL, the target as shown and the address to pin. */
    @FunctionalInterface
    interface PerAddressRun {
        dev.switchman.core.check.CheckResult run(HttpUrl url, String target, java.net.InetAddress address);
    }

    /**
     * What http.probe and http.health share: parses {@code url} (ERROR naming it otherwise), resolves every
     * address of its host (or takes {@code address}) and runs {@code once} per address, reported per address.
     */
    static dev.switchman.core.check.CheckResult everyAddress(dev.switchman.core.check.CheckRequest request, PerAddressRun once) {
        String url = request.param("url", "").trim();
        HttpUrl parsed;
        try {
            parsed = parse(url);
        } catch (IllegalArgumentException e) {
            return request.result(dev.switchman.core.check.CheckStatus.ERROR, url, e.getMessage(), java.util.Map.of());
        }
        String address = request.param("address");
        boolean given = address != null && !address.isBlank();
        String target = url + (given ? " via " + address.trim() : "");
        dev.switchman.checks.dns.HostAddresses.Resolution resolved = dev.switchman.checks.dns.HostAddresses.resolve(
                given ? address.trim() : parsed.host(), null, request.environment(), dev.switchman.checks.dns.DnsChecks.deadline(request));
        if (!resolved.ok()) {
            return request.result(resolved.failure(), target, resolved.problem(), java.util.Map.of());
        }
        return dev.switchman.checks.net.PerAddress.run(request, target, resolved.addresses(), a -> once.run(parsed, target, a));
    }
}
