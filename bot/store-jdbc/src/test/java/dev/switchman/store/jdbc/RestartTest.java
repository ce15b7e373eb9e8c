package dev.switchman.store.jdbc;

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
import java.time.Instant;
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

    /** Walks hello-cutover on a live bot to the end of its last phase (cutover at START + 5 min). */
    private static TestBots cutOver(TestBots live) {
        live.chat.say("alice", "start hello-cutover");
        live.chat.say("alice", "done lower-ttl");
        live.scheduler.advance(Duration.ofMinutes(5));
        live.chat.say("bob", "approve");
        live.chat.say("carol", "go --yes");
        live.chat.say("alice", "done switch-dns");
        return live;
    }

    @Test
    void aWatchingRunResumesWatchingKeepsCheckingAndCompletesWhenTheWindowCloses() {
        TestBots live = cutOver(TestBots.inMemory(TestRunbooks.hello()));
        RunState before = live.bot.activeRun(live.chat.defaultChannel()).orElseThrow();
        assertEquals(RunStatus.WATCHING, before.status());
        Instant until = before.watchingUntil();

        TestBots second = new TestBots(live.store, new ScriptedChecks(), List.of(TestRunbooks.hello()),
                new ManualClock(before.cutoverAt().plus(Duration.ofMinutes(10))));
        second.bot.resume();
        RunState after = second.bot.activeRun(second.chat.defaultChannel()).orElseThrow();
        assertEquals(RunStatus.WATCHING, after.status());
        assertEquals(until, after.watchingUntil());
        assertEquals(before.cutoverAt(), after.cutoverAt());
        assertTrue(second.chat.exec("alice", "status").get(0).plain().contains("watching until"), second.chat.render());
        second.scheduler.advance(Duration.ofMinutes(10));
        assertTrue(second.checks.runs("new-http") >= 10, "new-http ran " + second.checks.runs("new-http") + " times after resume");
        second.scheduler.advance(Duration.between(second.clock.instant(), until));
        RunState end = RunState.replay(after.runId(), second.store.read(after.runId()));
        assertEquals(RunStatus.COMPLETED, end.status(), second.chat.render());
        assertEquals("rollback window closed", end.endReason());
        live.bot.close();
        second.bot.close();
    }

    @Test
    void aWatchingRunResumedAfterItsWindowClosedCompletesAtOnce() {
        TestBots live = cutOver(TestBots.inMemory(TestRunbooks.hello()));
        RunState before = live.bot.activeRun(live.chat.defaultChannel()).orElseThrow();
        TestBots late = new TestBots(live.store, new ScriptedChecks(), List.of(TestRunbooks.hello()),
                new ManualClock(before.watchingUntil().plusSeconds(1)));
        late.bot.resume();
        assertEquals(RunStatus.COMPLETED, RunState.replay(before.runId(), late.store.read(before.runId())).status());
        live.bot.close();
        late.bot.close();
    }

    @Test
    void aRollbackOrderedWhileWatchingSurvivesARestart() {
        TestBots live = cutOver(TestBots.inMemory(TestRunbooks.hello()));
        live.chat.say("carol", "rollback --yes \"502s\"");
        RunState before = live.bot.activeRun(live.chat.defaultChannel()).orElseThrow();
        TestBots second = new TestBots(live.store, new ScriptedChecks(), List.of(TestRunbooks.hello()), new ManualClock(live.clock.instant()));
        second.bot.resume();
        RunState after = second.bot.activeRun(second.chat.defaultChannel()).orElseThrow();
        assertEquals(RunStatus.ACTIVE, after.status());
        assertEquals("switch-back", after.current().map(PlannedStep::stepId).orElseThrow());
        second.scheduler.advance(Duration.ofHours(2));
        assertEquals(RunStatus.ACTIVE, after.status(), "the window no longer ends a rolling-back run");
        second.chat.say("alice", "done switch-back");
        second.chat.say("alice", "done restore-ttl");
        assertEquals(RunStatus.ROLLED_BACK, RunState.replay(before.runId(), second.store.read(before.runId())).status());
        live.bot.close();
        second.bot.close();
    }

    @Test
    void thePointOfNoReturnStillRefusesRollbackAfterARestart() {
        TestBots live = cutOver(TestBots.inMemory(TestRunbooks.hello(Duration.ofHours(3), Duration.ofHours(1))));
        RunState before = live.bot.activeRun(live.chat.defaultChannel()).orElseThrow();
        TestBots second = new TestBots(live.store, new ScriptedChecks(), List.of(TestRunbooks.hello(Duration.ofHours(3), Duration.ofHours(1))),
                new ManualClock(before.cutoverAt().plus(Duration.ofHours(1))));
        second.bot.resume();
        String r = second.chat.say("carol", "rollback --yes \"late\"");
        assertTrue(r.contains("Refused") && r.contains("point of no return"), r);
        RunState after = RunState.replay(before.runId(), second.store.read(before.runId()));
        assertEquals(RunStatus.WATCHING, after.status());
        assertTrue(after.refusals().stream().anyMatch(x -> x.reason().contains("point of no return")));
        live.bot.close();
        second.bot.close();
    }

    @Test
    void anOverrideIsRebuiltFromTheLogAndItsChecksKeepRunningAfterARestart() {
        TestBots live = TestBots.inMemory(TestRunbooks.hello());
        live.checks.script("www-ttl", CheckStatus.ERROR);
        live.chat.say("alice", "start hello-cutover");
        live.chat.say("alice", "done lower-ttl");
        live.chat.say("carol", "done verify-ttl --override --yes \"no network here\"");
        RunState before = live.bot.activeRun(live.chat.defaultChannel()).orElseThrow();
        assertEquals(1, before.overrides().size());

        ScriptedChecks checks = new ScriptedChecks().script("www-ttl", CheckStatus.ERROR);
        TestBots second = new TestBots(live.store, checks, List.of(TestRunbooks.hello()), new ManualClock(live.clock.instant().plusSeconds(5)));
        second.bot.resume();
        RunState after = second.bot.activeRun(second.chat.defaultChannel()).orElseThrow();
        assertEquals(before.overrides(), after.overrides());
        assertEquals(before.steps(), after.steps());
        assertEquals("wait-old-ttl", after.current().map(PlannedStep::stepId).orElseThrow());
        String status = second.chat.exec("alice", "status").get(0).plain();
        assertTrue(status.contains("overridden by carol: no network here; blockers were www-ttl ERROR"), status);
        int runs = checks.runs("www-ttl");
        second.scheduler.advance(Duration.ofMinutes(2));
        assertTrue(checks.runs("www-ttl") >= runs + 2, "www-ttl ran " + (checks.runs("www-ttl") - runs) + " times after resume");
        live.bot.close();
        second.bot.close();
    }
}
