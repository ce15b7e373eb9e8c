package dev.switchman.slack;

import dev.switchman.core.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signatures, version {@code v0} (docs.slack.dev/authentication/verifying-requests-from-slack):
 * {@code X-Slack-Signature = "v0=" + hex(HMAC-SHA256(signing secret, "v0:" + X-Slack-Request-Timestamp + ":" + body))},
 * accepted only when the timestamp is within {@link #WINDOW} of this bot's clock (replays of an old request
 * are refused). The tags are compared in constant time ({@link MessageDigest#isEqual}); the HMAC is the
 * JDK's. Bolt's own verifier compares with {@code String.equals} and reads the wall clock, so this one
 * replaces it (Bolt's request verification is switched off in {@link SlackBackend}).
 */
public final class SlackSignatureVerifier {

    /** How far a request's timestamp may be from now, either way: five minutes, as Slack's SDKs. */
    public static final Duration WINDOW = Duration.ofMinutes(5);

    public static final String SIGNATURE = "X-Slack-Signature";
    public static final String TIMESTAMP = "X-Slack-Request-Timestamp";

    private final byte[] secret;
    private final Clock clock;

    /** {@code signingSecret}: the app's signing secret (Basic Information page of the Slack app). */
    public SlackSignatureVerifier(String signingSecret, Clock clock) {
        this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** Why {@code request} is refused, or empty when its signature is valid and fresh. Never names the secret. */
    public Optional<String> refusal(HttpRequest request) {
        Optional<String> ts = request.header(TIMESTAMP);
        Optional<String> sig = request.header(SIGNATURE);
        if (ts.isEmpty() || sig.isEmpty()) {
            return Optional.of("missing " + (ts.isEmpty() ? TIMESTAMP : SIGNATURE) + " header");
        }
        long seconds;
        try {
            seconds = Long.parseLong(ts.get().trim());
        } catch (NumberFormatException e) {
            return Optional.of(TIMESTAMP + " is not a number");
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - seconds) > WINDOW.toSeconds()) {
            return Optional.of("stale request: " + TIMESTAMP + " is " + (now - seconds) + " s from now (at most " + WINDOW.toSeconds() + " s)");
        }
        if (!matches(ts.get().trim(), request.body(), sig.get().trim())) {
            return Optional.of("signature does not match");
        }
        return Optional.empty();
    }

    /** True when {@code signature} ({@code v0=<hex>}) is the v0 signature of {@code timestamp} and {@code body}. */
    public boolean matches(String timestamp, byte[] body, String signature) {
        if (!signature.startsWith("v0=")) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.substring(3).toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        // Slack's tag is the whole 32-byte MAC: a truncated one is refused
        byte[] mac = mac(timestamp, body);
        return given.length == mac.length && tagMatches(mac, given);
    }

    /** The v0 signature header value of {@code body} sent at {@code timestamp} (tests, the benchmark). */
    public String sign(String timestamp, byte[] body) {
        return "v0=" + HexFormat.of().formatHex(mac(timestamp, body));
    }

    /** HMAC-SHA256 of the v0 base string {@code "v0:" + timestamp + ":" + body}. */
    private byte[] mac(String timestamp, byte[] body) {
        byte[] base = ("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[base.length + body.length];
        System.arraycopy(base, 0, message, 0, base.length);
        System.arraycopy(body, 0, message, base.length, body.length);
        return hmacSha256(secret, message);
    }

    /** HMAC-SHA256 (RFC 2104, FIPS 198-1) by the JDK's provider. */
    public static byte[] hmacSha256(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            // an empty key is legal HMAC (RFC 2104) but SecretKeySpec refuses it: the all-zero pad is the same thing
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /**
     * Compares a computed MAC with a received tag in time independent of where they differ. A tag shorter
     * than the MAC is compared against the MAC's prefix (a truncated tag, RFC 2104 section 5) only when it
     * has at least 16 bytes; an empty or longer tag never matches.
     */
    public static boolean tagMatches(byte[] mac, byte[] tag) {
        if (tag.length < 16 || tag.length > mac.length) {
            return false;
        }
        byte[] prefix = tag.length == mac.length ? mac : java.util.Arrays.copyOf(mac, tag.length);
        return MessageDigest.isEqual(prefix, tag);
    }
}
