package dev.switchman.checks.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a payment provider signs a webhook, reproduced for a synthetic event (HMAC-SHA256, the JDK's
 * {@link Mac}). The receiving application verifies with its provider's library, so the headers must be
 * exactly the provider's:
 * <ul>
 *   <li>{@code stripe}: {@code Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}
 *       (Stripe, "Verify webhook signatures manually");</li>
 *   <li>{@code standard-webhooks}: {@code webhook-id}, {@code webhook-timestamp} (unix seconds) and
 *       {@code webhook-signature: v1,<base64 HMAC-SHA256(key, id + "." + timestamp + "." + body)>}, the key
 *       being the base64 secret after its {@code whsec_} prefix (the Standard Webhooks specification, used by
 *       Svix and others).</li>
 * </ul>
 */
public enum SigningScheme {
    STRIPE("stripe"),
    STANDARD_WEBHOOKS("standard-webhooks");

    private final String id;

    SigningScheme(String id) {
        this.id = id;
    }

    /** The name runbooks use ({@code stripe}, {@code standard-webhooks}). */
    public String id() {
        return id;
    }

    /** Every scheme's runbook name, for errors and help. */
    public static List<String> ids() {
        return java.util.Arrays.stream(values()).map(SigningScheme::id).toList();
    }

    /** The scheme named {@code id} (case-insensitive); IllegalArgumentException naming the choices otherwise. */
    public static SigningScheme of(String id) {
        String want = id == null ? "stripe" : id.trim().toLowerCase(Locale.ROOT);
        for (SigningScheme s : values()) {
            if (s.id.equals(want)) {
                return s;
            }
        }
        throw new IllegalArgumentException("parameter 'scheme': '" + id + "' is not a signing scheme (expected one of " + String.join(", ", ids()) + ")");
    }

    /**
     * The headers that sign {@code body} sent at {@code unixSeconds} as event {@code eventId}; throws
     * IllegalArgumentException when the secret does not fit the scheme (a standard-webhooks secret must be base64).
     */
    public Map<String, String> headers(String secret, String eventId, long unixSeconds, String body) {
        Map<String, String> h = new LinkedHashMap<>();
        switch (this) {
            case STRIPE -> {
                byte[] mac = hmac(secret.getBytes(StandardCharsets.UTF_8), unixSeconds + "." + body);
                h.put("Stripe-Signature", "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(mac));
            }
            case STANDARD_WEBHOOKS -> {
                String b64 = secret.startsWith("whsec_") ? secret.substring(6) : secret;
                byte[] key;
                try {
                    key = Base64.getDecoder().decode(b64);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("parameter 'secret': a standard-webhooks secret is base64 after its whsec_ prefix");
                }
                byte[] mac = hmac(key, eventId + "." + unixSeconds + "." + body);
                h.put("webhook-id", eventId);
                h.put("webhook-timestamp", Long.toString(unixSeconds));
                h.put("webhook-signature", "v1," + Base64.getEncoder().encodeToString(mac));
            }
            default -> throw new IllegalStateException(id);
        }
        return h;
    }

    static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }
}
