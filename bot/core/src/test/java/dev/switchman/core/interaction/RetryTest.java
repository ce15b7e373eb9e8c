package dev.switchman.core.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchman.core.chat.RateLimitedException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryTest {

    private final Retry retry = new Retry(5, Duration.ofSeconds(1), Duration.ofSeconds(30));

    @Test
    void backsOffExponentiallyUpToTheMaximum() {
        assertEquals(Duration.ofSeconds(1), retry.backoff(1));
        assertEquals(Duration.ofSeconds(8), retry.backoff(4));
        assertEquals(Duration.ofSeconds(30), retry.backoff(10));
    }

    @Test
    void aRetryAfterLongerThanTheBackOffIsHonoured() {
        assertEquals(Duration.ofSeconds(7), retry.backoff(1, new RateLimitedException("429", Duration.ofSeconds(7))));
        // a shorter Retry-After never shortens the back-off; other failures keep the back-off
        assertEquals(Duration.ofSeconds(4), retry.backoff(3, new RateLimitedException("429", Duration.ofSeconds(1))));
        assertEquals(Duration.ofSeconds(2), retry.backoff(2, new IllegalStateException("503")));
    }
}
