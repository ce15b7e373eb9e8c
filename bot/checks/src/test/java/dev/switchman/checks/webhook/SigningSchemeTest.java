package dev.switchman.checks.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SigningSchemeTest {

    @Test
    void standardWebhooksMatchesTheSpecificationsReferenceVector() {
        // the test vector of the Standard Webhooks reference libraries (standard-webhooks/standard-webhooks, libraries/*)
        Map<String, String> h = SigningScheme.STANDARD_WEBHOOKS.headers("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}");
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", h.get("webhook-signature"));
        assertEquals("1614265330", h.get("webhook-timestamp"));
        assertEquals("msg_p5jXN8AQM9LWM0D4loKWxJek", h.get("webhook-id"));
    }

    @Test
    void stripeSignsTimestampDotPayloadInHex() {
        // computed with Python's hmac module, and accepted by Stripe's own verifier (python3-stripe 5.0.0,
        // stripe.WebhookSignature.verify_header(payload, header, "whsec_abc", tolerance=None) is True; t off by one refused)
        Map<String, String> h = SigningScheme.STRIPE.headers("whsec_abc", "evt_1", 1700000000L, "{}");
        assertEquals("t=1700000000,v1=" + PY_HEX, h.get("Stripe-Signature"));
    }

    static final String PY_HEX = "bad9ac117e973d721c232d46744158d75e3f1b44e36771e13d01b9e6a580bc72";

    @Test
    void aStandardWebhooksSecretMustBeBase64() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SigningScheme.STANDARD_WEBHOOKS.headers("whsec_not base64!", "m", 1, "{}"));
        assertEquals("parameter 'secret': a standard-webhooks secret is base64 after its whsec_ prefix", e.getMessage());
    }
}
