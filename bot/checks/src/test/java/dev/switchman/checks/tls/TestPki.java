package dev.switchman.checks.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates made in the test with BouncyCastle: CAs, intermediates and leaves with chosen defects. */
public final class TestPki {

    private static final AtomicLong SERIAL = new AtomicLong(1000);

    /** A certificate with its private key. */
    public record Issued(X509Certificate cert, PrivateKey key) {
    }

    private TestPki() {
    }

    public static KeyPair ec() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(bits);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Builder for one certificate. */
    public static final class Spec {
        String subject = "CN=test";
        List<String> dnsNames = new ArrayList<>();
        List<String> ipAddresses = new ArrayList<>();
        String ocspUrl;
        org.bouncycastle.asn1.x509.KeyPurposeId[] eku;
        Instant notBefore = Instant.parse("2026-01-01T00:00:00Z");
        Instant notAfter = Instant.parse("2027-01-01T00:00:00Z");
        boolean ca;
        KeyPair keys;
        String sigAlg;

        public Spec subject(String dn) {
            this.subject = dn;
            return this;
        }

        public Spec dns(String... names) {
            dnsNames.addAll(List.of(names));
            return this;
        }

        /** Sets the extendedKeyUsage extension. */
        public Spec eku(org.bouncycastle.asn1.x509.KeyPurposeId... purposes) {
            this.eku = purposes;
            return this;
        }

        /** Names an OCSP responder in the Authority Information Access extension. */
        public Spec ocsp(String url) {
            this.ocspUrl = url;
            return this;
        }

        public Spec ip(String... addresses) {
            ipAddresses.addAll(List.of(addresses));
            return this;
        }

        public Spec valid(Instant from, Instant to) {
            this.notBefore = from;
            this.notAfter = to;
            return this;
        }

        public Spec validFor(Instant from, Duration d) {
            return valid(from, from.plus(d));
        }

        public Spec ca() {
            this.ca = true;
            return this;
        }

        public Spec keys(KeyPair kp) {
            this.keys = kp;
            return this;
        }

        public Spec sigAlg(String alg) {
            this.sigAlg = alg;
            return this;
        }

        /** Signed by the issuer (or by itself when issuer is null). */
        public Issued issuedBy(Issued issuer) {
            KeyPair kp = keys != null ? keys : ec();
            try {
                X500Name subjectName = new X500Name(subject);
                X500Name issuerName = issuer == null ? subjectName : X500Name.getInstance(issuer.cert().getSubjectX500Principal().getEncoded());
                X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuerName, BigInteger.valueOf(SERIAL.incrementAndGet()),
                        Date.from(notBefore), Date.from(notAfter), subjectName, kp.getPublic());
                b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
                b.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
                if (!dnsNames.isEmpty() || !ipAddresses.isEmpty()) {
                    GeneralName[] names = java.util.stream.Stream.concat(
                            dnsNames.stream().map(n -> new GeneralName(GeneralName.dNSName, n)),
                            ipAddresses.stream().map(n -> new GeneralName(GeneralName.iPAddress, n))).toArray(GeneralName[]::new);
                    b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
                }
                if (eku != null) {
                    b.addExtension(Extension.extendedKeyUsage, false, new org.bouncycastle.asn1.x509.ExtendedKeyUsage(eku));
                }
                if (ocspUrl != null) {
                    b.addExtension(Extension.authorityInfoAccess, false, new org.bouncycastle.asn1.x509.AuthorityInformationAccess(
                            org.bouncycastle.asn1.x509.X509ObjectIdentifiers.ocspAccessMethod,
                            new GeneralName(GeneralName.uniformResourceIdentifier, ocspUrl)));
                }
                PrivateKey signingKey = issuer == null ? kp.getPrivate() : issuer.key();
                String alg = sigAlg != null ? sigAlg : signingKey.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
                ContentSigner signer = new JcaContentSignerBuilder(alg).build(signingKey);
                X509Certificate cert = new JcaX509CertificateConverter().getCertificate(b.build(signer));
                return new Issued(cert, kp.getPrivate());
            } catch (Exception e) {
                throw new IllegalStateException("cannot issue " + subject + ": " + e.getMessage(), e);
            }
        }

        public Issued selfSigned() {
            return issuedBy(null);
        }
    }

    public static Spec spec() {
        return new Spec();
    }

    /** A root CA valid 2020..2040. */
    public static Issued root(String cn) {
        return spec().subject("CN=" + cn + ",O=Switchman Test").ca()
                .valid(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2040-01-01T00:00:00Z")).selfSigned();
    }

    /** An intermediate CA valid 2020..2039. */
    public static Issued intermediate(String cn, Issued root) {
        return spec().subject("CN=" + cn + ",O=Switchman Test").ca()
                .valid(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2039-01-01T00:00:00Z")).issuedBy(root);
    }

    /** Writes certificates as one PEM file. */
    public static java.nio.file.Path writePem(java.nio.file.Path file, X509Certificate... certs) {
        StringBuilder sb = new StringBuilder();
        java.util.Base64.Encoder enc = java.util.Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        try {
            for (X509Certificate c : certs) {
                sb.append("-----BEGIN CERTIFICATE-----\n").append(enc.encodeToString(c.getEncoded())).append("\n-----END CERTIFICATE-----\n");
            }
            java.nio.file.Files.writeString(file, sb.toString());
            return file;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
    /** Reads a PEM private key (PKCS#1, SEC1 or PKCS#8, unencrypted). */
    public static PrivateKey readKey(java.nio.file.Path file) {
        try (var r = java.nio.file.Files.newBufferedReader(file);
             var parser = new org.bouncycastle.openssl.PEMParser(r)) {
            Object o = parser.readObject();
            var conv = new org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter();
            PrivateKey key;
            if (o instanceof org.bouncycastle.openssl.PEMKeyPair kp) {
                key = conv.getKeyPair(kp).getPrivate();
            } else if (o instanceof org.bouncycastle.asn1.pkcs.PrivateKeyInfo pki) {
                key = conv.getPrivateKey(pki);
            } else {
                throw new IllegalArgumentException(file + ": not an unencrypted private key (" + (o == null ? "empty" : o.getClass().getSimpleName()) + ")");
            }
            // Re-read through the JDK's own providers: once BouncyCastle is registered (MINA SSHD does
            // that), the converter hands out BC keys named "ECDSA", which JSSE key selection ignores.
            String alg = key.getAlgorithm().startsWith("EC") ? "EC" : key.getAlgorithm();
            try {
                return java.security.KeyFactory.getInstance(alg, alg.equals("EC") ? "SunEC" : "SunRsaSign")
                        .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(key.getEncoded()));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(file + ": " + e.getMessage(), e);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }
}
