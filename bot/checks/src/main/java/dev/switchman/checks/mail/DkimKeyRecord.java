package dev.switchman.checks.mail;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Primitive;

/**
 * A DKIM key record (RFC 6376 section 3.6.1, RFC 8463 for ed25519), parsed and judged: tags, key
 * type, revocation, service types, hash algorithms, flags, and whether the key itself parses (RSA as
 * an X.509 SubjectPublicKeyInfo or a PKCS#1 RSAPublicKey, ed25519 as the raw 32 bytes of RFC 8463) and how many bits it has.
 *
 * @param valid usable for verifying e-mail signatures
 * @param problem why not, when not valid (empty otherwise)
 */
record DkimKeyRecord(boolean valid, String problem, Map<String, String> tags, String keyType, int keyBits,
                     boolean revoked, boolean testing, List<String> hashes) {

    static DkimKeyRecord parse(String record) {
        Map<String, String> tags;
        try {
            tags = TagList.parse(record);
        } catch (TagList.TagSyntaxException e) {
            return invalid(Map.of(), "not a valid tag list: " + e.getMessage());
        }
        String v = tags.get("v");
        if (v != null) {
            if (!tags.keySet().iterator().next().equals("v")) {
                return invalid(tags, "v= must be the first tag");
            }
            if (!v.equals("DKIM1")) {
                return invalid(tags, "v=" + v + " is not DKIM1");
            }
        }
        String k = tags.getOrDefault("k", "rsa").toLowerCase(Locale.ROOT);
        List<String> hashes = new ArrayList<>();
        if (tags.containsKey("h")) {
            for (String h : tags.get("h").split(":")) {
                hashes.add(h.strip().toLowerCase(Locale.ROOT));
            }
        }
        boolean testing = flags(tags).contains("y");
        if (!tags.containsKey("p")) {
            return new DkimKeyRecord(false, "no p= tag (the public key is required)", tags, k, 0, false, testing, hashes);
        }
        String p = tags.get("p").replaceAll("\\s+", "");
        if (p.isEmpty()) {
            return new DkimKeyRecord(false, "the key is revoked (empty p=)", tags, k, 0, true, testing, hashes);
        }
        if (!k.equals("rsa") && !k.equals("ed25519")) {
            return new DkimKeyRecord(false, "unknown key type k=" + k + " (expected rsa or ed25519)", tags, k, 0, false, testing, hashes);
        }
        if (tags.containsKey("h") && hashes.stream().noneMatch(h -> h.equals("sha256") || h.equals("sha1"))) {
            return new DkimKeyRecord(false, "h=" + tags.get("h") + " names no hash algorithm DKIM uses (sha256, sha1)", tags, k, 0, false, testing, hashes);
        }
        if (tags.containsKey("s")) {
            List<String> services = Arrays.stream(tags.get("s").split(":")).map(String::strip).toList();
            if (!services.contains("*") && !services.contains("email")) {
                return new DkimKeyRecord(false, "s=" + tags.get("s") + " does not allow e-mail", tags, k, 0, false, testing, hashes);
            }
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(p);
        } catch (IllegalArgumentException e) {
            return new DkimKeyRecord(false, "p= is not base64: " + e.getMessage(), tags, k, 0, false, testing, hashes);
        }
        if (k.equals("ed25519")) {
            if (der.length != 32) {
                return new DkimKeyRecord(false, "an ed25519 key is 32 raw bytes, p= has " + der.length, tags, k, 0, false, testing, hashes);
            }
            return new DkimKeyRecord(true, "", tags, k, 256, false, testing, hashes);
        }
        try {
            return new DkimKeyRecord(true, "", tags, k, rsaModulus(der).bitLength(), false, testing, hashes);
        } catch (GeneralSecurityException e) {
            return new DkimKeyRecord(false, e.getMessage(), tags, k, 0, false, testing, hashes);
        }
    }

    /**
     * The modulus of an RSA key in either encoding RFC 6376 3.6.1 allows: a SubjectPublicKeyInfo
     * (what {@code openssl rsa -pubout} writes) or a bare RSAPublicKey (PKCS#1, RFC 8017 A.1.1;
     * {@code MIIBCgKCAQEA...} for 2048 bits), read with the JDK's and BouncyCastle's parsers.
     */
    static BigInteger rsaModulus(byte[] der) throws GeneralSecurityException {
        String spkiProblem;
        try {
            PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
            return ((RSAPublicKey) key).getModulus();
        } catch (GeneralSecurityException | ClassCastException e) {
            spkiProblem = e.getMessage();
        }
        try {
            org.bouncycastle.asn1.pkcs.RSAPublicKey pkcs1 = org.bouncycastle.asn1.pkcs.RSAPublicKey.getInstance(ASN1Primitive.fromByteArray(der));
            PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(pkcs1.getModulus(), pkcs1.getPublicExponent()));
            return ((RSAPublicKey) key).getModulus();
        } catch (IOException | IllegalArgumentException | ClassCastException | GeneralSecurityException e) {
            throw new GeneralSecurityException("p= is neither an RSA SubjectPublicKeyInfo (" + spkiProblem
                    + ") nor an RSAPublicKey (PKCS#1: " + e.getMessage() + ")");
        }
    }

    private static List<String> flags(Map<String, String> tags) {
        String t = tags.get("t");
        if (t == null) {
            return List.of();
        }
        return Arrays.stream(t.split(":")).map(String::strip).toList();
    }

    private static DkimKeyRecord invalid(Map<String, String> tags, String problem) {
        return new DkimKeyRecord(false, problem, tags, tags.getOrDefault("k", "rsa"), 0, false, false, List.of());
    }
}
