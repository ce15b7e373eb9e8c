package dev.switchman.discord;

import dev.switchman.discord.testing.FakeDiscordApi;
import dev.switchman.discord.testing.SignedClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.chat.Interaction;

import dev.switchman.core.chat.MessageRef;

import dev.switchman.core.chat.Visibility;
import dev.switchman.core.time.Scheduler;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The interactions endpoint over real HTTP on loopback, with requests Ed25519-signed as Discord signs them:
 * valid, forged, tampered, stale, unsigned; PING; commands and presses handed to the bot with the identity of
 * the verified payload; the first response chosen at ack time; later answers through a fake REST API.
 */
class InteractionsEndpointIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHANNEL = "300000000000000001";
    private static final String OWNER = SignedClient.Payloads.member("1001", List.of("777"));

    private final RecordingHandler handler = new RecordingHandler(
            (channel, line) -> line.equals("start hel") ? List.of("hello-cutover", "hello-world") : List.of("(" + line + ")"));
    private final List<Interaction> handled = handler.handled;

    private FakeDiscordApi api;
    private Scheduler scheduler;
    private DiscordBackend backend;
    private SignedClient discord;

    @BeforeEach
    void setUp() throws Exception {
        api = new FakeDiscordApi();
        scheduler = Scheduler.system(Clock.systemUTC());
        KeyPair keys = SignedClient.newKeys();
        DiscordConfig config = DiscordConfig.fromEnv(Map.of("DISCORD_BOT_TOKEN", "test-bot-token-0123456789abcdef", "DISCORD_PUBLIC_KEY",
                SignedClient.publicHex(keys), "DISCORD_APPLICATION_ID", FakeDiscordApi.APP_ID, "DISCORD_API_URL", api.baseUrl()));
        backend = new DiscordBackend(config, Clock.systemUTC(), scheduler, Duration.ofMillis(10));
        backend.start(handler);
        discord = new SignedClient(backend.endpoints().get(0), keys);
    }

    @AfterEach
    void tearDown() {
        discord.close();
        backend.close();
        scheduler.close();
        api.close();
    }

    private static JsonNode json(java.net.http.HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    private List<FakeDiscordApi.Call> webhookCalls() {
        return api.calls(c -> c.path().contains("/webhooks/"));
    }

    @Test
    void startRegistersTheSlashCommandWithTheBotToken() {
        FakeDiscordApi.Call put = api.calls().get(0);
        assertEquals("PUT", put.method());
        assertEquals("/api/v10/applications/" + FakeDiscordApi.APP_ID + "/commands", put.path());
        assertEquals("Bot test-bot-token-0123456789abcdef", put.authorization());
        assertEquals("switchman", put.body().path(0).path("name").asText());
        assertEquals(SwitchmanCommand.SUBCOMMANDS.size(), put.body().path(0).path("options").size());
    }

    @Test
    void pingIsAnsweredWithPong() throws Exception {
        var r = discord.post(SignedClient.Payloads.ping());
        assertEquals(200, r.statusCode());
        assertEquals(1, json(r).path("type").asInt());
        assertTrue(handled.isEmpty());
    }

    @Test
    void aRequestSignedWithAnotherKeyIsRefusedAndNothingIsActedOn() throws Exception {
        var r = discord.post(SignedClient.Payloads.command("11", "t11", CHANNEL, OWNER, "start", "runbook", "hello"), Instant.now(),
                SignedClient.newKeys());
        assertEquals(401, r.statusCode());
        var ping = discord.post(SignedClient.Payloads.ping(), Instant.now(), SignedClient.newKeys());
        assertEquals(401, ping.statusCode(), "Discord's own probe: an invalid PING must not be answered");
        assertTrue(handled.isEmpty());
        assertTrue(api.calls().stream().noneMatch(c -> c.path().contains("/webhooks/")), api.render());
    }

    @Test
    void aBodyChangedAfterSigningIsRefused() throws Exception {
        String signedFor = SignedClient.Payloads.command("12", "t12", CHANNEL, OWNER, "status");
        String sent = signedFor.replace("\"1001\"", "\"1003\""); // someone else's id swapped in
        String ts = Long.toString(Instant.now().getEpochSecond());
        var r = discord.send(sent.getBytes(StandardCharsets.UTF_8), Map.of("X-Signature-Timestamp", ts,
                "X-Signature-Ed25519", SignedClient.sign(discord.keys, ts, signedFor.getBytes(StandardCharsets.UTF_8))));
        assertEquals(401, r.statusCode());
        // and the timestamp is signed too: the same signature under another timestamp fails
        String later = Long.toString(Instant.now().getEpochSecond() + 1);
        var r2 = discord.send(signedFor.getBytes(StandardCharsets.UTF_8), Map.of("X-Signature-Timestamp", later,
                "X-Signature-Ed25519", SignedClient.sign(discord.keys, ts, signedFor.getBytes(StandardCharsets.UTF_8))));
        assertEquals(401, r2.statusCode());
        assertTrue(handled.isEmpty());
    }

    @Test
    void missingOrMalformedSignaturesAreRefused() throws Exception {
        byte[] body = SignedClient.Payloads.ping().getBytes(StandardCharsets.UTF_8);
        String ts = Long.toString(Instant.now().getEpochSecond());
        assertEquals(401, discord.send(body, Map.of()).statusCode());
        assertEquals(401, discord.send(body, Map.of("X-Signature-Timestamp", ts)).statusCode());
        assertEquals(401, discord.send(body, Map.of("X-Signature-Ed25519", SignedClient.sign(discord.keys, ts, body))).statusCode());
        assertEquals(401, discord.send(body, Map.of("X-Signature-Timestamp", ts, "X-Signature-Ed25519", "zz")).statusCode());
        assertEquals(401, discord.send(body, Map.of("X-Signature-Timestamp", "yesterday", "X-Signature-Ed25519",
                SignedClient.sign(discord.keys, "yesterday", body))).statusCode());
        assertEquals(401, discord.send(body, Map.of("X-Signature-Timestamp", ts, "X-Signature-Ed25519", "00".repeat(64))).statusCode());
        assertEquals(6, ((InteractionsEndpoint) backend.endpoints().get(0)).refused());
    }

    @Test
    void aStaleOrFutureTimestampIsRefusedEvenWhenSignedCorrectly() throws Exception {
        String ping = SignedClient.Payloads.ping();
        assertEquals(401, discord.post(ping, Instant.now().minus(InteractionSignature.WINDOW).minusSeconds(2), discord.keys).statusCode());
        assertEquals(401, discord.post(ping, Instant.now().plus(InteractionSignature.WINDOW).plusSeconds(2), discord.keys).statusCode());
        assertEquals(200, discord.post(ping, Instant.now().minus(InteractionSignature.WINDOW).plusSeconds(10), discord.keys).statusCode());
    }

    @Test
    void onlyPostIsAccepted() throws Exception {
        assertEquals(405, discord.get().statusCode());
    }

    @Test
    void aSlashCommandBecomesTheConsolesCommandWithTheVerifiedIdentity() throws Exception {
        var r = discord.post(SignedClient.Payloads.command("13", "t13", CHANNEL, OWNER.replace("\"permissions\"", "\"user_id\":\"1003\",\"permissions\""),
                "done", "note", "took \\\"4\\\" min", "step", "lower-ttl"));
        assertEquals(200, r.statusCode());
        assertEquals(5, json(r).path("type").asInt(), "deferred: the bot answers later");
        assertTrue(json(r).path("data").path("flags").isMissingNode(), "public");
        Interaction.TypedCommand typed = (Interaction.TypedCommand) handled.get(0);
        assertEquals("done lower-ttl \"took \\\"4\\\" min\"", typed.text());
        assertEquals("discord:1001", typed.user().qualifiedId());
        assertEquals(Set.of("discord-role:777"), typed.user().groups());
        assertEquals(CHANNEL, typed.channel());
        assertEquals("13", typed.deliveryId());
    }

    @Test
    void anAnswerGivenAtOnceIsTheResponseWithTheVisibilityChosenAtAck() throws Exception {
        handler.behaviour = (in, r) -> {
            r.ack(Visibility.EPHEMERAL);
            r.answer(ChatMessage.of(ChatMessage.Tone.DANGER, "Error", "unknown command 'dnoe'"));
        };
        var r = discord.post(SignedClient.Payloads.command("14", "t14", CHANNEL, OWNER, "type", "command", "dnoe x"));
        JsonNode body = json(r);
        assertEquals(4, body.path("type").asInt());
        assertEquals(DiscordMessages.EPHEMERAL, body.path("data").path("flags").asInt());
        assertEquals("unknown command 'dnoe'", body.path("data").path("embeds").path(0).path("description").asText());
        assertEquals("dnoe x", ((Interaction.TypedCommand) handled.get(0)).text());
        assertTrue(webhookCalls().isEmpty(), "no REST call for an answer that went with the response");
    }

    @Test
    void anEphemeralAckIsDeferredWithFlag64() throws Exception {
        handler.behaviour = (in, r) -> r.ack(Visibility.EPHEMERAL);
        JsonNode body = json(discord.post(SignedClient.Payloads.command("15", "t15", CHANNEL, OWNER, "status")));
        assertEquals(5, body.path("type").asInt());
        assertEquals(64, body.path("data").path("flags").asInt());
    }

    @Test
    void laterAnswersEditTheDeferredReplyThenFollowUp() throws Exception {
        CompletableFuture<MessageRef> first = new CompletableFuture<>();
        CompletableFuture<MessageRef> second = new CompletableFuture<>();
        handler.behaviour = (in, r) -> {
            r.ack(Visibility.PUBLIC);
            CompletableFuture.runAsync(() -> {
                first.complete(r.answer(ChatMessage.of(ChatMessage.Tone.INFO, "Status", "step 1")));
                second.complete(r.answer(ChatMessage.of(ChatMessage.Tone.INFO, "More", "step 2")));
            });
        };
        api.interaction("t16", CHANNEL);
        assertEquals(5, json(discord.post(SignedClient.Payloads.command("16", "t16", CHANNEL, OWNER, "status"))).path("type").asInt());
        MessageRef ref = first.get(10, TimeUnit.SECONDS);
        assertEquals(new MessageRef("discord", CHANNEL, ref.id()), ref);
        assertTrue(second.get(10, TimeUnit.SECONDS) != null);
        List<FakeDiscordApi.Call> calls = webhookCalls();
        assertEquals("PATCH", calls.get(0).method());
        assertEquals("/api/v10/webhooks/" + FakeDiscordApi.APP_ID + "/t16/messages/@original", calls.get(0).path());
        assertNull(calls.get(0).authorization(), "the interaction webhook needs no bot token");
        assertEquals("POST", calls.get(1).method());
        assertEquals("/api/v10/webhooks/" + FakeDiscordApi.APP_ID + "/t16", calls.get(1).path());
        assertTrue(calls.get(1).text().contains("step 2"));
    }

    @Test
    void aButtonPressCarriesItsCustomIdAndSourceMessage() throws Exception {
        var r = discord.post(SignedClient.Payloads.button("17", "t17", CHANNEL, SignedClient.Payloads.member("1002", List.of()), "sm.ab12.3",
                "555000000000000001"));
        assertEquals(5, json(r).path("type").asInt());
        Interaction.ButtonPress p = (Interaction.ButtonPress) handled.get(0);
        assertEquals("sm.ab12.3", p.actionId());
        assertEquals("discord:1002", p.user().qualifiedId());
        assertEquals(new MessageRef("discord", CHANNEL, "555000000000000001"), p.source());
    }

    @Test
    void autocompleteOffersTheBotsCompletions() throws Exception {
        JsonNode body = json(discord.post(SignedClient.Payloads.autocomplete("18", "t18", CHANNEL, OWNER, "start", "runbook", "hel")));
        assertEquals(8, body.path("type").asInt());
        assertEquals("hello-cutover", body.path("data").path("choices").path(0).path("name").asText());
        assertEquals("hello-world", body.path("data").path("choices").path(1).path("value").asText());
        assertTrue(handled.isEmpty(), "typing is not acting");
        JsonNode none = json(discord.post(SignedClient.Payloads.autocomplete("19", "t19", CHANNEL, OWNER, "go", "reason", "x")));
        assertEquals(0, none.path("data").path("choices").size(), "free text completes nothing");
    }

    @Test
    void anotherApplicationsCommandIsAnsweredPrivately() throws Exception {
        String other = SignedClient.Payloads.command("20", "t20", CHANNEL, OWNER, "status").replace("\"name\":\"switchman\"", "\"name\":\"blep\"");
        JsonNode body = json(discord.post(other));
        assertEquals(4, body.path("type").asInt());
        assertEquals(64, body.path("data").path("flags").asInt());
        assertTrue(handled.isEmpty());
    }
}
