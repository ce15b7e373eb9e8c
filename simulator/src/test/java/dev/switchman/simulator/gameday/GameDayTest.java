package dev.switchman.simulator.gameday;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.bot.Bot;
import dev.switchman.core.chat.TranscriptBackend;
import dev.switchman.simulator.ProjectPaths;
import dev.switchman.simulator.replay.RehearsalResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import dev.switchman.core.time.ManualClock;
import dev.switchman.core.time.ManualScheduler;
import dev.switchman.core.time.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GameDayTest {

    @TempDir
    Path reports;
    TranscriptBackend chat;
    Bot bot;

    @BeforeEach
    void liveBot() {
        chat = new TranscriptBackend(Clock.systemUTC(), "gameday");
        bot = Bot.builder().backend(chat).build();
        bot.start();
        RehearseCommand.register(bot, ProjectPaths.root(), reports, wall);
    }

    /** The game day's wall clock: nothing moves until the test advances it to the pacer's next wake-up. */
    final ManualScheduler manual = new ManualScheduler(new ManualClock(Instant.parse("2026-11-30T09:00:00Z")));
    final BlockingQueue<Instant> wakeups = new LinkedBlockingQueue<>();
    final Scheduler wall = new Scheduler() {
        @Override
        public Clock clock() {
            return manual.clock();
        }

        @Override
        public Cancellable schedule(Instant at, Runnable task) {
            // queue the task before the test hears of it: told first, the test could advance the clock
            // past an empty queue while the pacer is still scheduling, and nobody would wake the pacer
            Cancellable c = manual.schedule(at, task);
            wakeups.add(at);
            return c;
        }

        @Override
        public void close() {
        }
    };

    /** Advances the wall clock to each wake-up the pacer asks for until the game day ends; returns the wall time it took. */
    private RehearsalResult playOut(GameDay game) throws Exception {
        game.result().whenComplete((r, e) -> wakeups.add(Instant.MAX));
        while (true) {
            Instant due = wakeups.poll(60, TimeUnit.SECONDS);
            assertNotNull(due, "the game day neither ended nor asked to be woken within 60 s");
            if (due.equals(Instant.MAX)) {
                return game.result().get();
            }
            manual.advanceTo(due);
        }
    }

    @AfterEach
    void close() {
        bot.close();
    }

    @Test
    void teamAnswersInTheChannelAndTheReportScoresTheTeam() throws Exception {
        String reply = chat.say("console:alice", "rehearse ttl-not-lowered 200000x");
        assertTrue(reply.contains("Game day: TTL not lowered before cutover"), reply);
        chat.say("console:alice", "rehearse done lower-ttl-3600");
        RehearseCommand cmd = (RehearseCommand) bot.commands().find("rehearse").orElseThrow();
        Instant wallStart = manual.clock().instant();
        RehearsalResult r = playOut(cmd.game("gameday"));
        Duration virtual = r.scenario().end();
        Duration paced = Duration.between(wallStart, manual.clock().instant());
        assertTrue(paced.compareTo(virtual.dividedBy(200_000).plusSeconds(1)) <= 0 && paced.compareTo(Duration.ZERO) > 0,
                "200000x plays " + virtual + " of virtual time in " + paced + " of wall time");
        assertTrue(r.log().commands().stream().anyMatch(c -> c.human() && c.text().equals("done lower-ttl-3600")), r.log().commands().toString());
        assertTrue(r.log().steps().stream().anyMatch(s -> s.stepId().equals("lower-ttl-3600") && s.by().equals("console:alice")));
        Path dir = reports.resolve("ttl-not-lowered-gameday");
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("team: time to detect") && md.contains("## Missed signals"), md);
        assertTrue(chat.sent("gameday").stream().anyMatch(m -> m.title().startsWith("Game day")), "the summary is posted to the channel");
    }

    @Test
    void interruptedGameDayStillRollsBackAndWritesItsReport() throws Exception {
        chat.say("console:alice", "rehearse healthy-cutover 3600x");
        RehearseCommand cmd = (RehearseCommand) bot.commands().find("rehearse").orElseThrow();
        String stop = chat.say("console:carol", "rehearse stop");
        assertTrue(stop.contains("interrupted"), stop);
        RehearsalResult r = cmd.game("gameday").result().get(180, TimeUnit.SECONDS);
        assertTrue(r.interrupted());
        assertEquals("rolled-back", r.log().outcome(), r.log().notes() + " " + r.log().commands());
        assertTrue(Files.exists(reports.resolve("healthy-cutover-gameday/report.html")));
    }

    @Test
    void rehearseFromChatPlaysOnlyScenariosInTheRunbookFolders(@org.junit.jupiter.api.io.TempDir Path outside) throws Exception {
        Path planted = outside.resolve("planted.yaml");
        Files.writeString(planted, "scenario: planted-secret-line\nrunbook: nowhere.yaml\n");
        String runbooks = ProjectPaths.root().resolve("runbooks").toString();
        for (String name : List.of("/etc/passwd", planted.toString(), runbooks + "/../../../../../etc/passwd", "../../etc/passwd",
                "server-migration/../../pom.xml")) {
            String reply = chat.say("console:alice", "rehearse \"" + name + "\"");
            assertTrue(reply.contains("from chat, `rehearse` plays only the scenarios in the runbook folders") && reply.contains("is not one of them"),
                    name + ": " + reply);
            assertTrue(reply.contains("ttl-not-lowered"), "the refusal lists the scenarios it may play: " + reply);
            assertFalse(reply.contains("root:") || reply.contains("planted-secret-line") || reply.contains("<project>"),
                    "nothing of the file is echoed: " + reply);
        }
        RehearseCommand cmd = (RehearseCommand) bot.commands().find("rehearse").orElseThrow();
        assertEquals(null, cmd.game("gameday"), "no game day started");
        // a relative path inside a folder is still a name it may play
        assertTrue(cmd.resolve("server-migration/scenarios/ttl-not-lowered.yaml").endsWith("ttl-not-lowered.yaml"));
    }
}
