package dev.switchman.discord;

import dev.switchman.discord.testing.FakeDiscordApi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.chat.MessageRef;
import dev.switchman.core.time.Scheduler;
import dev.switchman.discord.rest.DiscordApiException;
import dev.switchman.discord.rest.DiscordRest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The REST client and the backend's sends and edits against a fake Discord API on loopback that answers 429 and 5xx. */
class DiscordRestIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "test-bot-token-0123456789abcdef";
    private static final String CHANNEL = "300000000000000002";

    private final FakeDiscordApi api = new FakeDiscordApi();
    private final Scheduler scheduler = Scheduler.system(Clock.systemUTC());
    private final DiscordRest rest = new DiscordRest(api.baseUrl(), TOKEN, scheduler, Duration.ofMillis(5));

    DiscordRestIT() throws Exception {
    }

    @AfterEach
    void tearDown() {
        scheduler.close();
        api.close();
    }

    @Test
    void aRateLimitIsWaitedOutForItsRetryAfterAndNothingIsLost() {
        api.rateLimitNext("PATCH /channels/", 3, Duration.ofMillis(120));
        long t0 = System.nanoTime();
        DiscordRest.Message m = rest.editMessage(CHANNEL, "123456", DiscordMessages.editJson(ChatMessage.text("edited")));
        long waited = (System.nanoTime() - t0) / 1_000_000;
        assertEquals("123456", m.id());
        List<FakeDiscordApi.Call> calls = api.calls();
        assertEquals(List.of(429, 429, 429, 200), calls.stream().map(FakeDiscordApi.Call::status).toList());
        assertTrue(waited >= 360, "three waits of retry_after 0.12 s, got " + waited + " ms");
        assertTrue(calls.get(3).text().contains("edited"));
    }

    @Test
    void theRetryAfterHeaderCountsWhenTheBodyHasNone() throws Exception {
        assertEquals(Duration.ofMillis(1500), DiscordRest.retryAfter(JSON.readTree("{}"), "1.5"));
        assertEquals(Duration.ofMillis(250), DiscordRest.retryAfter(JSON.readTree("{\"retry_after\":0.25}"), "9"));
        assertEquals(Duration.ofSeconds(1), DiscordRest.retryAfter(JSON.readTree("{}"), null), "neither: one second");
    }

    @Test
    void aRateLimitThatNeverEndsFailsClearlyAfterItsWaits() {
        api.rateLimitNext("POST /channels/", DiscordRest.MAX_RATE_LIMIT_WAITS + 1, Duration.ofMillis(1));
        DiscordApiException e = assertThrows(DiscordApiException.class, () -> rest.createMessage(CHANNEL, "{}"));
        assertEquals(429, e.status());
        assertTrue(e.getMessage().contains("still rate limited after " + DiscordRest.MAX_RATE_LIMIT_WAITS + " waits"), e.getMessage());
    }

    @Test
    void aServerErrorIsRetriedWithBackOff() {
        api.failNext("POST /channels/", 2, 502, "bad gateway");
        DiscordRest.Message m = rest.createMessage(CHANNEL, DiscordMessages.json(ChatMessage.text("hello"), false));
        assertEquals(CHANNEL, m.channelId());
        assertEquals(List.of(502, 502, 200), api.calls().stream().map(FakeDiscordApi.Call::status).toList());
    }

    @Test
    void aServerThatKeepsFailingIsReportedAfterTheRetriesWithoutTheToken() {
        api.failNext("POST /channels/", DiscordRest.SERVER_RETRIES + 1, 503, "{\"message\":\"unavailable\",\"code\":0}");
        DiscordApiException e = assertThrows(DiscordApiException.class, () -> rest.createMessage(CHANNEL, "{}"));
        assertEquals(503, e.status());
        assertTrue(e.getMessage().startsWith("POST /channels/" + CHANNEL + "/messages: 503 unavailable after 4 attempts"), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN));
    }

    @Test
    void aRefusalIsThrownAtOnceWithDiscordsCodeAndNoInteractionToken() {
        api.failNext("PATCH /webhooks/", 1, 400, "{\"message\":\"Invalid Form Body\",\"code\":50035}");
        DiscordApiException e = assertThrows(DiscordApiException.class,
                () -> rest.editOriginal(FakeDiscordApi.APP_ID, "secret-interaction-token", "{}"));
        assertEquals(50035, e.code());
        assertEquals("PATCH /webhooks/" + FakeDiscordApi.APP_ID + "/***/messages/@original: 400 Invalid Form Body (code 50035)", e.getMessage());
        assertEquals(1, api.calls().size());
    }

    @Test
    void anEditThatOvertakesTheAcknowledgementIsRetried() {
        api.failNext("PATCH /webhooks/", 1, 404, "{\"message\":\"Unknown Webhook\",\"code\":10015}");
        assertEquals("0", rest.editOriginal(FakeDiscordApi.APP_ID, "tok", "{}").channelId());
        assertEquals(List.of(404, 200), api.calls().stream().map(FakeDiscordApi.Call::status).toList());
    }

    @Test
    void theBackendPostsAndEditsInPlaceWithTheBotToken() throws Exception {
        DiscordConfig config = DiscordConfig.fromEnv(java.util.Map.of("DISCORD_BOT_TOKEN", TOKEN, "DISCORD_API_URL", api.baseUrl(),
                "DISCORD_APPLICATION_ID", FakeDiscordApi.APP_ID));
        try (DiscordBackend backend = new DiscordBackend(config, Clock.systemUTC(), scheduler, Duration.ofMillis(5))) {
            MessageRef ref = backend.send(CHANNEL, ChatMessage.of(ChatMessage.Tone.SUCCESS, "Run started", "lower-ttl next"));
            api.rateLimitNext("PATCH /channels/", 1, Duration.ofMillis(20));
            backend.update(ref, ChatMessage.of(ChatMessage.Tone.SUCCESS, "Run started", "verify-ttl next"));
            List<FakeDiscordApi.Call> calls = api.calls();
            assertEquals("POST /api/v10/channels/" + CHANNEL + "/messages", calls.get(0).method() + " " + calls.get(0).path());
            assertEquals("Bot " + TOKEN, calls.get(0).authorization());
            assertEquals("PATCH /api/v10/channels/" + CHANNEL + "/messages/" + ref.id(), calls.get(2).method() + " " + calls.get(2).path());
            assertTrue(calls.get(2).text().contains("verify-ttl next"));
            assertEquals(0, new ObjectMapper().readTree(calls.get(0).body().toString()).path("allowed_mentions").path("parse").size(),
                    "no @everyone from runbook text");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> backend.send("#exec-updates", ChatMessage.text("x")));
            assertTrue(e.getMessage().contains("named by id"), e.getMessage());
        }
    }
}
