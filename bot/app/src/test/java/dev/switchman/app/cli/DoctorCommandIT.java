package dev.switchman.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.app.serve.Serve;
import dev.switchman.discord.testing.FakeDiscordApi;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code switchman doctor} against a fake Discord API on loopback: what is configured, what is wrong, never a secret. */
class DoctorCommandIT {

    private static final String TOKEN = "doctor-test-bot-token-0123456789abcdef";

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    private int doctor(Map<String, String> env) {
        return new DoctorCommand(env, Serve.factories(), Clock.systemUTC(), new PrintStream(buffer, true, StandardCharsets.UTF_8)).run(List.of());
    }

    private String out() {
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aWorkingDiscordSetupIsReportedWithTheBotAndItsApplication() throws Exception {
        try (FakeDiscordApi api = new FakeDiscordApi()) {
            int code = doctor(Map.of("DISCORD_BOT_TOKEN", TOKEN, "DISCORD_API_URL", api.baseUrl()));
            assertEquals(0, code, out());
            assertTrue(out().contains("discord:\n  ok    configuration is valid: gateway mode"), out());
            assertTrue(out().contains("ok    DISCORD_BOT_TOKEN is accepted: bot switchman (id " + FakeDiscordApi.APP_ID + ")"), out());
            assertTrue(out().contains("ok    application " + FakeDiscordApi.APP_ID), out());
            assertTrue(out().contains("slack: not configured (set SLACK_"), out());
            assertTrue(api.calls().stream().allMatch(c -> ("Bot " + TOKEN).equals(c.authorization())));
            assertFalse(out().contains(TOKEN));
        }
    }

    @Test
    void aRefusedTokenAndAWrongApplicationIdAreSaidWithoutTheToken() throws Exception {
        try (FakeDiscordApi api = new FakeDiscordApi()) {
            api.failNext("GET /users/@me", 1, 401, "{\"message\":\"401: Unauthorized\",\"code\":0}");
            assertEquals(1, doctor(Map.of("DISCORD_BOT_TOKEN", TOKEN, "DISCORD_API_URL", api.baseUrl())));
            assertTrue(out().contains("WRONG DISCORD_BOT_TOKEN was refused by Discord (401)"), out());
            buffer.reset();
            assertEquals(1, doctor(Map.of("DISCORD_BOT_TOKEN", TOKEN, "DISCORD_API_URL", api.baseUrl(), "DISCORD_APPLICATION_ID", "123456789")));
            assertTrue(out().contains("WRONG DISCORD_APPLICATION_ID is 123456789 but the token belongs to application " + FakeDiscordApi.APP_ID), out());
            assertFalse(out().contains(TOKEN));
        }
    }

    @Test
    void aBadVariableOrNothingConfiguredFails() {
        assertEquals(1, doctor(Map.of("DISCORD_BOT_TOKEN", TOKEN, "DISCORD_PUBLIC_KEY", "zz")));
        assertTrue(out().contains("WRONG DISCORD_PUBLIC_KEY: expected 64 hex digits"), out());
        buffer.reset();
        assertEquals(1, doctor(Map.of()));
        assertTrue(out().contains("no chat backend is configured"), out());
    }
}
