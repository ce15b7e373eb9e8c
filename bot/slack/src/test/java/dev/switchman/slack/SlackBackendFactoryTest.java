package dev.switchman.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.chat.ChatBackend;
import dev.switchman.core.chat.ChatBackendFactory;
import java.time.Clock;
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
        assertEquals(SlackBackendFactory.SLACK_SOCKET_MODE_MISSING, error(Map.of("SLACK_BOT_TOKEN", TOKEN, "SLACK_APP_TOKEN", "xapp-1-abcdefghijkl")));
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
    void createsAnHttpModeBackendWithItsEndpoint() {
        ChatBackend b = factory.create(Map.of("SLACK_BOT_TOKEN", TOKEN, "SLACK_SIGNING_SECRET", SECRET, "SLACK_API_URL", "http://127.0.0.1:9/api"),
                Clock.systemUTC());
        assertEquals("slack", b.name());
        assertEquals("/slack/events", b.endpoints().get(0).path());
        b.close();
    }
}
