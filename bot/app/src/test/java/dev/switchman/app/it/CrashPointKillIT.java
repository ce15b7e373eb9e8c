package dev.switchman.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.app.bot.CrashPointEventStore;
import dev.switchman.core.event.Event;
import dev.switchman.core.event.EventStore;
import dev.switchman.core.event.EventStores;
import dev.switchman.core.run.EventTypes;
import dev.switchman.core.run.RunState;
import dev.switchman.core.run.StepRecord;
import dev.switchman.core.run.StepStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar halted ({@code Runtime.halt}, like {@code kill -9}) right after its Nth event commits
 * ({@value CrashPointEventStore#ENV}), at a few event boundaries of the kill-test run (after the start,
 * around the approval, near the end); restarted, its {@code status} shows the committed state, the
 * script run again from the top applies nothing twice, and the run ends. {@code CrashAtEveryEventIT}
 * covers every boundary in process.
 */
class CrashPointKillIT {

    private static final Pattern CURRENT = Pattern.compile("(?m)^\\s+▶ ([a-z0-9-]+)\\s");
    private static final Pattern DONE = Pattern.compile("(?m)^\\s+✔ ([a-z0-9-]+)\\s");
    private static final List<String[]> SCRIPT = List.of(
            new String[] {"start kill-test", "alice"},
            new String[] {"done prep \"first note\"", "alice"},
            new String[] {"as bob", "bob"},
            new String[] {"approve approve-it", "bob"},
            new String[] {"as alice", "alice"},
            new String[] {"done second \"note two\"", "alice"},
            new String[] {"done third", "alice"},
            new String[] {"done fourth", "alice"});

    @TempDir
    Path home;

    private static Path testRunbooks() throws Exception {
        return Path.of(CrashPointKillIT.class.getResource("/it-runbooks").toURI());
    }

    @ParameterizedTest(name = "halted after event {0}")
    @ValueSource(ints = {2, 5, 9})
    void resumesAfterAHaltAtAnEventBoundary(int killAfter) throws Exception {
        String url = "jdbc:h2:file:" + home.resolve("store").toString().replace('\\', '/');
        Map<String, String> env = new HashMap<>();
        env.put("SWITCHMAN_HOME", home.toString());
        env.put("SWITCHMAN_DB_URL", url);
        String[] args = {"console", "--script", "-", "--as", "alice", "--runbooks", testRunbooks().toString()};

        // first life: the script until the JVM halts
        Map<String, String> armed = new HashMap<>(env);
        armed.put(CrashPointEventStore.ENV, String.valueOf(killAfter));
        int code;
        try (SwitchmanProcess bot = SwitchmanProcess.start(armed, args)) {
            for (String[] line : SCRIPT) {
                bot.send(line[0]);
            }
            code = bot.finish(SwitchmanProcess.START_TIMEOUT);
        }
        assertEquals(137, code, "the bot halted at the crash point");

        // what was committed, read from the database the bot left
        RunState committed;
        List<Event> events;
        try (EventStore store = EventStores.open(url)) {
            assertEquals(1, store.runs().size(), "one run: " + store.runs());
            String runId = store.runs().get(0);
            events = store.read(runId);
            committed = RunState.replay(runId, events);
        }
        assertEquals(killAfter, events.size(), "exactly the events up to the crash point are in the store");

        // second life: status shows the committed state; then the whole script again, then the end
        try (SwitchmanProcess bot = SwitchmanProcess.start(env, args)) {
            String status = bot.command("status", "alice");
            if (committed.runbookId() != null) {
                assertTrue(status.contains(committed.runId()), status);
                assertEquals(current(committed), match(CURRENT, status).stream().findFirst().orElse(""), "current step\n" + status);
                assertEquals(done(committed), new TreeSet<>(match(DONE, status)), "steps done\n" + status);
            }
            for (String[] line : SCRIPT) {
                bot.command(line[0], line[1]);
            }
            String end = bot.command("status", "alice");
            assertTrue(end.toLowerCase().contains("completed") || end.contains("no run") || end.contains("No active run"), end);
        }
        try (EventStore store = EventStores.open(url)) {
            for (String runId : store.runs()) {
                List<String> completions = new ArrayList<>();
                for (Event e : store.read(runId)) {
                    if (e.type().equals(EventTypes.STEP_COMPLETED) || e.type().equals(EventTypes.APPROVED)) {
                        String key = e.type() + " " + e.payload().replaceAll(".*\"step\":\"([^\"]+)\".*", "$1");
                        assertTrue(!completions.contains(key), "applied twice: " + key + " in run " + runId);
                        completions.add(key);
                    }
                }
            }
        }
    }

    /** The step the committed events leave current (started, not done), or "". */
    private static String current(RunState s) {
        return s.steps().stream().filter(r -> r.status() == StepStatus.CURRENT).map(StepRecord::stepId).findFirst().orElse("");
    }

    private static TreeSet<String> done(RunState s) {
        TreeSet<String> out = new TreeSet<>();
        for (StepRecord r : s.steps()) {
            if (r.status() == StepStatus.DONE) out.add(r.stepId());
        }
        return out;
    }

    private static List<String> match(Pattern p, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) out.add(m.group(1));
        return out;
    }
}
