package dev.switchman.checks.egress;

import dev.switchman.checks.net.Idna;
import dev.switchman.core.check.CheckProvider;
import dev.switchman.core.check.CheckRequest;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.check.ParamSpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * {@code egress.tcp}: can this host open a TCP connection (and, with {@code tls}, complete a TLS
 * handshake) to each endpoint? All endpoints are tried in parallel within the check's deadline.
 * PASS iff every endpoint is reachable; FAIL names the unreachable ones with the reason (refused,
 * timed out: a firewall that drops packets times out, cannot resolve, handshake failed).
 */
public final class EgressTcpCheck implements CheckProvider {

    public static final String KIND = "egress.tcp";

    private record Outcome(String endpoint, Long ms, String problem) {
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String summary() {
        return "TCP connect (and optional TLS handshake) from this host to each endpoint; PASS iff all reachable";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.required("endpoints", "comma list of host:port ([v6]:port for IPv6 literals)"),
                ParamSpec.optional("tls", "none", "none (TCP only), handshake (TLS handshake completes, certificate not judged) or verify (handshake with the JDK's trust store and the host name checked)"),
                ParamSpec.optional("connect-timeout-ms", "3000", "per endpoint, at most the time left before the deadline"));
    }

    @Override
    public List<String> validate(Map<String, String> params) {
        List<String> problems = new ArrayList<>(CheckProvider.super.validate(params));
        String endpoints = params.get("endpoints");
        if (endpoints != null) {
            for (String e : split(endpoints)) {
                if (port(e) < 1) {
                    problems.add("parameter 'endpoints': '" + e + "' is not host:port with a port in 1..65535");
                } else {
                    try {
                        Idna.hostToAscii(host(e));
                    } catch (IllegalArgumentException bad) {
                        problems.add("parameter 'endpoints': " + bad.getMessage());
                    }
                }
            }
        }
        String tls = params.get("tls");
        if (tls != null && !List.of("none", "handshake", "verify").contains(tls.trim())) {
            problems.add("parameter 'tls': '" + tls.trim() + "' is not one of none, handshake, verify");
        }
        String t = params.get("connect-timeout-ms");
        if (t != null && !t.isBlank() && !t.trim().matches("[1-9][0-9]{0,6}")) {
            problems.add("parameter 'connect-timeout-ms': '" + t.trim() + "' is not a positive whole number of milliseconds");
        }
        return problems;
    }

    @Override
    public CheckResult run(CheckRequest request) {
        List<String> endpoints = split(request.param("endpoints"));
        String tls = request.param("tls", "none").trim();
        long perEndpoint = Math.min(Long.parseLong(request.param("connect-timeout-ms", "3000").trim()), request.remaining().toMillis() - 50);
        String target = String.join(",", endpoints);
        if (perEndpoint <= 0) {
            return request.result(CheckStatus.UNKNOWN, target, "no time left before the deadline", Map.of());
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(16, endpoints.size()), r -> {
            Thread t = new Thread(r, "egress-tcp");
            t.setDaemon(true);
            return t;
        });
        List<Outcome> outcomes = new ArrayList<>();
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (String e : endpoints) {
                futures.add(pool.submit(() -> probe(e, tls, (int) perEndpoint)));
            }
            for (int i = 0; i < futures.size(); i++) {
                try {
                    outcomes.add(futures.get(i).get(perEndpoint * 2 + 1000, TimeUnit.MILLISECONDS));
                } catch (Exception ex) {
                    outcomes.add(new Outcome(endpoints.get(i), null, "no answer before the deadline"));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Object> ms = new LinkedHashMap<>();
        List<String> unreachable = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (o.problem() == null) {
                ms.put(o.endpoint(), o.ms());
            } else {
                unreachable.add(o.endpoint());
                reasons.add(o.endpoint() + " " + o.problem());
            }
        }
        Map<String, Object> obs = new LinkedHashMap<>();
        obs.put("unreachable", unreachable);
        obs.put("ms", ms);
        obs.put("reachable-count", ms.size());
        if (unreachable.isEmpty()) {
            return request.result(CheckStatus.PASS, target, endpoints.size() + " endpoint(s) reachable" + ("none".equals(tls) ? "" : " with TLS " + tls), obs);
        }
        return request.result(CheckStatus.FAIL, target, unreachable.size() + " of " + endpoints.size() + " unreachable: " + String.join("; ", reasons), obs);
    }

    private static Outcome probe(String endpoint, String tls, int timeoutMs) {
        String host = Idna.hostToAscii(host(endpoint)); // A-labels for the lookup and SNI (UTS 46)
        int port = port(endpoint);
        long start = System.nanoTime();
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return new Outcome(endpoint, null, "cannot resolve " + host);
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), timeoutMs);
            if (!"none".equals(tls)) {
                s.setSoTimeout(timeoutMs);
                try (SSLSocket ssl = (SSLSocket) context(tls).getSocketFactory().createSocket(s, host, port, false)) {
                    SSLParameters p = ssl.getSSLParameters();
                    if (!isLiteral(host)) {
                        p.setServerNames(List.of(new SNIHostName(host)));
                    }
                    if ("verify".equals(tls)) {
                        p.setEndpointIdentificationAlgorithm("HTTPS");
                    }
                    ssl.setSSLParameters(p);
                    ssl.startHandshake();
                } catch (IOException e) {
                    return new Outcome(endpoint, null, "TLS handshake failed: " + e.getMessage());
                }
            }
            return new Outcome(endpoint, Math.max(0, (System.nanoTime() - start) / 1_000_000), null);
        } catch (SocketTimeoutException e) {
            return new Outcome(endpoint, null, "timed out after " + timeoutMs + " ms (dropped by a firewall?)");
        } catch (IOException e) {
            return new Outcome(endpoint, null, "refused or unreachable: " + e.getMessage());
        }
    }

    private static SSLContext context(String tls) throws IOException {
        try {
            SSLContext c = SSLContext.getInstance("TLS");
            c.init(null, "handshake".equals(tls) ? new TrustManager[] {new AcceptAny()} : null, null);
            return c;
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    /** For {@code tls: handshake}: the handshake must complete; the certificate is tls.certificate's business. */
    private static final class AcceptAny implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    static List<String> split(String v) {
        return v == null ? List.of() : java.util.Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    static String host(String endpoint) {
        int colon = endpoint.lastIndexOf(':');
        String h = colon < 0 ? endpoint : endpoint.substring(0, colon);
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    static int port(String endpoint) {
        int colon = endpoint.lastIndexOf(':');
        if (colon <= 0) {
            return -1;
        }
        try {
            int p = Integer.parseInt(endpoint.substring(colon + 1));
            return p >= 1 && p <= 65535 ? p : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }
}
