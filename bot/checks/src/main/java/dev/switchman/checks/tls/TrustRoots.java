package dev.switchman.checks.tls;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** The roots a check trusts: the JDK's default trust store, plus any extra roots. */
public final class TrustRoots {

    private static volatile List<X509Certificate> jdkDefaults;

    private final List<X509Certificate> roots;

    private TrustRoots(List<X509Certificate> roots) {
        this.roots = List.copyOf(roots);
    }

    /** The JDK default trust store (cacerts or javax.net.ssl.trustStore) and the given extra roots. */
    public static TrustRoots jdkDefaultsPlus(List<X509Certificate> extra) {
        List<X509Certificate> all = new ArrayList<>(jdkDefaults());
        all.addAll(extra);
        return new TrustRoots(all);
    }

    /** Only the given roots (tests and conformance runs that must not depend on the JDK store). */
    public static TrustRoots only(List<X509Certificate> roots) {
        return new TrustRoots(roots);
    }

    public List<X509Certificate> certificates() {
        return roots;
    }

    /** A key store holding every root, for building a trust manager (HTTP probe). */
    public KeyStore keyStore() throws GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            ks.load(null, null);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
        int i = 0;
        for (X509Certificate c : roots) {
            ks.setCertificateEntry("root-" + i++, c);
        }
        return ks;
    }

    static List<X509Certificate> jdkDefaults() {
        List<X509Certificate> d = jdkDefaults;
        if (d == null) {
            synchronized (TrustRoots.class) {
                d = jdkDefaults;
                if (d == null) {
                    d = loadJdkDefaults();
                    jdkDefaults = d;
                }
            }
        }
        return d;
    }

    private static List<X509Certificate> loadJdkDefaults() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    return List.of(x.getAcceptedIssuers());
                }
            }
            return List.of();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the JDK default trust store: " + e.getMessage(), e);
        }
    }
}
