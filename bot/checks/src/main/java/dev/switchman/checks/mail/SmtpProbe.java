package dev.switchman.checks.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A plain-socket SMTP dialogue with one server: banner, EHLO, STARTTLS if offered (upgraded with
 * {@code SSLSocketFactory}), EHLO again over TLS, QUIT. No mail is sent. Certificates are not verified
 * here (MTAs use opportunistic TLS, RFC 7435); tls.* checks judge certificates.
 */
final class SmtpProbe {

    /** What one server said. {@code error} is empty when the dialogue completed. */
    record Result(String banner, List<String> extensions, boolean starttlsOffered, String tls, String error) {

        boolean starttlsOk() {
            return starttlsOffered && !tls.isEmpty() && error.isEmpty();
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("banner", banner);
            m.put("extensions", extensions);
            m.put("starttls", starttlsOk());
            if (!tls.isEmpty()) {
                m.put("tls", tls);
            }
            if (!error.isEmpty()) {
                m.put("error", error);
            }
            return m;
        }
    }

    private SmtpProbe() {
    }

    static Result probe(InetSocketAddress address, String heloName, Duration timeout) {
        String banner = "";
        List<String> ext = List.of();
        boolean offered = false;
        String tls = "";
        int ms = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        try (Socket s = new Socket()) {
            s.connect(address, ms);
            s.setSoTimeout(ms);
            Reply r = read(s);
            banner = r.text();
            if (r.code() != 220) {
                return new Result(banner, ext, false, "", "banner " + r.code() + " (expected 220)");
            }
            send(s, "EHLO " + heloName);
            r = read(s);
            if (r.code() != 250) {
                return new Result(banner, ext, false, "", "EHLO answered " + r.code() + " " + r.text());
            }
            ext = r.lines().size() > 1 ? r.lines().subList(1, r.lines().size()) : List.of();
            offered = ext.stream().anyMatch(e -> e.toUpperCase(Locale.ROOT).equals("STARTTLS"));
            if (!offered) {
                quit(s);
                return new Result(banner, ext, false, "", "");
            }
            send(s, "STARTTLS");
            r = read(s);
            if (r.code() != 220) {
                return new Result(banner, ext, true, "", "STARTTLS answered " + r.code() + " " + r.text());
            }
            SSLSocket tlsSocket = (SSLSocket) opportunistic().getSocketFactory()
                    .createSocket(s, address.getHostString(), address.getPort(), true);
            tlsSocket.setSoTimeout(ms);
            tlsSocket.startHandshake();
            tls = tlsSocket.getSession().getProtocol() + " " + tlsSocket.getSession().getCipherSuite();
            send(tlsSocket, "EHLO " + heloName);
            r = read(tlsSocket);
            if (r.code() != 250) {
                return new Result(banner, ext, true, tls, "EHLO over TLS answered " + r.code() + " " + r.text());
            }
            quit(tlsSocket);
            tlsSocket.close();
            return new Result(banner, ext, true, tls, "");
        } catch (IOException | RuntimeException e) {
            return new Result(banner, ext, offered, tls, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private record Reply(int code, List<String> lines) {
        String text() {
            return String.join(" / ", lines);
        }
    }

    private static void quit(Socket s) {
        try {
            send(s, "QUIT");
            read(s);
        } catch (IOException | RuntimeException ignored) {
            // the dialogue is over either way
        }
    }

    private static void send(Socket s, String line) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads one (possibly multi-line) reply byte by byte, so nothing beyond it is consumed before STARTTLS. */
    private static Reply read(Socket s) throws IOException {
        List<String> lines = new ArrayList<>();
        int code;
        while (true) {
            String line = readLine(s);
            if (line == null) {
                throw new IOException("connection closed by the server");
            }
            if (line.length() < 3 || !line.substring(0, 3).chars().allMatch(Character::isDigit)) {
                throw new IOException("not an SMTP reply: '" + line + "'");
            }
            code = Integer.parseInt(line.substring(0, 3));
            lines.add(line.length() > 4 ? line.substring(4) : "");
            if (line.length() < 4 || line.charAt(3) != '-') {
                return new Reply(code, lines);
            }
            if (lines.size() > 200) {
                throw new IOException("SMTP reply too long");
            }
        }
    }

    private static String readLine(Socket s) throws IOException {
        StringBuilder sb = new StringBuilder();
        var in = s.getInputStream();
        while (true) {
            int c = in.read();
            if (c < 0) {
                return sb.length() == 0 ? null : sb.toString();
            }
            if (c == '\n') {
                int len = sb.length();
                return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
            }
            sb.append((char) c);
            if (sb.length() > 4096) {
                throw new IOException("SMTP line too long");
            }
        }
    }

    private static SSLContext opportunistic() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                    // client side only
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                    // opportunistic TLS: encryption without authentication, as MTAs do (RFC 7435)
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, new SecureRandom());
            return ctx;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available: " + e.getMessage(), e);
        }
    }

}
