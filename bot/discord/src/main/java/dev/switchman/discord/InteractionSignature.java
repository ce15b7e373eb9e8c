package dev.switchman.discord;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Checks the signature Discord puts on every interaction it POSTs to an interactions endpoint (docs:
 * "Interactions / Overview", Setting Up an Endpoint): {@code X-Signature-Ed25519} is the hex Ed25519
 * signature (RFC 8032 section 5.1.7) of {@code X-Signature-Timestamp} followed by the raw body, under the
 * application's public key ({@code DISCORD_PUBLIC_KEY}, 64 hex digits). Verified with the JDK's own
 * provider ({@code Signature.getInstance("Ed25519")}, JDK 15+), the raw key wrapped as an X.509
 * SubjectPublicKeyInfo (RFC 8410 section 4).
 *
 * <p>A request is accepted only when the signature verifies <em>and</em> its timestamp (Unix seconds) lies
 * within {@link #WINDOW} of the injected clock, either way: Discord documents no window, so we take Slack's
 * five minutes, which refuses a captured request replayed later while tolerating clock skew.
 */
public final class InteractionSignature {

    /** How far a request's timestamp may lie from our clock, in the past or the future. */
    public static final Duration WINDOW = Duration.ofMinutes(5);

    /** {@code 302a300506032b6570032100}: the DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410), before the 32 key bytes. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    /** What a check found; only {@link #VALID} may be acted on. */
    public enum Verdict {
        VALID, MISSING_HEADERS, MALFORMED, BAD_SIGNATURE, STALE;

        /** The sentence logged and answered with the 401 (never a key or signature). */
        public String reason() {
            return switch (this) {
                case VALID -> "valid";
                case MISSING_HEADERS -> "missing X-Signature-Ed25519 or X-Signature-Timestamp";
                case MALFORMED -> "malformed signature or timestamp";
                case BAD_SIGNATURE -> "invalid request signature";
                case STALE -> "timestamp outside the " + WINDOW.toMinutes() + "-minute window";
            };
        }
    }

    private final PublicKey key;
    private final Clock clock;
    private final Duration window;

    public InteractionSignature(PublicKey key, Clock clock) {
        this(key, clock, WINDOW);
    }

    public InteractionSignature(PublicKey key, Clock clock, Duration window) {
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = Objects.requireNonNull(window, "window");
    }

    /**
     * The application's public key from its hex form (64 hex digits, as the Developer Portal shows it).
     *
     * @throws IllegalArgumentException naming {@code DISCORD_PUBLIC_KEY} when it is not 32 bytes of hex or not a key
     */
    public static PublicKey publicKey(String hex) {
        String h = hex == null ? "" : hex.strip();
        if (!h.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("DISCORD_PUBLIC_KEY: expected 64 hex digits (the application's Ed25519 public key from the"
                    + " Developer Portal, General Information), got " + h.length() + " characters");
        }
        byte[] raw = HexFormat.of().parseHex(h);
        byte[] der = new byte[X509_PREFIX.length + raw.length];
        System.arraycopy(X509_PREFIX, 0, der, 0, X509_PREFIX.length);
        System.arraycopy(raw, 0, der, X509_PREFIX.length, raw.length);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("DISCORD_PUBLIC_KEY: not an Ed25519 public key (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** True when {@code signature} is a valid Ed25519 signature of {@code message} under {@code key} (false for any malformed input). */
    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        if (signature == null || signature.length != 64) return false;
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** Checks one request: the two headers as received (either may be null) and the raw body. */
    public Verdict check(String signatureHex, String timestamp, byte[] body) {
        if (signatureHex == null || timestamp == null || signatureHex.isBlank() || timestamp.isBlank()) return Verdict.MISSING_HEADERS;
        String sig = signatureHex.strip();
        String ts = timestamp.strip();
        if (!sig.matches("[0-9a-fA-F]{128}") || !ts.matches("[0-9]{1,12}")) return Verdict.MALFORMED;
        byte[] tsBytes = ts.getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[tsBytes.length + body.length];
        System.arraycopy(tsBytes, 0, message, 0, tsBytes.length);
        System.arraycopy(body, 0, message, tsBytes.length, body.length);
        if (!verify(key, message, HexFormat.of().parseHex(sig))) return Verdict.BAD_SIGNATURE;
        Instant at = Instant.ofEpochSecond(Long.parseLong(ts));
        Duration skew = Duration.between(at, clock.instant()).abs();
        return skew.compareTo(window) > 0 ? Verdict.STALE : Verdict.VALID;
    }
}
