package dev.switchman.checks.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Connects to one address, sends SNI for the host name, and captures what the server presents:
 * the certificate chain as sent (through a trust manager that records and accepts everything,
 * so the verdict is ours, not the handshake's), stapled OCSP responses, protocol and cipher.
 */
public final class TlsHandshake {

    /** What one handshake showed. {@code chain} is as presented, leaf first. */
    public record Presented(InetAddress address, List<X509Certificate> chain, byte[] stapledOcsp, String protocol, String cipher) {
        public Presented {
            chain = List.copyOf(chain);
        }
    }

    private TlsHandshake() {
    }

    /**
     * Performs the handshake. The chain is captured even when the handshake fails after the
     * certificate message (the exception is then swallowed); other failures propagate.
     */
    public static Presented capture(String sniHost, InetAddress address, int port, Duration timeout) throws IOException {
        Capture capture = new Capture();
        SSLContext ctx;
        try {
            ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new javax.net.ssl.TrustManager[] {capture}, new SecureRandom());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS: " + e.getMessage(), e);
        }
        int ms = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        try (Socket raw = new Socket()) {
            raw.connect(new InetSocketAddress(address, port), ms);
            raw.setSoTimeout(ms);
            try (SSLSocket ssl = (SSLSocket) ctx.getSocketFactory().createSocket(raw, sniHost, port, false)) {
                SSLParameters p = ssl.getSSLParameters();
                if (sniHost != null && !HostnameMatcher.isIpLiteral(sniHost)) {
                    try {
                        p.setServerNames(List.of(new SNIHostName(stripDot(sniHost))));
                    } catch (IllegalArgumentException e) {
                        throw new IOException("'" + sniHost + "' cannot be sent as SNI: " + e.getMessage(), e);
                    }
                }
                ssl.setSSLParameters(p);
                try {
                    ssl.startHandshake();
                } catch (SSLException e) {
                    if (capture.chain == null) {
                        throw e;
                    }
                    return new Presented(address, List.of(capture.chain), null, "", "");
                }
                SSLSession session = ssl.getSession();
                byte[] ocsp = null;
                if (session instanceof ExtendedSSLSession ext && !ext.getStatusResponses().isEmpty()) {
                    ocsp = ext.getStatusResponses().get(0);
                }
                X509Certificate[] chain = capture.chain != null ? capture.chain : toX509(session);
                return new Presented(address, List.of(chain), ocsp, session.getProtocol(), session.getCipherSuite());
            }
        }
    }

    private static String stripDot(String host) {
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    private static X509Certificate[] toX509(SSLSession session) throws IOException {
        var certs = session.getPeerCertificates();
        X509Certificate[] out = new X509Certificate[certs.length];
        for (int i = 0; i < certs.length; i++) {
            out[i] = (X509Certificate) certs[i];
        }
        return out;
    }

    /** Records the server's chain and accepts it: validation happens afterwards, by us. */
    private static final class Capture extends X509ExtendedTrustManager {
        volatile X509Certificate[] chain;

        @Override
        public void checkServerTrusted(X509Certificate[] c, String authType, Socket socket) {
            chain = c.clone();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String authType, SSLEngine engine) {
            chain = c.clone();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String authType) {
            chain = c.clone();
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String authType, Socket socket) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String authType, SSLEngine engine) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String authType) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
