package dev.switchman.checks.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A tiny SMTP responder on loopback that offers STARTTLS (a fresh self-signed certificate): banner,
 * EHLO, STARTTLS, EHLO again, QUIT. Enough for probing; it accepts no mail. (GreenMail's SMTP has no
 * STARTTLS, so tests use GreenMail for plain SMTP and this for the TLS upgrade.)
 */
public final class SmtpTestServer implements AutoCloseable {

    private final ServerSocket server;
    private final SSLContext tls;
    private final AtomicInteger upgrades = new AtomicInteger();
    private volatile boolean closed;

    public SmtpTestServer() {
        try {
            this.tls = selfSigned();
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (Exception e) {
            throw new IllegalStateException("could not start the test SMTP server: " + e.getMessage(), e);
        }
        Thread t = new Thread(this::acceptLoop, "smtp-test-" + server.getLocalPort());
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port());
    }

    /** How many sessions completed the TLS upgrade. */
    public int upgrades() {
        return upgrades.get();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> session(s), "smtp-test-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void session(Socket plain) {
        try (plain) {
            plain.setSoTimeout(10_000);
            Socket s = plain;
            write(s, "220 mx.test.invalid ESMTP switchman-test\r\n");
            boolean secure = false;
            while (true) {
                String line = readLine(s.getInputStream());
                if (line == null) {
                    return;
                }
                String cmd = line.toUpperCase();
                if (cmd.startsWith("EHLO")) {
                    write(s, "250-mx.test.invalid\r\n250-PIPELINING\r\n" + (secure ? "" : "250-STARTTLS\r\n") + "250 8BITMIME\r\n");
                } else if (cmd.equals("STARTTLS") && !secure) {
                    write(s, "220 2.0.0 ready to start TLS\r\n");
                    SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(plain, null, plain.getPort(), false);
                    ssl.setUseClientMode(false);
                    ssl.startHandshake();
                    upgrades.incrementAndGet();
                    s = ssl;
                    secure = true;
                } else if (cmd.equals("QUIT")) {
                    write(s, "221 2.0.0 bye\r\n");
                    return;
                } else {
                    write(s, "502 5.5.2 not implemented\r\n");
                }
            }
        } catch (IOException e) {
            // session over
        }
    }

    private static void write(Socket s, String text) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                return sb.toString().strip();
            }
            sb.append((char) c);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static SSLContext selfSigned() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        KeyPair kp = g.generateKeyPair();
        X500Name dn = new X500Name("CN=mx.test.invalid");
        long now = System.currentTimeMillis();
        var builder = new JcaX509v3CertificateBuilder(dn, BigInteger.valueOf(now), new Date(now - 60_000), new Date(now + 86_400_000L), dn, kp.getPublic());
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate())));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("smtp", kp.getPrivate(), new char[0], new X509Certificate[] {cert});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, new char[0]);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
