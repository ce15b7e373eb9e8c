package dev.switchman.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.app.testing.SwitchmanProcess;
import dev.switchman.slack.testing.FakeSlackWebApi;
import dev.switchman.slack.testing.SignedSlackRequests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code switchman serve} through the real jar: configuration errors, the Slack backend found in the fat jar, SIGTERM. */
class ServeIT {

    private static final String TOKEN = "xoxb-9999-8888-serve-it-token";
    private static final String SECRET = "c0ffee0c0ffee0c0ffee0c0ffee0c0f";

    @TempDir
    Path home;

    @Test
    void withoutAnyBackendItSaysWhatToSet() throws Exception {
        SwitchmanProcess.Result r = SwitchmanProcess.run(Map.of("SWITCHMAN_HOME", home.toString()), null, "serve");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("switchman serve: no chat backend is configured; set "), r.err());
        assertTrue(r.err().contains("slack (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET)"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void aBadTokenIsOneSentenceWithoutTheToken() throws Exception {
        SwitchmanProcess.Result r = SwitchmanProcess.run(Map.of("SWITCHMAN_HOME", home.toString(), "SLACK_BOT_TOKEN", "xoxp-user-9999-8888-7777",
                "SLACK_SIGNING_SECRET", SECRET), null, "serve");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().startsWith("switchman serve: slack: SLACK_BOT_TOKEN is not a bot token"), r.err());
        assertFalse(r.err().contains("xoxp-user-9999-8888-7777") || r.err().contains(SECRET), r.err());
    }

    @Test
    void servesSlackUntilTerminated() throws Exception {
        try (FakeSlackWebApi api = FakeSlackWebApi.start();
             SwitchmanProcess p = SwitchmanProcess.start(Map.of("SWITCHMAN_HOME", home.toString(), "SWITCHMAN_HTTP_PORT", "0",
                     "SLACK_BOT_TOKEN", TOKEN, "SLACK_SIGNING_SECRET", SECRET, "SLACK_API_URL", api.url()), "serve")) {
            String out = p.awaitStdout("/health)", SwitchmanProcess.START_TIMEOUT);
            Matcher m = Pattern.compile("switchman serve: slack on (http://127\\.0\\.0\\.1:\\d+) \\(/slack/events, .*/health\\)").matcher(out);
            assertTrue(m.find(), out);
            String base = m.group(1);
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("{\"status\":\"ok\",\"backends\":[\"slack\"]}", health.body());
            SignedSlackRequests slack = new SignedSlackRequests(SECRET, Clock.systemUTC());
            HttpResponse<String> typo = slack.post(base + "/slack/events",
                    SignedSlackRequests.slashCommand("U1", "ann", "C1", "frobnicate", "t1"));
            assertEquals(200, typo.statusCode());
            assertTrue(typo.body().contains("\"response_type\":\"ephemeral\"") && typo.body().contains("frobnicate"), typo.body());
            p.terminate();
            assertEquals(143, p.exitCode(Duration.ofSeconds(60)), p.stderr());
            assertFalse(p.stdout().contains(TOKEN) || p.stderr().contains(TOKEN) || p.stderr().contains(SECRET), p.stderr());
        }
    }
}
