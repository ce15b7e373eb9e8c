package dev.switchman.app.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchman.discord.testing.FakeDiscordApi;
import dev.switchman.discord.testing.SignedClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code switchman serve} with the Discord backend found through ServiceLoader, its interactions endpoint
 * on serve's own HTTP server: signed requests over loopback (PING, forged, a command answered through a
 * fake Discord API), /health naming discord, and a bad key as one sentence.
 */
class ServeDiscordIT {

    private static final String TOKEN = "serve-test-bot-token-0123456789abcdef";

    @TempDir
    Path home;

    private Map<String, String> env(FakeDiscordApi api, KeyPair keys) {
        Map<String, String> env = new HashMap<>();
        env.put("SWITCHMAN_HOME", home.toString());
        env.put("SWITCHMAN_DB_URL", "memory");
        env.put(Serve.PORT, "0");
        env.put("DISCORD_BOT_TOKEN", TOKEN);
        env.put("DISCORD_PUBLIC_KEY", SignedClient.publicHex(keys));
        env.put("DISCORD_API_URL", api.baseUrl());
        return env;
    }

    private static Serve start(Map<String, String> env) {
        return Serve.start(env, List.of(), Serve.factories(), Clock.systemUTC(), new PrintStream(new ByteArrayOutputStream()));
    }

    @Test
    void signedInteractionsReachTheBotThroughServesServer() throws Exception {
        KeyPair keys = SignedClient.newKeys();
        try (FakeDiscordApi api = new FakeDiscordApi(); Serve serve = start(env(api, keys))) {
            assertTrue(serve.paths().contains("/discord/interactions"), serve.paths().toString());
            SignedClient client = new SignedClient(serve.url() + "/discord/interactions", keys);
            var pong = client.post(SignedClient.Payloads.ping());
            assertEquals(200, pong.statusCode());
            assertEquals("{\"type\":1}", pong.body());
            assertEquals(401, client.post(SignedClient.Payloads.ping(), Instant.now(), SignedClient.newKeys()).statusCode());
            assertEquals(401, client.post(SignedClient.Payloads.ping(), Instant.now().minusSeconds(400), keys).statusCode());

            api.interaction("serve-tok-1", "300000000000000009");
            var r = client.post(SignedClient.Payloads.command("61", "serve-tok-1", "300000000000000009",
                    SignedClient.Payloads.member("1001", List.of()), "runbooks"));
            assertEquals(200, r.statusCode());
            assertEquals(5, new ObjectMapper().readTree(r.body()).path("type").asInt());
            FakeDiscordApi.Call answer = api.await(c -> c.path().endsWith("/serve-tok-1/messages/@original"), Duration.ofSeconds(20));
            assertFalse(answer.text().isBlank(), api.render());
            assertTrue(api.calls().stream().anyMatch(c -> c.method().equals("PUT") && c.path().endsWith("/commands")), "registered at start");

            // autocomplete asks the real bot: the bundled runbooks for `start`
            var choices = new ObjectMapper().readTree(client.post(SignedClient.Payloads.autocomplete("62", "serve-tok-2", "300000000000000009",
                    SignedClient.Payloads.member("1001", List.of()), "start", "runbook", "")).body());
            assertEquals(8, choices.path("type").asInt());
            assertTrue(choices.path("data").path("choices").size() > 0, choices.toString());
            assertTrue(choices.toString().contains("\"" + serve.bot().runbookIds().get(0) + "\""), choices.toString());

            var health = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(serve.url() + "/health")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertTrue(health.body().contains("\"discord\""), health.body());
        }
    }

    @Test
    void aBadPublicKeyIsOneSentenceNamingTheVariable() throws Exception {
        try (FakeDiscordApi api = new FakeDiscordApi()) {
            Map<String, String> env = env(api, SignedClient.newKeys());
            env.put("DISCORD_PUBLIC_KEY", "not-hex");
            ServeException e = assertThrows(ServeException.class, () -> start(env));
            assertTrue(e.getMessage().startsWith("discord: DISCORD_PUBLIC_KEY: expected 64 hex digits"), e.getMessage());
            assertFalse(e.getMessage().contains(TOKEN));
        }
    }
}
