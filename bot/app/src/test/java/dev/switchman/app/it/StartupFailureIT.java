package dev.switchman.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.app.testing.SwitchmanProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up failures through the real jar: one sentence naming the cause and what to do, exit 1, no
 * stack trace unless {@code --debug}, and never the password of the database URL.
 */
class StartupFailureIT {

    private static final String[] CONSOLE = {"console", "--script", "-", "--as", "alice"};

    @TempDir
    Path home;

    private SwitchmanProcess.Result console(String dbUrl, String... extra) throws Exception {
        String[] args = new String[CONSOLE.length + extra.length];
        System.arraycopy(CONSOLE, 0, args, 0, CONSOLE.length);
        System.arraycopy(extra, 0, args, CONSOLE.length, extra.length);
        return SwitchmanProcess.run(Map.of("SWITCHMAN_HOME", home.toString(), "SWITCHMAN_DB_URL", dbUrl), "status\n", args);
    }

    private static void assertOneSentence(SwitchmanProcess.Result r, String expected, String secret) {
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("switchman: " + expected), r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), "no stack trace without --debug:\n" + r.err());
        assertFalse(r.err().lines().count() > 3, "a sentence, not a report:\n" + r.err());
        if (secret != null) {
            assertFalse(r.err().contains(secret) || r.out().contains(secret), "the password never shows:\n" + r.err() + r.out());
        }
    }

    @Test
    void anUnreachablePostgresIsOneSentenceWithoutThePassword() throws Exception {
        SwitchmanProcess.Result r = console("jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=s3cr3t-start&connectTimeout=2");
        assertOneSentence(r, "cannot reach the database of jdbc:postgresql://127.0.0.1:1/test", "s3cr3t-start");
        assertTrue(r.err().contains("start it, or correct the host and port in SWITCHMAN_DB_URL"), r.err());
    }

    @Test
    void anUnsupportedUrlIsOneSentenceWithoutThePassword() throws Exception {
        SwitchmanProcess.Result r = console("jdbc:mysql://db.example.test/x?user=a&password=s3cr3t-url");
        assertOneSentence(r, "unsupported event store URL 'jdbc:mysql://db.example.test/x?user=a&password=***'", "s3cr3t-url");
    }

    @Test
    void aDamagedH2FileIsOneSentence() throws Exception {
        Path dir = Files.createDirectories(home.resolve("damaged"));
        Files.writeString(dir.resolve("switchman.mv.db"), "this is not an H2 database\n".repeat(200));
        SwitchmanProcess.Result r = console("jdbc:h2:file:" + dir.resolve("switchman").toString().replace('\\', '/'));
        assertOneSentence(r, "the event store jdbc:h2:file:", null);
        assertTrue(r.err().contains("cannot be read (the file is damaged or not a Switchman H2 store)"), r.err());
    }

    @Test
    void aSecondBotOnOneH2FileIsRefusedAndDebugShowsTheTrace() throws Exception {
        String url = "jdbc:h2:file:" + home.resolve("shared").toString().replace('\\', '/');
        try (SwitchmanProcess first = SwitchmanProcess.start(Map.of("SWITCHMAN_HOME", home.toString(), "SWITCHMAN_DB_URL", url), CONSOLE)) {
            first.command("status", "alice"); // the first bot is up and holds the file
            SwitchmanProcess.Result second = console(url);
            // the app adds ;WRITE_DELAY=0 to an H2 URL: match the sentence around it
            assertOneSentence(second, "the event store " + url, null);
            assertTrue(second.err().contains(" is in use by another Switchman process: stop that bot first"), second.err());

            SwitchmanProcess.Result debug = console(url, "--debug");
            assertEquals(1, debug.code(), debug.err());
            assertTrue(debug.err().contains("is in use by another Switchman process") && debug.err().contains("\tat "), debug.err());
        }
    }
}
