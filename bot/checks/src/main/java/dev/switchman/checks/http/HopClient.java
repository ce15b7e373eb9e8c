package dev.switchman.checks.http;

import com.google.common.net.InetAddresses;
import dev.switchman.checks.dns.Deadline;
import dev.switchman.checks.dns.HostAddresses;
import dev.switchman.checks.tls.Pem;
import dev.switchman.checks.tls.TrustRoots;
import dev.switchman.core.check.CheckEnvironment;
import dev.switchman.core.check.CheckStatus;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.Dns;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * One GET at a time over OkHttp, as http.probe and http.health make them: redirects are never followed
 * by OkHttp (the caller follows them hop by hop, so every hop is reported), connections are never
 * reused (each hop's time to first byte includes TCP and TLS set-up), and the address of the URL's host
 * and of its www/apex sibling is pinned through OkHttp's {@link Dns} hook, so the request carries the
 * real Host header and SNI (the A-label) while going to the address under test. Other hosts resolve as
 * every check resolves ({@link HostAddresses}). HTTPS is verified as a browser would: the JDK trust
 * store plus {@code ca}, and OkHttp's hostname verifier (subjectAltName only).
 */
public final class HopClient {

    /** A request that did not produce a response: the status to report and a sentence naming the URL and address. */
    public static final class HopFailure extends Exception {
        private final CheckStatus status;

        HopFailure(CheckStatus status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        /** UNKNOWN for a timeout, FAIL for a TLS failure, ERROR when nothing answered as HTTP. */
        public CheckStatus status() {
            return status;
        }
    }

    /** One response: the hop as reported, and the headers the caller reads. */
    record Fetched(HttpHop hop, String location, String strictTransportSecurity) {
    }

    /** Shared by every run: its dispatcher and thread pools; each run builds its own client from it. */
    private static final OkHttpClient BASE = new OkHttpClient();

    private final OkHttpClient client;
    private final String pinnedFor;
    private final InetAddress pinned;

    private HopClient(OkHttpClient client, String pinnedFor, InetAddress pinned) {
        this.client = client;
        this.pinnedFor = pinnedFor;
        this.pinned = pinned;
    }

    /**
     * A client for one run. {@code pinned} (may be null) answers for {@code originalHost} and its
     * www/apex sibling; {@code caFile} (may be blank) adds trusted roots.
     */
    public static HopClient create(String caFile, String originalHost, InetAddress pinned, CheckEnvironment env, Deadline deadline)
            throws GeneralSecurityException {
        X509TrustManager trust = trustManager(caFile);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {trust}, new SecureRandom());
        Dns dns = host -> {
            if (pinned != null && sameSite(host, originalHost)) {
                return List.of(pinned);
            }
            HostAddresses.Resolution r = HostAddresses.resolve(host, null, env, deadline);
            if (!r.ok()) {
                throw new UnknownHostException(r.problem());
            }
            return r.addresses();
        };
        OkHttpClient client = BASE.newBuilder()
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .connectionPool(new ConnectionPool(0, 1, TimeUnit.MILLISECONDS))
                .proxy(Proxy.NO_PROXY)
                .dns(dns)
                .sslSocketFactory(tls.getSocketFactory(), trust)
                .build();
        return new HopClient(client, originalHost, pinned);
    }

    /** GETs the URL within {@code timeout}; reads the status line and headers, never the body. */
    Fetched get(HttpUrl url, Duration timeout) throws HopFailure {
        Request request = new Request.Builder().url(url).get()
                .header("User-Agent", "switchman-probe/2")
                .header("Accept", "*/*")
                .build();
        return execute(request, timeout, 0).fetched();
    }

    /**
     * One response to a request the caller built (any method, headers and body): its hop and up to
     * {@code maxBodyBytes} of its body decoded as UTF-8 (a longer body is cut; 0 reads none).
     */
    public record Exchanged(HttpHop hop, String location, String strictTransportSecurity, String body) {

        Fetched fetched() {
            return new Fetched(hop, location, strictTransportSecurity);
        }
    }

    /**
     * Sends {@code request} (its URL's host pinned as this client was created) within {@code timeout}, redirects
     * not followed. Throws {@link HopFailure} when no response came: UNKNOWN on a timeout, never PASS.
     */
    public Exchanged execute(Request request, Duration timeout, int maxBodyBytes) throws HopFailure {
        HttpUrl url = request.url();
        Timing timing = new Timing();
        OkHttpClient c = client.newBuilder()
                .callTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .eventListener(timing)
                .build();
        try (Response response = c.newCall(request).execute()) {
            String body = "";
            if (maxBodyBytes > 0 && response.body() != null) {
                okio.BufferedSource source = response.body().source();
                source.request(maxBodyBytes);
                long n = Math.min(maxBodyBytes, source.getBuffer().size());
                body = source.getBuffer().readString(n, java.nio.charset.StandardCharsets.UTF_8);
            }
            long ttfb = timing.ms(timing.headersStart);
            long total = timing.ms(timing.headersEnd);
            String address = timing.address == null ? "" : InetAddresses.toAddrString(timing.address.getAddress());
            String sts = url.isHttps() ? response.header("Strict-Transport-Security") : null;
            String location = response.header("Location");
            return new Exchanged(new HttpHop(Urls.display(url), address, response.code(), location, sts, ttfb, total), location, sts, body);
        } catch (UnknownHostException e) {
            throw new HopFailure(CheckStatus.ERROR, e.getMessage() == null ? "cannot resolve " + url.host() : e.getMessage());
        } catch (IOException e) {
            throw classify(e, url, where(timing, url));
        } finally {
            c.connectionPool().evictAll();
        }
    }

    private static HopFailure classify(IOException e, HttpUrl url, String where) {
        String shown = Urls.display(url);
        if (e instanceof SocketTimeoutException || (e instanceof InterruptedIOException && String.valueOf(e.getMessage()).contains("timeout"))) {
            return new HopFailure(CheckStatus.UNKNOWN, "timed out on " + shown + " at " + where);
        }
        if (e instanceof ConnectException) {
            return new HopFailure(CheckStatus.ERROR, "cannot connect to " + where + " for " + shown + ": " + e.getMessage());
        }
        if (e instanceof SSLException) {
            return new HopFailure(CheckStatus.FAIL, "TLS to " + where + " for " + shown + " failed: " + e.getMessage());
        }
        if (e instanceof ProtocolException || String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("status line")) {
            return new HopFailure(CheckStatus.ERROR, "not an HTTP response from " + where + " for " + shown + ": " + e.getMessage());
        }
        return new HopFailure(CheckStatus.ERROR, "request to " + where + " for " + shown + " failed: " + e.getMessage());
    }

    private String where(Timing timing, HttpUrl url) {
        InetAddress a = timing.address != null ? timing.address.getAddress()
                : pinned != null && sameSite(url.host(), pinnedFor) ? pinned : null;
        String host = a == null ? url.host() : InetAddresses.toAddrString(a);
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + url.port();
    }

    /** The URL's host, or its www/apex sibling: the hosts a pinned address answers for. */
    static boolean sameSite(String host, String originalHost) {
        return host.equalsIgnoreCase(originalHost) || !wwwMove(host, originalHost).isEmpty();
    }

    /** {@code apex->www}, {@code www->apex}, or empty when the two hosts are not such a pair. */
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

    private static X509TrustManager trustManager(String caFile) throws GeneralSecurityException {
        List<X509Certificate> extra = caFile == null || caFile.isBlank() ? List.of() : Pem.certificates(Path.of(caFile.trim()));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(extra.isEmpty() ? null : TrustRoots.jdkDefaultsPlus(extra).keyStore());
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager in " + TrustManagerFactory.getDefaultAlgorithm());
    }

    /** Times of one call (monotonic) and the address it connected to. */
    private static final class Timing extends EventListener {
        private final long start = System.nanoTime();
        volatile long headersStart;
        volatile long headersEnd;
        volatile InetSocketAddress address;

        long ms(long at) {
            return at == 0 ? 0 : (at - start) / 1_000_000;
        }

        @Override
        public void connectStart(Call call, InetSocketAddress inetSocketAddress, Proxy proxy) {
            address = inetSocketAddress;
        }

        @Override
        public void responseHeadersStart(Call call) {
            headersStart = System.nanoTime();
        }

        @Override
        public void responseHeadersEnd(Call call, Response response) {
            headersEnd = System.nanoTime();
        }
    }
}
