package dev.switchman.core.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void masksThePasswordOfAnyUrlsUserInfo() {
        assertEquals("GET https://deploy:***@127.0.0.1:8080/health failed",
                Secrets.redact("GET https://deploy:hunter2@127.0.0.1:8080/health failed"));
        assertEquals("jdbc:postgresql://sm:***@db/x", Secrets.redact("jdbc:postgresql://sm:hunter2@db/x"));
        assertEquals("amqp://guest:***@127.0.0.1:5672/", Secrets.redact("amqp://guest:p@ss@127.0.0.1:5672/"));
        assertEquals("{\"url\":\"https://u:***@hooks.example.test/x\"}", Secrets.redact("{\"url\":\"https://u:s3cr3t@hooks.example.test/x\"}"));
    }

    @Test
    void leavesUrlsWithoutPasswordsAlone() {
        String s = "https://example.test:8443/a?b=c and http://user@host/ and mailto:ops@example.test";
        assertEquals(s, Secrets.redact(s));
    }

    @Test
    void masksSecretParameters() {
        assertEquals("jdbc:postgresql://db/x?user=sm&password=***&ssl=true", Secrets.redact("jdbc:postgresql://db/x?user=sm&password=hunter2&ssl=true"));
        assertEquals("jdbc:h2:file:/tmp/x;USER=sa;PASSWORD=***", Secrets.redact("jdbc:h2:file:/tmp/x;USER=sa;PASSWORD=pw"));
        assertEquals("Server=db;Pwd=***;", Secrets.redact("Server=db;Pwd=topsecret;"));
        assertEquals("sslpassword=*** rejected", Secrets.redact("sslpassword=k3y-pass rejected"));
        assertEquals("{\"password\":\"***\",\"user\":\"a\"}", Secrets.redact("{\"password\":\"x\\\"y\",\"user\":\"a\"}"));
        assertEquals("?access_token=***", Secrets.redact("?access_token=abc123"));
    }

    @Test
    void doesNotMaskWordsThatOnlyContainAKey() {
        String s = "missing-token=3 tokens=4 password-age: 30 days";
        assertEquals(s, Secrets.redact(s));
    }

    @Test
    void masksChatTokens() {
        assertEquals("bot xoxb-*** app xapp-*** user xoxp-***",
                Secrets.redact("bot xoxb-1234-5678-abcdEFGH app xapp-1-A0-123-abc user xoxp-99-88-77"));
        assertEquals("Authorization: Bearer ***", Secrets.redact("Authorization: Bearer eyJhbGciOi.x-y_z123"));
        assertEquals("token ***.", Secrets.redact("token MTA5ODc2NTQzMjEwOTg3NjU0.GhIjKl.abcdefghijklmnopqrstuvwxyz0123."));
    }

    @Test
    void masksRegisteredValuesAnywhere() {
        Secrets.register("Zq9-registered-Secret");
        assertEquals("the password is *** (and ***)", Secrets.redact("the password is Zq9-registered-Secret (and Zq9-registered-Secret)"));
        Secrets.register("ab");
        assertEquals("ab cab", Secrets.redact("ab cab"), "values too short to be told from words are not registered");
    }

    @Test
    void isIdempotentAndNullSafe() {
        String once = Secrets.redact("https://u:p@h/?password=x xoxb-1234-abcd");
        assertEquals(once, Secrets.redact(once));
        assertNull(Secrets.redact(null));
        assertTrue(Secrets.containsSecret("pwd=x"));
        assertFalse(Secrets.containsSecret("no secret here"));
    }

    @Test
    void redactsExceptionMessages() {
        assertEquals("cannot open jdbc:postgresql://db/x?password=***",
                Secrets.message(new IllegalStateException("cannot open jdbc:postgresql://db/x?password=pw")));
        assertEquals("IllegalStateException", Secrets.message(new IllegalStateException()));
    }

    @Test
    void masksBearerTokensWhateverTheCase() {
        assertEquals("BEarer *** and bearer ***", Secrets.redact("BEarer abcdefgh1234 and bearer abcdefgh5678"));
    }

    @Test
    void redactsStackTracesWithTheirCauses() {
        Exception e = new IllegalStateException("run failed", new java.io.IOException("POST https://hook:Pa55-w0rd@127.0.0.1/x refused"));
        String trace = Secrets.stackTrace(e);
        assertTrue(trace.contains("Caused by: java.io.IOException: POST https://hook:***@127.0.0.1/x refused"), trace);
        assertTrue(trace.contains("\tat dev.switchman.core.secret.SecretsTest"), "the frames stay: " + trace);
        assertFalse(trace.contains("Pa55-w0rd"));
    }
}
