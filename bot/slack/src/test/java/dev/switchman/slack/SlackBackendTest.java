package dev.switchman.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.chat.Interaction;
import dev.switchman.core.chat.MessageRef;
import dev.switchman.core.chat.RateLimitedException;
import dev.switchman.core.chat.Visibility;
import dev.switchman.core.http.HttpRequest;
import dev.switchman.core.http.HttpResponse;
import dev.switchman.core.time.ManualClock;
import dev.switchman.slack.testing.FakeSlackWebApi;
import dev.switchman.slack.testing.SignedSlackRequests;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Slack backend against a fake Web API on loopback: verification, mapping to interactions, acks, Web API calls. */
class SlackBackendTest {

    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final String TOKEN = "xoxb-0000-1111-test-token-abcdef";

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-30T20:00:00Z"));
    private final SlackSignatureVerifier signer = new SlackSignatureVerifier(SECRET, clock);
    private final List<Interaction> received = new CopyOnWriteArrayList<>();
    private FakeSlackWebApi api;
    private SlackBackend backend;

    @BeforeEach
    void start() throws Exception {
        api = FakeSlackWebApi.start();
        backend = new SlackBackend(TOKEN, SECRET, api.url(), clock);
        backend.start((in, reply) -> {
            received.add(in);
            if (in instanceof Interaction.TypedCommand t && t.text().startsWith("typo")) {
                reply.ack(Visibility.EPHEMERAL);
                reply.answer(ChatMessage.text("unknown command `typo`"));
            } else if (in instanceof Interaction.TypedCommand t && t.text().startsWith("start")) {
                reply.ack(Visibility.PUBLIC);
                MessageRef ref = reply.answer(ChatMessage.builder("hello-cutover").text("started").build());
                backend.update(ref, ChatMessage.of(ChatMessage.Tone.INFO, "hello-cutover", "step 1"));
            } else if (in instanceof Interaction.ButtonPress) {
                reply.ack(Visibility.EPHEMERAL);
                reply.answer(ChatMessage.text("refused: you are not in the role"));
            } else {
                reply.ack(Visibility.PUBLIC);
                reply.answer(ChatMessage.text("done " + ((Interaction.TypedCommand) in).text()));
            }
        });
    }

    @AfterEach
    void stop() {
        backend.close();
        api.close();
    }

