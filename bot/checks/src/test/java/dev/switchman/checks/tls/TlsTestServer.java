package dev.switchman.checks.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * A real TLS server on a loopback ephemeral port that presents exactly the chain it is given
 * (one identity, or one per SNI name), completes handshakes and closes. No client auth.
 */
public final class TlsTestServer implements AutoCloseable {

    /** The key and the chain (leaf first) served for one name. */
    public record Identity(PrivateKey key, List<X509Certificate> chain) {
        public static Identity of(PrivateKey key, X509Certificate... chain) {
            return new Identity(key, List.of(chain));
        }
    }

    private final SSLServerSocket server;
    private final ExecutorService pool;
    private final AtomicInteger handshakes = new AtomicInteger();
    private volatile boolean closed;

    /** SNI per handshake, recorded by the key manager while it chooses the certificate (before the client can see it). */
    private final Map<SSLSession, String> sniSeen = java.util.Collections.synchronizedMap(new LinkedHashMap<>());

    private TlsTestServer(Map<String, Identity> bySni, Identity fallback, int threads) throws Exception {
        this(bySni, fallback, threads, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    private TlsTestServer(Map<String, Identity> bySni, Identity fallback, int threads, InetSocketAddress bind) throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(new KeyManager[] {new SniKeyManager(bySni, fallback, sniSeen)}, null, new SecureRandom());
        server = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket();
        server.setReuseAddress(true);
        server.bind(bind, 200);
        pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "tls-test-server");
            t.setDaemon(true);
            return t;
        });
        Thread acceptor = new Thread(this::acceptLoop, "tls-test-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static TlsTestServer start(Identity identity) throws Exception {
        return new TlsTestServer(Map.of(), identity, 4);
    }

    public static TlsTestServer start(PrivateKey key, X509Certificate... chain) throws Exception {
        return start(Identity.of(key, chain));
    }

    /** One identity on a given loopback address and port (e.g. 127.0.0.2 or ::1 on another server's port). */
    public static TlsTestServer startOn(InetAddress address, int port, PrivateKey key, X509Certificate... chain) throws Exception {
        return new TlsTestServer(Map.of(), Identity.of(key, chain), 4, new InetSocketAddress(address, port));
    }

    /** The SNI host names clients sent, in handshake order ("" when a client sent none). */
    public List<String> sniSeen() {
        synchronized (sniSeen) {
            return List.copyOf(sniSeen.values());
        }
    }

    /** One server, an identity per SNI name (fallback: the first). */
    public static TlsTestServer startSni(Map<String, Identity> bySni, int threads) throws Exception {
        return new TlsTestServer(new LinkedHashMap<>(bySni), bySni.values().iterator().next(), threads);
    }

    public int port() {
        return server.getLocalPort();
    }

    /**
     * Connections accepted. Counted on accept, before the server answers the ClientHello, so a client
     * that has finished its handshake always sees its own connection counted (no race with the server's
     * thread).
     */
    public int handshakes() {
        return handshakes.get();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                handshakes.incrementAndGet();
                pool.execute(() -> serve((SSLSocket) s));
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void serve(SSLSocket s) {
        try (s) {
            s.setSoTimeout(10_000);
            s.startHandshake();

            InputStream in = s.getInputStream();
            while (in.read() >= 0) {
                // drain until the client closes
            }
        } catch (IOException e) {
            // the probe closes abruptly or rejects us: that is fine here
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        pool.shutdownNow();
    }

    /** Picks the identity by the SNI the client sent. */
    private static final class SniKeyManager extends X509ExtendedKeyManager {
        private final Map<String, Identity> bySni;
        private final Identity fallback;

        private final Map<SSLSession, String> seen;

        SniKeyManager(Map<String, Identity> bySni, Identity fallback, Map<SSLSession, String> seen) {
            this.bySni = bySni;
            this.fallback = fallback;
            this.seen = seen;
        }

        private String aliasFor(SSLSession handshake) {
            if (handshake instanceof ExtendedSSLSession ext) {
                seen.putIfAbsent(handshake, ext.getRequestedServerNames().stream().filter(n -> n instanceof SNIHostName)
                        .map(n -> ((SNIHostName) n).getAsciiName()).findFirst().orElse(""));
                for (SNIServerName n : ext.getRequestedServerNames()) {
                    if (n instanceof SNIHostName h && bySni.containsKey(h.getAsciiName())) {
                        return h.getAsciiName();
                    }
                }
            }
            return "";
        }

        private Identity identity(String alias) {
            return bySni.getOrDefault(alias, fallback);
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            String alias = socket instanceof SSLSocket ssl ? aliasFor(ssl.getHandshakeSession()) : "";
            return keyTypeAlgorithm(identity(alias).key().getAlgorithm()).equals(keyTypeAlgorithm(keyType)) ? alias : null;
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            String alias = aliasFor(engine.getHandshakeSession());
            return keyTypeAlgorithm(identity(alias).key().getAlgorithm()).equals(keyTypeAlgorithm(keyType)) ? alias : null;
        }

        private static String keyTypeAlgorithm(String keyType) {
            return keyType.startsWith("EC") ? "EC" : keyType.startsWith("RSA") ? "RSA" : keyType;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return identity(alias).chain().toArray(new X509Certificate[0]);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return identity(alias).key();
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return new String[] {""};
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[0];
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return null;
        }
    }
}
