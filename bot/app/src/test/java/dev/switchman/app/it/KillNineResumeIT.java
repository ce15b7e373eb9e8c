package dev.switchman.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.app.testing.PostgresSchema;
import dev.switchman.app.testing.SwitchmanProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar, killed with SIGKILL in the middle of a run, resumes where it was: same run, same
 * step, the approval and the notes, from an H2 file and from PostgreSQL.
 */
class KillNineResumeIT {

    private static final Pattern RUN_ID = Pattern.compile("run ([A-Za-z0-9_-]+)");

    @TempDir
    Path home;

    private static Path testRunbooks() throws Exception {
        return Path.of(KillNineResumeIT.class.getResource("/it-runbooks").toURI());
    }

    @Test
    void resumesTheRunAfterKillNineWithH2() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("SWITCHMAN_HOME", home.toString());
        env.remove("SWITCHMAN_DB_URL");
        env.put("SWITCHMAN_DB_URL", "jdbc:h2:file:" + home.resolve("store").toString().replace('\\', '/'));
        killAndResume(env);
        assertTrue(Files.list(home).anyMatch(p -> p.getFileName().toString().startsWith("store")), "the H2 file is in SWITCHMAN_HOME");
    }

    @Test
    void resumesTheRunAfterKillNineWithPostgres() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create("kill")) {
            Map<String, String> env = new HashMap<>();
            env.put("SWITCHMAN_HOME", home.toString());
            env.put("SWITCHMAN_DB_URL", schema.url());
            killAndResume(env);
        }
    }

    private void killAndResume(Map<String, String> env) throws Exception {
        String[] args = {"console", "--script", "-", "--as", "alice", "--runbooks", testRunbooks().toString()};
        String before;
        String runId;
        try (SwitchmanProcess bot = SwitchmanProcess.start(env, args)) {
            String started = bot.command("start kill-test", "alice");
            Matcher m = RUN_ID.matcher(started);
            assertTrue(m.find(), "start names the run:\n" + started);
            runId = m.group(1);
            bot.command("done prep \"first note\"", "alice");
            String refused = bot.command("approve approve-it", "alice");
            assertTrue(refused.toLowerCase().contains("approv"), refused);
            bot.command("as bob", "bob");
            bot.command("approve approve-it", "bob");
            bot.command("as alice", "alice");
            bot.command("done second \"note two\"", "alice");
            before = bot.command("status", "alice");
            bot.killHard();
        }
        assertTrue(before.contains(runId), before);
        assertTrue(before.contains("first note") && before.contains("note two"), before);
        assertTrue(before.contains("approve-it by console:bob"), before);

        try (SwitchmanProcess bot = SwitchmanProcess.start(env, args)) {
            String after = bot.command("status", "alice");
            assertTrue(after.contains("run " + runId), "same run after restart:\n" + after);
            assertTrue(after.contains("first note") && after.contains("note two"), after);
            assertTrue(after.contains("approve-it by console:bob"), after);
            assertEquals(stepLines(before), stepLines(after), "same steps, same marks, same notes\n--- before\n" + before + "\n--- after\n" + after);
            assertEquals(currentStep(before), currentStep(after));
            assertEquals("third", currentStep(after));
            bot.command("done third", "alice");
            String next = bot.command("status", "alice");
            assertEquals("fourth", currentStep(next), next);
        }
    }

    private static List<String> stepLines(String status) {
        return SwitchmanProcess.stepLines(status, "prep|approve-it|second|third|fourth");
    }

    private static String currentStep(String status) {
        return SwitchmanProcess.currentStep(status);
    }
}