    private HttpRequest request(String body, String timestamp, String signature) {
        return new HttpRequest("POST", SlackBackend.PATH, "", Map.of(
                "Content-Type", List.of("application/x-www-form-urlencoded"),
                SlackSignatureVerifier.TIMESTAMP, List.of(timestamp),
                SlackSignatureVerifier.SIGNATURE, List.of(signature)), body.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse post(String body) {
        String ts = String.valueOf(clock.instant().getEpochSecond());
        return backend.endpoints().get(0).handle(request(body, ts, signer.sign(ts, body.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aSignedSlashCommandIsATypedCommandOfTheSignedUser() {
        HttpResponse r = post(SignedSlackRequests.slashCommand("U123", "alice", "C1", "status", "trig-1"));
        assertEquals(200, r.status());
        assertEquals(0, r.body().length, "the ack is an empty 200");
        Interaction.TypedCommand t = assertInstanceOf(Interaction.TypedCommand.class, received.get(0));
        assertEquals("status", t.text());
        assertEquals("slack:U123", t.user().qualifiedId());
        assertEquals("C1", t.channel());
        assertEquals("trig-1", t.deliveryId());
        assertEquals(clock.instant(), t.receivedAt());
        FakeSlackWebApi.Call c = api.await(x -> x.method().equals("chat.postMessage"), 5, "the public answer");
        assertEquals("C1", c.param("channel"));
        assertEquals("done status", c.param("text"));
    }

    @Test
    void anAnswerGivenBeforeTheAckIsTheEphemeralAck() {
        HttpResponse r = post(SignedSlackRequests.slashCommand("U123", "alice", "C1", "typo here", "trig-2"));
        assertEquals(200, r.status());
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertTrue(body.contains("\"response_type\":\"ephemeral\""), body);
        assertTrue(body.contains("unknown command `typo`"), body);
        assertTrue(api.calls().isEmpty(), "no Web API call for an answer carried by the ack: " + api.summary());
    }

    @Test
    void forgedStaleOrUnsignedRequestsAreRefusedAndNothingActs() {
        String body = SignedSlackRequests.slashCommand("U123", "alice", "C1", "go --yes", "trig-3");
        String now = String.valueOf(clock.instant().getEpochSecond());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        // another secret
        String forged = new SlackSignatureVerifier("another-secret-0123456789", clock).sign(now, bytes);
        assertEquals(401, backend.endpoints().get(0).handle(request(body, now, forged)).status());
        // a signed body with its user changed afterwards
        String signed = signer.sign(now, bytes);
        assertEquals(401, backend.endpoints().get(0).handle(request(body.replace("U123", "U999"), now, signed)).status());
        // a replay: valid signature, timestamp 5 min 1 s old
        String old = String.valueOf(clock.instant().minus(Duration.ofSeconds(301)).getEpochSecond());
        assertEquals(401, backend.endpoints().get(0).handle(request(body, old, signer.sign(old, bytes))).status());
        // from the future, same window
        String future = String.valueOf(clock.instant().plus(Duration.ofSeconds(301)).getEpochSecond());
        assertEquals(401, backend.endpoints().get(0).handle(request(body, future, signer.sign(future, bytes))).status());
        // truncated signature, garbage, no headers
        assertEquals(401, backend.endpoints().get(0).handle(request(body, now, signed.substring(0, 40))).status());
        assertEquals(401, backend.endpoints().get(0).handle(request(body, now, "v0=zz")).status());
        assertEquals(401, backend.endpoints().get(0).handle(new HttpRequest("POST", SlackBackend.PATH, "", Map.of(), bytes)).status());
        assertTrue(received.isEmpty(), "nothing reached the bot: " + received);
        assertTrue(api.calls().isEmpty(), api.summary());
        // within the window it is accepted
        String recent = String.valueOf(clock.instant().minus(Duration.ofSeconds(299)).getEpochSecond());
        assertEquals(200, backend.endpoints().get(0).handle(request(body, recent, signer.sign(recent, bytes))).status());
        assertEquals(1, received.size());
    }

    @Test
    void aButtonPressCarriesItsActionIdSourceMessageAndSignedUser() {
        HttpResponse r = post(SignedSlackRequests.blockAction("U777", "bob", "C1", "1700000000.000200", "b7k2p9", "trig-4"));
        assertEquals(200, r.status());
        Interaction.ButtonPress p = assertInstanceOf(Interaction.ButtonPress.class, received.get(0));
        assertEquals("b7k2p9", p.actionId());
        assertEquals("slack:U777", p.user().qualifiedId());
        assertEquals(new MessageRef("slack", "C1", "1700000000.000200"), p.source());
        FakeSlackWebApi.Call c = api.await(x -> x.method().equals("chat.postEphemeral"), 5, "the ephemeral refusal");
        assertEquals("U777", c.param("user"));
        assertEquals("C1", c.param("channel"));
    }

    @Test
    void startOpensTheRunsThreadAndLaterMessagesGoThere() {
        post(SignedSlackRequests.slashCommand("U123", "alice", "C1", "start hello-cutover", "trig-5"));
        FakeSlackWebApi.Call status = api.await(x -> x.method().equals("chat.postMessage"), 5, "the status message");
        assertNull(status.param("thread_ts"), "the status message is top-level");
        FakeSlackWebApi.Call edit = api.await(x -> x.method().equals("chat.update"), 5, "the status edit");
        String ts = edit.param("ts");
        post(SignedSlackRequests.slashCommand("U123", "alice", "C1", "done step-1", "trig-6"));
        FakeSlackWebApi.Call answer = api.await(x -> x.method().equals("chat.postMessage") && "done done step-1".equals(x.param("text")), 5,
                "the answer in the thread");
        assertEquals(ts, answer.param("thread_ts"));
        backend.send("C1", ChatMessage.text("team message"));
        assertEquals(ts, api.calls("chat.postMessage").get(2).param("thread_ts"));
    }

    @Test
    void statusMessagesAreBlockKitWithConfirmDialogsOnDangerousButtons() {
        ChatMessage m = ChatMessage.builder("db-failover").text("phase 2 of 3")
                .field("Step", "promote-replica")
                .check(new ChatMessage.CheckRow("db.lag", dev.switchman.core.check.CheckStatus.PASS, "lag 0.2 s", "4s ago"))
                .button(new ChatMessage.Button("Go", "go --yes", false, true).withActionId("a1"))
                .button(new ChatMessage.Button("Roll back", "rollback --yes", true, true).withActionId("a2"))
                .button(new ChatMessage.Button("unregistered", "done x", false, false))
                .build();
        MessageRef ref = backend.send("C9", m);
        FakeSlackWebApi.Call c = api.calls("chat.postMessage").get(0);
        String blocks = c.param("blocks");
        assertTrue(blocks.contains("\"type\":\"header\""), blocks);
        assertTrue(blocks.contains("*Step*\\npromote-replica"), blocks);
        assertTrue(blocks.contains(":white_check_mark: *db.lag* `PASS` lag 0.2 s _(4s ago)_"), blocks);
        assertTrue(blocks.contains("\"action_id\":\"a1\""), blocks);
        assertTrue(blocks.contains("\"action_id\":\"a2\""), blocks);
        assertTrue(blocks.contains("\"style\":\"danger\""), blocks);
        assertTrue(blocks.contains("\"confirm\":{"), blocks);
        assertFalse(blocks.contains("unregistered"), "a button without an action id never goes on the wire");
        assertFalse(blocks.contains("\"value\""), "no command text on the wire");
        backend.update(ref, m.withText("phase 3 of 3"));
        FakeSlackWebApi.Call u = api.calls("chat.update").get(0);
        assertEquals(ref.id(), u.param("ts"));
        assertEquals("C9", u.param("channel"));
    }

    @Test
    void a429CarriesRetryAfterAndA5xxIsAnError() {
        api.failNext("chat.postMessage", 1, 429, "7");
        RateLimitedException e = assertThrows(RateLimitedException.class, () -> backend.send("C1", ChatMessage.text("x")));
        assertEquals(Duration.ofSeconds(7), e.retryAfter());
        api.failNext("chat.update", 1, 503, null);
        IllegalStateException e5 = assertThrows(IllegalStateException.class,
                () -> backend.update(new MessageRef("slack", "C1", "1.2"), ChatMessage.text("x")));
        assertEquals("Slack chat.update: HTTP 503", e5.getMessage());
        // the next attempt goes through
        assertEquals("C1", backend.send("C1", ChatMessage.text("y")).channel());
        assertFalse(e.getMessage().contains(TOKEN) || e5.getMessage().contains(TOKEN));
    }

    @Test
    void userGroupsComeFromSlackCachedForAMinute() {
        api.userGroups(Map.of("S0OPS", List.of("U123", "U456"), "S0DBA", List.of("U456")));
        SlackBackend withGroups = new SlackBackend(TOKEN, SECRET, api.url(), clock, true);
        List<Interaction> seen = new CopyOnWriteArrayList<>();
        withGroups.start((in, reply) -> {
            seen.add(in);
            reply.ack(Visibility.EPHEMERAL);
        });
        String body = SignedSlackRequests.slashCommand("U456", "dana", "C1", "status", "t1");
        String ts = String.valueOf(clock.instant().getEpochSecond());
        withGroups.endpoints().get(0).handle(request(body, ts, signer.sign(ts, body.getBytes(StandardCharsets.UTF_8))));
        assertEquals(java.util.Set.of("slack-group:S0OPS", "slack-group:S0DBA"), seen.get(0).user().groups());
        // a second action within the minute asks Slack nothing
        post(SignedSlackRequests.blockAction("U123", "alice", "C1", "1.2", "b1", "t2"));
        assertEquals(java.util.Set.of("slack-group:S0OPS"), withGroups.groups("U123"));
        assertEquals(1, api.calls("usergroups.list").size());
        clock.advance(SlackBackend.GROUPS_TTL);
        api.userGroups(Map.of());
        assertEquals(java.util.Set.of(), withGroups.groups("U123"));
        assertEquals(2, api.calls("usergroups.list").size());
        // without the option no one has groups and Slack is not asked
        assertEquals(java.util.Set.of(), backend.groups("U456"));
        withGroups.close();
    }

    @Test
    void aRateLimitedAnswerIsPostedAfterItsRetryAfter() {
        api.failNext("chat.postMessage", 1, 429, "1");
        post(SignedSlackRequests.slashCommand("U123", "alice", "C1", "hello", "trig-rl"));
        List<FakeSlackWebApi.Call> posts = api.calls().stream().filter(c -> c.method().equals("chat.postMessage")).toList();
        assertEquals(List.of(429, 200), posts.stream().map(FakeSlackWebApi.Call::status).toList(), api.summary());
        assertEquals("done hello", posts.get(1).param("text"));
        // a Retry-After longer than an answer may wait is not waited for: the bot logs the answer as undelivered
        api.failNext("chat.postMessage", 1, 429, "60");
        RateLimitedException e = assertThrows(RateLimitedException.class,
                () -> backend.answering(() -> backend.postMessage("C1", ChatMessage.text("x"), null)));
        assertEquals(Duration.ofSeconds(60), e.retryAfter());
    }

    @Test
    void aRequestBeforeStartIsUnavailableAndOtherMethodsAreRefused() {
        SlackBackend fresh = new SlackBackend(TOKEN, SECRET, api.url(), clock);
        String body = SignedSlackRequests.slashCommand("U1", "a", "C1", "status", "t");
        String ts = String.valueOf(clock.instant().getEpochSecond());
        assertEquals(503, fresh.endpoints().get(0).handle(request(body, ts, signer.sign(ts, body.getBytes(StandardCharsets.UTF_8)))).status());
        assertEquals(405, fresh.endpoints().get(0).handle(new HttpRequest("GET", SlackBackend.PATH, "", Map.of(), null)).status());
        fresh.close();
    }
}
