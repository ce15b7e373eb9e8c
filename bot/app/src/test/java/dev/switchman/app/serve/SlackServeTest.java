package dev.switchman.app.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchman.slack.testing.FakeSlackWebApi;
import dev.switchman.slack.testing.SignedSlackRequests;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole run in Slack through {@code switchman serve}: signed slash commands and button presses POSTed to
 * the real HTTP server, the bot answering through a fake Slack Web API on loopback.
 */
class SlackServeTest {

    static final String SECRET = "5f1c0d8a2b7e4c9d8e7f6a5b4c3d2e1f";
    static final String TOKEN = "xoxb-2222-3333-serve-test-token";

    @TempDir
    Path home;

    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger triggers = new AtomicInteger();
    private final SignedSlackRequests slack = new SignedSlackRequests(SECRET, Clock.systemUTC());
    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();
    private FakeSlackWebApi api;
    private Serve serve;

    private final ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs = new ch.qos.logback.core.read.ListAppender<>();

    @BeforeEach
    void start() throws Exception {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        // DEBUG for our code and Slack's SDK (what could print a token), the rest as configured
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("dev.switchman")).setLevel(ch.qos.logback.classic.Level.DEBUG);
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("com.slack")).setLevel(ch.qos.logback.classic.Level.DEBUG);
        logs.start();
        root.addAppender(logs);
        api = FakeSlackWebApi.start();
        Map<String, String> env = new HashMap<>();
        env.put("SWITCHMAN_HOME", home.toString());
        env.put(Serve.PORT, "0");
        env.put("SLACK_BOT_TOKEN", TOKEN);
        env.put("SLACK_SIGNING_SECRET", SECRET);
        env.put("SLACK_API_URL", api.url());
        serve = Serve.start(env, List.of(runbooks().toString()), Serve.factories(), Clock.systemUTC(), new PrintStream(errors));
    }

    @AfterEach
    void stop() {
        if (serve != null) serve.close();
        api.close();
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }

    /** Neither the bot token nor the signing secret is in any log line (DEBUG included), Slack call or event. */
    private void noSecretAnywhere() {
        for (var e : logs.list) {
            String line = e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage());
            assertFalse(line.contains(TOKEN) || line.contains(SECRET), "a secret in the log: " + line);
        }
        assertTrue(logs.list.size() > 0, "the logs were captured");
        for (FakeSlackWebApi.Call c : api.calls()) {
            assertFalse(String.valueOf(c.params()).contains(SECRET) || String.valueOf(c.params()).contains(TOKEN), "a secret sent to Slack: " + c);
        }
        for (String run : serve.bot().store().runs()) {
            for (var e : serve.bot().store().read(run)) {
                assertFalse(e.payload().contains(TOKEN) || e.payload().contains(SECRET), "a secret in the event log: " + e);
            }
        }
    }

    private static Path runbooks() throws URISyntaxException {
        return Path.of(SlackServeTest.class.getResource("/it-runbooks-slack").toURI());
    }

    private String events() {
        return serve.url() + "/slack/events";
    }

    private java.net.http.HttpResponse<String> type(String user, String text) {
        var r = slack.post(events(), SignedSlackRequests.slashCommand(user, user.toLowerCase(), "C0RUN", text, "trig-" + triggers.incrementAndGet()));
        assertEquals(200, r.statusCode(), r.body());
        return r;
    }

    private java.net.http.HttpResponse<String> press(String user, String messageTs, String actionId) {
        var r = slack.post(events(), SignedSlackRequests.blockAction(user, user.toLowerCase(), "C0RUN", messageTs, actionId,
                "trig-" + triggers.incrementAndGet()));
        assertEquals(200, r.statusCode(), r.body());
        return r;
    }

    /** The action id of the button labelled {@code label} in a call's blocks, or null. */
    private String button(FakeSlackWebApi.Call c, String label) {
        try {
            String blocks = c.param("blocks");
            if (blocks == null) return null;
            for (JsonNode b : json.readTree(blocks)) {
                if (b.path("type").asText().equals("actions")) {
                    for (JsonNode e : b.path("elements")) {
                        if (e.path("text").path("text").asText().startsWith(label)) {
                            return e.path("action_id").asText();
                        }
                    }
                }
            }
            return null;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private boolean confirms(FakeSlackWebApi.Call c, String label) throws Exception {
        for (JsonNode b : json.readTree(c.param("blocks"))) {
            for (JsonNode e : b.path("elements")) {
                if (e.path("text").path("text").asText().equals(label)) {
                    return e.has("confirm");
                }
            }
        }
        return false;
    }

    private FakeSlackWebApi.Call statusWith(String ts, String label) {
        return api.await(c -> c.method().equals("chat.update") && ts.equals(c.param("ts")) && button(c, label) != null, 20,
                "a status edit with a " + label + " button");
    }

    @Test
    void aWholeRunInSlack() throws Exception {
        assertTrue(serve.paths().containsAll(List.of("/slack/events", "/health")), serve.paths().toString());

        // start: the status message is posted top-level and becomes the run's thread
        type("UALICE", "start slack-run");
        // (the first start waits for the rule packs to compile: seconds, more on a loaded machine)
        FakeSlackWebApi.Call status = api.await(c -> c.method().equals("chat.postMessage") && button(c, "Done") != null, 90,
                "the status message");
        assertNull(status.param("thread_ts"));
        String ts = api.posted(status);
        FakeSlackWebApi.Call withDone = status;

        // done by button, as the owner
        press("UALICE", ts, button(withDone, "Done prep"));
        FakeSlackWebApi.Call withApprove = statusWith(ts, "Approve approve-cutover");

        // an approval by someone without the role is refused, ephemeral, and changes nothing
        press("UALICE", ts, button(withApprove, "Approve"));
        FakeSlackWebApi.Call refusal = api.await(c -> c.method().equals("chat.postEphemeral") && "UALICE".equals(c.param("user")), 20,
                "the refusal");
        assertTrue(refusal.param("text").toLowerCase().contains("approvers") || refusal.param("blocks").contains("approvers"),
                api.summary());

        // granted by the approver's press; Slack rate-limits the next status edit (429, Retry-After: 1): it comes later
        api.failNext("chat.update", 1, 429, "1");
        press("UBOB", ts, button(withApprove, "Approve"));
        FakeSlackWebApi.Call withGo = statusWith(ts, "Go");
        assertTrue(api.calls().stream().anyMatch(c -> c.method().equals("chat.update") && c.status() == 429), api.summary());
        assertTrue(confirms(withGo, "Go"), "Go carries Slack's confirm dialog");

        // go: the press is the confirmation (Slack asked "are you sure?" already)
        press("UBOB", ts, button(withGo, "Go"));
        api.await(c -> c.method().equals("chat.update") && ts.equals(c.param("ts")) && button(c, "Done switch") != null, 30,
                "the status at the switch step");

        // the last step by a typed command; the run ends
        type("UALICE", "done switch");
        int before = api.calls().size();
        api.await(c -> api.calls().indexOf(c) >= before && c.method().equals("chat.update") && ts.equals(c.param("ts"))
                && button(c, "Done") == null && button(c, "Go") == null && button(c, "Approve") == null, 30, "the final status");

        // one status message, first in the channel, edited in place (coalesced: at least one edit per change of
        // step, Done -> Approve -> Go/switch -> finished); every other public message in its thread
        List<FakeSlackWebApi.Call> posts = api.calls("chat.postMessage");
        assertEquals(status, posts.get(0), api.summary());
        assertTrue(posts.subList(1, posts.size()).stream().allMatch(c -> ts.equals(c.param("thread_ts"))), api.summary());
        assertTrue(api.calls("chat.update").stream().allMatch(c -> ts.equals(c.param("ts"))), api.summary());
        assertTrue(api.calls("chat.update").size() >= 3, api.summary());
        noSecretAnywhere();
    }

    @Test
    void forgedAndStaleRequestsAreRefusedOverHttpAndNothingActs() {
        String body = SignedSlackRequests.slashCommand("UALICE", "alice", "C0RUN", "start slack-run", "trig-x");
        var signed = slack.signed(events(), body);
        var forged = java.net.http.HttpRequest.newBuilder(signed.uri())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", signed.headers().firstValue("X-Slack-Request-Timestamp").orElseThrow())
                .header("X-Slack-Signature", "v0=" + "0".repeat(64))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
        assertEquals(401, slack.send(forged).statusCode());
        var stale = new SignedSlackRequests(SECRET, Clock.offset(Clock.systemUTC(), java.time.Duration.ofMinutes(-6)));
        assertEquals(401, stale.post(events(), body).statusCode());
        var other = new SignedSlackRequests("another-signing-secret-000000", Clock.systemUTC());
        assertEquals(401, other.post(events(), body).statusCode());
        assertTrue(api.calls().isEmpty(), "nothing was acted on: " + api.summary());
        assertTrue(serve.bot().activeRun("C0RUN").isEmpty());
    }
}
