package dev.switchman.checks.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One HTTP/1.1 GET over a plain or TLS socket to a chosen address, with the real Host header and
 * SNI: enough to follow redirects and read headers against a server DNS does not point to yet.
 * The body is not read.
 */
final class RawHttp {

    /** Status, headers (names lower-case, values of repeated headers in order), timings. */
    record Response(int status, Map<String, List<String>> headers, long ttfbMs, long totalMs) {
        String first(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null || v.isEmpty() ? null : v.get(0);
        }

        List<String> all(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }
    }

    private static final int MAX_HEADER_BYTES = 64 * 1024;

    private RawHttp() {
    }

    static Response get(URI uri, InetAddress address, SSLContext tls, Duration timeout) throws IOException {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        boolean https = scheme.equals("https");
        String host = uri.getHost();
        int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
        int ms = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        long start = System.nanoTime();
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(address, port), ms);
            socket.setSoTimeout(ms);
            Socket s = socket;
            if (https) {
                SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(socket, host, port, true);
                SSLParameters p = ssl.getSSLParameters();
                p.setEndpointIdentificationAlgorithm("HTTPS");
                if (!isIpLiteral(host)) {
                    try {
                        p.setServerNames(List.of(new SNIHostName(host)));
                    } catch (IllegalArgumentException e) {
                        throw new IOException("'" + host + "' cannot be sent as SNI: " + e.getMessage(), e);
                    }
                }
                ssl.setSSLParameters(p);
                ssl.startHandshake();
                s = ssl;
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (uri.getRawQuery() != null) {
                path += "?" + uri.getRawQuery();
            }
            boolean defaultPort = uri.getPort() < 0 || (https && port == 443) || (!https && port == 80);
            String hostHeader = host + (defaultPort ? "" : ":" + port); // URI.getHost() keeps IPv6 brackets
            String req = "GET " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nUser-Agent: switchman-probe/1\r\nAccept: */*\r\nConnection: close\r\n\r\n";
            OutputStream out = s.getOutputStream();
            out.write(req.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            int firstByte = in.read();
            long ttfb = (System.nanoTime() - start) / 1_000_000;
            if (firstByte < 0) {
                throw new IOException("connection closed before any response from " + address.getHostAddress() + ":" + port);
            }
            String head = readHead(in, firstByte);
            long total = (System.nanoTime() - start) / 1_000_000;
            return parse(head, ttfb, total);
        } finally {
            socket.close();
        }
    }

    private static String readHead(InputStream in, int firstByte) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        buf.write(firstByte);
        int b;
        int state = firstByte == '\n' ? 1 : 0;
        while ((b = in.read()) >= 0) {
            buf.write(b);
            if (b == '\n') {
                if (state == 1) {
                    break;
                }
                state = 1;
            } else if (b != '\r') {
                state = 0;
            }
            if (buf.size() > MAX_HEADER_BYTES) {
                throw new IOException("response headers longer than " + MAX_HEADER_BYTES + " bytes");
            }
        }
        return buf.toString(StandardCharsets.ISO_8859_1);
    }

    static Response parse(String head, long ttfb, long total) throws IOException {
        String[] lines = head.split("\r?\n");
        String statusLine = lines[0];
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("\\d{3}")) {
            throw new IOException("not an HTTP response: '" + statusLine.strip() + "'");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
        return new Response(Integer.parseInt(parts[1]), headers, ttfb, total);
    }

    static boolean isIpLiteral(String host) {
        return host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.contains(":") || host.startsWith("[");
    }
}
