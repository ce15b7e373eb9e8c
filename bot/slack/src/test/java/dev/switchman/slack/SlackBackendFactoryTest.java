package dev.switchman.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.chat.ChatBackend;
import dev.switchman.core.chat.ChatBackendFactory;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class SlackBackendFactoryTest {

    private static final String TOKEN = "xoxb-1234-5678-abcdefghijkl";
    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private final SlackBackendFactory factory = new SlackBackendFactory();

    private String error(Map<String, String> env) {
        String m = assertThrows(IllegalArgumentException.class, () -> factory.create(env, Clock.systemUTC())).getMessage();
        for (String v : env.values()) {
            assertFalse(m.contains(v), "the message shows a value: " + m);
        }
        return m;
    }

    @Test
    void isFoundByServiceLoader() {
        assertTrue(ServiceLoader.load(ChatBackendFactory.class).stream().anyMatch(p -> p.type() == SlackBackendFactory.class));
    }

    @Test
    void configuredByAnyOfItsVariables() {
        assertFalse(factory.configured(Map.of()));
        assertFalse(factory.configured(Map.of("SLACK_BOT_TOKEN", " ")));
        assertTrue(factory.configured(Map.of("SLACK_SIGNING_SECRET", SECRET)));
    }

    @Test
    void eachMissingOrInvalidSettingIsOneSentenceWithoutItsValue() {
        assertTrue(error(Map.of("SLACK_SIGNING_SECRET", SECRET)).startsWith("SLACK_BOT_TOKEN is not set"));
        assertTrue(error(Map.of("SLACK_BOT_TOKEN", "xoxp-user-token-1234567", "SLACK_SIGNING_SECRET", SECRET))
                .startsWith("SLACK_BOT_TOKEN is not a bot token"));
        assertTrue(error(Map.of("SLACK_BOT_TOKEN", TOKEN)).startsWith("SLACK_SIGNING_SECRET is not set"));
        assertTrue(error(Map.of("SLACK_BOT_TOKEN", TOKEN, "SLACK_APP_TOKEN", "xoxb-not-an-app-token-123")).startsWith("SLACK_APP_TOKEN is not an app-level token"));
        assertTrue(error(Map.of("SLACK_BOT_TOKEN", TOKEN, "SLACK_SIGNING_SECRET", "short1")).startsWith("SLACK_SIGNING_SECRET is too short"));
        assertTrue(error(Map.of("SLACK_BOT_TOKEN", TOKEN, "SLACK_SIGNING_SECRET", SECRET, "SLACK_API_URL", "ftp://proxy.example/"))
                .startsWith("SLACK_API_URL must be an http(s) URL"));
        assertTrue(error(Map.of("SLACK_BOT_TOKEN", TOKEN, "SLACK_SIGNING_SECRET", SECRET, "SLACK_API_URL", "https://u:pw@proxy.example/"))
                .startsWith("SLACK_API_URL must be an http(s) URL"));
        // not a secret: its value is shown
        assertEquals("SLACK_USER_GROUPS must be true or false, got 'yes'", assertThrows(IllegalArgumentException.class,
                () -> factory.create(Map.of("SLACK_BOT_TOKEN", TOKEN, "SLACK_SIGNING_SECRET", SECRET, "SLACK_USER_GROUPS", "yes"),
                        Clock.systemUTC())).getMessage());
    }

    @Test
    void doctorChecksTheTokenWithAuthTest() throws Exception {
        try (dev.switchman.slack.testing.FakeSlackWebApi api = dev.switchman.slack.testing.FakeSlackWebApi.start()) {
            Map<String, String> env = Map.of("SLACK_BOT_TOKEN", TOKEN, "SLACK_SIGNING_SECRET", SECRET, "SLACK_API_URL", api.url());
            List<ChatBackendFactory.Finding> ok = factory.doctor(env, Clock.systemUTC());
            assertEquals(new ChatBackendFactory.Finding(true, "configuration is valid: HTTP mode (/slack/events)"), ok.get(0));
            assertEquals(new ChatBackendFactory.Finding(true, "SLACK_BOT_TOKEN is accepted: bot switchman (U0BOT) in team Fake (T0FAKE) at "
                    + api.url()), ok.get(1));
            api.failNext("auth.test", 1, 500, null);
            ChatBackendFactory.Finding wrong = factory.doctor(env, Clock.systemUTC()).get(1);
            assertFalse(wrong.ok());
            assertEquals("SLACK_BOT_TOKEN is not accepted at " + api.url() + ": Slack auth.test: HTTP 500", wrong.text());
            assertFalse(factory.doctor(Map.of("SLACK_BOT_TOKEN", "nope"), Clock.systemUTC()).get(0).ok());
        }
    }

    @Test
    void anAppTokenAloneIsSocketModeWithoutAnEndpoint() {
        ChatBackend b = factory.create(Map.of("SLACK_BOT_TOKEN", TOKEN, "SLACK_APP_TOKEN", "xapp-1-A0APP-1-abcdef0123"), Clock.systemUTC());
        assertTrue(b.endpoints().isEmpty());
        b.close();
    }

    @Test
    void createsAnHttpModeBackendWithItsEndpoint() {
        ChatBackend b = factory.create(Map.of("SLACK_BOT_TOKEN", TOKEN, "SLACK_SIGNING_SECRET", SECRET, "SLACK_API_URL", "http://127.0.0.1:9/api"),
                Clock.systemUTC());
        assertEquals("slack", b.name());
        assertEquals("/slack/events", b.endpoints().get(0).path());
        b.close();
    }
}
