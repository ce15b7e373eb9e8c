package dev.switchman.app.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.app.bot.CrashPointEventStore;
import dev.switchman.app.testing.SwitchmanProcess;
import dev.switchman.core.event.Event;
import dev.switchman.core.event.EventStore;
import dev.switchman.core.event.EventStores;
import dev.switchman.core.run.PlannedStep;
import dev.switchman.core.run.RunState;
import dev.switchman.core.run.RunStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real process death at every commit point: the app (its main class in a child JVM on the test class
 * path) runs the console in script mode on an H2 file store with {@value CrashPointEventStore#ENV}{@code =N},
 * so it halts itself ({@code Runtime.halt(137)}: no shutdown hooks, no flushing, what {@code kill -9}
 * leaves) right after the Nth event commits, while the test drives the {@code kill-test} runbook (start,
 * a note, an approval by another user, three more steps) through stdin. A second process on the same
 * store resumes; the test checks that
 * <ul>
 *   <li>the store holds exactly the events committed before the halt (N, or the end of the batch holding N);</li>
 *   <li>{@code status} after the restart shows that state: the same run, the current step the committed
 *       events make, the notes and the approval they hold;</li>
 *   <li>the command in flight, sent again, and the rest of the script drive the run to its end, with no
 *       step completed and no approval granted twice, and one run in the store.</li>
 * </ul>
 * N is a spread of four commit points by default ({@link #ALL_PROPERTY} walks every commit point of the
 * uninterrupted run: a batch commits whole, so after a halt at N the next N is the first event after that
 * batch). A halt between two steps (a run started or a step completed, the next step's start in a later
 * commit) resumes at the next step: reported as such, and that step must be one not done yet. The in-process harness ({@link CrashAtEveryEventIT}) covers
 * the longer scripted run on H2 and PostgreSQL; this test covers what only a real process shows (a halt
 * with buffers unflushed, file locks released by the OS, a cold start on the same file).
 */
class CrashPointKillIT {

    private record Command(String user, String text) {
    }

    private static final List<Command> SCRIPT = List.of(
            new Command("alice", "start kill-test"),
            new Command("alice", "done prep \"first note\""),
            new Command("bob", "approve approve-it"),
            new Command("alice", "done second \"note two\""),
            new Command("alice", "done third"),
            new Command("alice", "done fourth"));

    /** What one halt showed: the event it was armed for, the events committed, the command in flight, what went wrong. */
    private record KillPoint(int armedAt, int committed, String inFlight, String lastEvent, String healed, List<String> problems) {
    }

    @TempDir
    Path root;

    @Test
    void haltsAtEveryCommitPointAndResumesOnH2() throws Exception {
        long started = System.nanoTime();
        // the reference: the whole script, never halted
        Path refHome = root.resolve("reference");
        try (SwitchmanProcess bot = SwitchmanProcess.startOnTestClasspath(env(refHome, 0), args())) {
            for (Command c : SCRIPT) {
                bot.command("as " + c.user(), c.user());
                bot.command(c.text(), c.user());
            }
            assertEquals(0, bot.finish(SwitchmanProcess.START_TIMEOUT), bot.stderr());
        }
        List<Event> reference = events(refHome);
        assertEquals(RunStatus.COMPLETED, RunState.replay(reference.get(0).runId(), reference).status(), reference.toString());
        int total = reference.size();

        List<KillPoint> points = new ArrayList<>();
        if (Boolean.getBoolean(ALL_PROPERTY)) {
            for (int n = 1; n <= total; ) {
                KillPoint p = haltAndResume(root.resolve("halt-" + n), n);
                points.add(p);
                n = Math.max(n, p.committed()) + 1;
            }
        } else {
            for (int n : sample(reference)) {
                points.add(haltAndResume(root.resolve("halt-" + n), n));
            }
        }
        StringBuilder b = new StringBuilder("real-process crash points on H2 (" + (Boolean.getBoolean(ALL_PROPERTY) ? "every commit point" : "sample")
                + "): " + points.size() + " halts over the " + total
                + " events of the uninterrupted run, " + points.stream().filter(p -> p.problems().isEmpty()).count() + " resumed exactly, "
                + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
        for (KillPoint p : points) {
            b.append("\n  ").append(p.problems().isEmpty() ? "ok     " : "BROKEN ").append("armed at ").append(p.armedAt())
                    .append(", halted after event ").append(p.committed()).append(' ').append(p.lastEvent())
                    .append(" (in flight: ").append(p.inFlight()).append(')')
                    .append(p.healed() == null ? "" : ", between two steps: resumed at the next, " + p.healed());
            p.problems().forEach(x -> b.append("\n      ").append(x));
        }
        System.out.println(b);
        assertTrue(points.size() >= (Boolean.getBoolean(ALL_PROPERTY) ? SCRIPT.size() : 4), "halts exercised: " + b);
        assertTrue(points.stream().allMatch(p -> p.problems().isEmpty()), b.toString());
    }

    /**
     * Every commit point takes two cold starts of the app (about 15 s each on 2 busy cores: the whole walk,
     * 8 halts, took 234 s), so by default a spread of four is exercised: inside the start (between its
     * commits), a step completed with a note, the approval by another user, and the last event (the run's
     * end). {@code -Dswitchman.crashpoints.all=true} walks every commit point.
     */
    static final String ALL_PROPERTY = "switchman.crashpoints.all";

    private static List<Integer> sample(List<Event> reference) {
        List<Integer> out = new ArrayList<>(List.of(1));
        for (int i = 0; i < reference.size(); i++) {
            Event e = reference.get(i);
            boolean note = e.type().equals(dev.switchman.core.run.EventTypes.STEP_COMPLETED) && e.payload().contains("first note");
            if (note || e.type().equals(dev.switchman.core.run.EventTypes.APPROVED)) {
                out.add(i + 1);
            }
        }
        out.add(reference.size());
        return out.stream().distinct().toList();
    }

    private static KillPoint haltAndResume(Path home, int n) throws Exception {
        List<String> problems = new ArrayList<>();
        String healed = null;
        // first life: the script until the process halts itself
        int inFlight = -1;
        try (SwitchmanProcess bot = SwitchmanProcess.startOnTestClasspath(env(home, n), args())) {
            for (int i = 0; i < SCRIPT.size() && inFlight < 0; i++) {
                Command c = SCRIPT.get(i);
                if (bot.commandUnlessItDies("as " + c.user(), c.user()).isEmpty() || bot.commandUnlessItDies(c.text(), c.user()).isEmpty()) {
                    inFlight = i;
                }
            }
            if (inFlight < 0) {
                return new KillPoint(n, -1, "nothing", "-", null, List.of("the process did not halt: the run wrote fewer than " + n + " events"));
            }
            int code = bot.exitCode(Duration.ofSeconds(60));
            if (code != 137) {
                problems.add("exit status " + code + ", expected 137 (Runtime.halt)\n" + bot.stderr());
            }
        }
        List<Event> committed = events(home);
        String what = SCRIPT.get(inFlight).user() + ": " + SCRIPT.get(inFlight).text();
        String last = committed.isEmpty() ? "-" : committed.get(committed.size() - 1).type();
        if (committed.size() < n) {
            problems.add("the store holds " + committed.size() + " events, the process halted after event " + n + " committed");
        }
        RunState expected = committed.isEmpty() ? null : RunState.replay(committed.get(0).runId(), committed);

        // second life: the same store, the command in flight again, then the rest
        try (SwitchmanProcess bot = SwitchmanProcess.startOnTestClasspath(env(home, 0), args())) {
            String status = bot.command("status", "alice");
            if (expected != null && !expected.status().finished()) {
                if (!status.contains("run " + expected.runId())) {
                    problems.add("status after the restart does not name run " + expected.runId() + ":\n" + status);
                }
                String current = expected.current().map(PlannedStep::stepId).orElse(null);
                String shown = SwitchmanProcess.currentStep(status);
                if (current == null) {
                    // halted between two steps (the run started or a step completed, the next not started yet, in a
                    // later commit): resume walks on to the next step, which must be one not done yet
                    if (shown.isEmpty() || expected.completedSteps().contains(shown)) {
                        problems.add("halted between two steps, the restart shows step '" + shown + "' current:\n" + status);
                    } else {
                        healed = shown;
                    }
                } else if (!current.equals(shown)) {
                    problems.add("status after the restart shows step '" + shown + "' current, the committed events make it '"
                            + current + "':\n" + status);
                }
                for (String note : List.of("first note", "note two")) {
                    boolean kept = expected.steps().stream().anyMatch(s -> note.equals(s.note()));
                    if (kept != SwitchmanProcess.withoutStatusEdits(status).contains(note)) {
                        problems.add("the note '" + note + "' is " + (kept ? "committed but not shown" : "shown but not committed") + ":\n" + status);
                    }
                }
                if (expected.approvals().containsKey("approve-it") != SwitchmanProcess.withoutStatusEdits(status).contains("approve-it by console:bob")) {
                    problems.add("the approval shown after the restart differs from the committed one:\n" + status);
                }
            }
            for (int i = inFlight; i < SCRIPT.size(); i++) {
                Command c = SCRIPT.get(i);
                bot.command("as " + c.user(), c.user());
                bot.command(c.text(), c.user());
            }
            int code = bot.finish(SwitchmanProcess.START_TIMEOUT);
            if (code != 0) {
                problems.add("the resumed bot ended with exit status " + code + "\n" + bot.stderr());
            }
        }
        List<Event> all = events(home);
        List<String> runs = all.stream().map(Event::runId).distinct().toList();
        if (runs.size() != 1) {
            problems.add("the store holds " + runs.size() + " runs, one was started: " + runs);
        } else {
            RunState end = RunState.replay(runs.get(0), all);
            if (end.status() != RunStatus.COMPLETED) {
                problems.add("the run did not reach its end: " + end.status() + " at " + end.current().map(PlannedStep::stepId).orElse("-"));
            }
        }
        ScriptedRun.appliedTwice(all).forEach(t -> problems.add("applied twice: " + t));
        return new KillPoint(n, committed.size(), what, last, healed, problems);
    }

    private static String[] args() throws Exception {
        return new String[] {"console", "--script", "-", "--as", "alice", "--runbooks",
                Path.of(CrashPointKillIT.class.getResource("/it-runbooks").toURI()).toString()};
    }

    private static Map<String, String> env(Path home, int crashAfter) {
        return crashAfter > 0
                ? Map.of("SWITCHMAN_HOME", home.toString(), "SWITCHMAN_DB_URL", EventStores.h2Url(home), CrashPointEventStore.ENV, String.valueOf(crashAfter))
                : Map.of("SWITCHMAN_HOME", home.toString(), "SWITCHMAN_DB_URL", EventStores.h2Url(home));
    }

    /** Every event in the store at {@code home}, runs in order (read while no bot has it open). */
    private static List<Event> events(Path home) {
        try (EventStore store = EventStores.open(EventStores.h2Url(home))) {
            List<Event> out = new ArrayList<>();
            store.runs().forEach(r -> out.addAll(store.read(r)));
            return out;
        }
    }
}
