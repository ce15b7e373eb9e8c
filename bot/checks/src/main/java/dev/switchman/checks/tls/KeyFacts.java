package dev.switchman.checks.tls;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Locale;

/** Key type and size, and how strong the key and signature algorithm are. */
public record KeyFacts(String keyType, int keyBits, String sigAlg) {

    public static KeyFacts of(X509Certificate cert) {
        PublicKey key = cert.getPublicKey();
        String type;
        int bits;
        if (key instanceof RSAPublicKey rsa) {
            type = "RSA";
            bits = rsa.getModulus().bitLength();
        } else if (key instanceof ECPublicKey ec) {
            type = "EC";
            bits = ec.getParams().getCurve().getField().getFieldSize();
        } else if (key instanceof DSAPublicKey dsa) {
            type = "DSA";
            bits = dsa.getParams().getP().bitLength();
        } else {
            type = key.getAlgorithm();
            bits = "Ed25519".equalsIgnoreCase(type) || "EdDSA".equalsIgnoreCase(type) ? 255 : "Ed448".equalsIgnoreCase(type) ? 448 : 0;
        }
        return new KeyFacts(type, bits, cert.getSigAlgName());
    }

    /** A key too small to resist factoring or discrete-log attacks today (RSA/DSA under 2048, EC under 224 bits). */
    public boolean weakKey() {
        return switch (keyType) {
            case "RSA", "DSA" -> keyBits < 2048;
            case "EC" -> keyBits < 224;
            default -> false;
        };
    }

    /** Signed with SHA-1: collisions are practical; browsers reject it. */
    public boolean sha1Signature() {
        return sigAlg.toUpperCase(Locale.ROOT).startsWith("SHA1");
    }

    /** Signed with MD5 or MD2: broken outright. */
    public boolean brokenSignature() {
        String s = sigAlg.toUpperCase(Locale.ROOT);
        return s.startsWith("MD5") || s.startsWith("MD2");
    }
}
