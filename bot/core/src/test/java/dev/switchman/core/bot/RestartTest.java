package dev.switchman.core.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.event.Event;
import dev.switchman.core.event.EventStore;
import dev.switchman.core.event.EventStores;
import dev.switchman.core.event.InMemoryEventStore;
import dev.switchman.core.run.PlannedStep;
import dev.switchman.core.run.RunState;
import dev.switchman.core.run.RunStatus;
import dev.switchman.core.testing.ScriptedChecks;
import dev.switchman.core.testing.TestBots;
import dev.switchman.core.testing.TestRunbooks;
import dev.switchman.core.time.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestartTest {

    @TempDir
    Path dir;

    @Test
    void aBotRebuiltOnTheSameH2FileFindsTheRunIntactAndCarriesOn() {
        String url = EventStores.h2Url(dir);
        ScriptedChecks checks = new ScriptedChecks().script("www-ttl", CheckStatus.FAIL, CheckStatus.PASS);
        TestBots first = new TestBots(EventStores.open(url), checks, List.of(TestRunbooks.hello()));
        first.chat.say("alice", "start hello-cutover");
        first.chat.say("alice", "done lower-ttl \"took 4 min\"");
        first.chat.say("bob", "approve approve-cutover");
        first.chat.say("dave", "go --yes");
        RunState before = first.bot.activeRun(first.chat.defaultChannel()).orElseThrow();

        // no shutdown: a second process opens the same file, as after kill -9
        TestBots second = new TestBots(EventStores.open(url), checks, List.of(TestRunbooks.hello()),
                new ManualClock(TestBots.START.plusSeconds(30)));
        RunState rebuilt = RunState.replay(before.runId(), second.store.read(before.runId()));
        assertEquals(before.current(), rebuilt.current());
        assertEquals(before.steps(), rebuilt.steps());
        assertEquals(before.approvals(), rebuilt.approvals());
        assertEquals(before.refusals(), rebuilt.refusals());
        assertEquals(before.latestResults(), rebuilt.latestResults());
        assertEquals(before.decisions(), rebuilt.decisions());

        List<RunState> resumed = second.bot.resume();
        assertEquals(1, resumed.size());
        RunState after = second.bot.activeRun(second.chat.defaultChannel()).orElseThrow();

        assertEquals(before.runId(), after.runId());
        assertEquals("verify-ttl", rebuilt.current().map(PlannedStep::stepId).orElseThrow());
        assertEquals(before.step("lower-ttl"), after.step("lower-ttl"));
        assertEquals("took 4 min", after.step("lower-ttl").orElseThrow().note());
        assertEquals(before.approvals(), after.approvals());
        assertEquals(before.refusals(), after.refusals());
        assertEquals(CheckStatus.FAIL, rebuilt.latestResults().get("www-ttl").status());

        // the resumed run re-armed its verify step: the check ran again on resume and now passes
        assertEquals("wait-old-ttl", after.current().map(PlannedStep::stepId).orElseThrow(), second.chat.render());
        second.scheduler.advance(Duration.ofMinutes(5));
        // approval was given before the crash: the approval step completes by itself, the gate asks for go
        assertEquals("gate-cutover", after.current().map(PlannedStep::stepId).orElseThrow(), second.chat.render());
        second.chat.say("carol", "go --yes");
        second.chat.say("alice", "done switch-dns");
        assertEquals(RunStatus.WATCHING, after.status());
        second.scheduler.advance(Duration.ofHours(1));
        RunState end = RunState.replay(after.runId(), second.store.read(after.runId()));
        assertEquals(RunStatus.COMPLETED, end.status());
        assertNotNull(end.cutoverAt());
        second.bot.close();
        first.bot.close();
        second.store.close();
        first.store.close();
    }

    @Test
    void resumingAfterACrashAtAnyEventNeitherFailsNorLosesTheCurrentStep() {
        TestBots live = TestBots.inMemory(TestRunbooks.hello());
        live.checks.script("www-ttl", CheckStatus.FAIL, CheckStatus.PASS);
        live.chat.say("alice", "start hello-cutover");
        live.chat.say("alice", "done lower-ttl");
        live.chat.say("alice", "check");
        live.scheduler.advance(Duration.ofMinutes(5));
        live.chat.say("bob", "approve");
        live.chat.say("carol", "go --yes");
        live.chat.say("alice", "done switch-dns");
        String runId = live.store.runs().get(0);
        List<Event> log = live.store.read(runId);
        assertTrue(log.size() > 20, "log has " + log.size() + " events");

        for (int k = 1; k <= log.size(); k++) {
            InMemoryEventStore prefix = new InMemoryEventStore();
            for (Event e : log.subList(0, k)) {
                prefix.append(e.runId(), e.type(), e.payload(), e.actor(), e.at(), e.idempotencyKey());
            }
            RunState crashed = RunState.replay(runId, prefix.read(runId));
            TestBots restarted = new TestBots(prefix, new ScriptedChecks(), List.of(TestRunbooks.hello()),
                    new ManualClock(log.get(k - 1).at()));
            restarted.bot.resume();
            RunState now = RunState.replay(runId, prefix.read(runId));
            if (!crashed.status().finished() && crashed.current().isPresent()) {
                assertTrue(now.status().finished() || now.current().isPresent(), "after event " + k + ": no current step");
                assertEquals(crashed.approvals(), now.approvals(), "after event " + k);
                assertEquals(crashed.completedPhases().size() <= now.completedPhases().size(), true);
            }
            if (!crashed.runbookId().isEmpty() && !now.status().finished()) {
                assertTrue(restarted.chat.exec("alice", "status").get(0).plain().contains("Move www"), "status after event " + k);
            }
            restarted.bot.close();
        }
    }
}
