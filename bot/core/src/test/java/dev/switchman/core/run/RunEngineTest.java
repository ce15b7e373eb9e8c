package dev.switchman.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.bot.Bot;
import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.chat.TranscriptBackend;
import dev.switchman.core.check.CheckProviders;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.decision.Decision;
import dev.switchman.core.decision.DecisionKind;
import dev.switchman.core.event.Event;
import dev.switchman.core.event.InMemoryEventStore;
import dev.switchman.core.notify.Notification;
import dev.switchman.core.notify.Notifier;
import dev.switchman.core.runbook.CheckSpec;
import dev.switchman.core.runbook.Phase;
import dev.switchman.core.runbook.Roles;
import dev.switchman.core.runbook.Runbook;
import dev.switchman.core.runbook.Stakeholder;
import dev.switchman.core.runbook.Step;
import dev.switchman.core.runbook.StepKind;
import dev.switchman.core.runbook.Targets;
import dev.switchman.core.runbook.Thresholds;
import dev.switchman.core.runbook.WaitSpec;
import dev.switchman.core.testing.ScriptedChecks;
import dev.switchman.core.testing.TestBots;
import dev.switchman.core.testing.TestRunbooks;
import dev.switchman.core.time.ManualClock;
import dev.switchman.core.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RunEngineTest {

    final ManualClock clock = new ManualClock(TestBots.START);
    final ManualScheduler scheduler = new ManualScheduler(clock);
    final ScriptedChecks checks = new ScriptedChecks();
    final InMemoryEventStore store = new InMemoryEventStore();
    final TranscriptBackend chat = new TranscriptBackend(clock, "ops");

    private Bot bot(List<Runbook> runbooks, Bot.Builder extra) {
        Bot b = extra.runbooks(runbooks).store(store).clock(clock).scheduler(scheduler)
                .checkProviders(new CheckProviders(List.of(checks))).backend(chat).build();
        chat.start(b);
        return b;
    }

    private Bot bot(Runbook runbook) {
        return bot(List.of(runbook), Bot.builder().checkExecutor(new DirectExecutorService()));
    }

    private String current(Bot b) {
        return b.activeRun("ops").flatMap(RunState::current).map(PlannedStep::stepId).orElse("none");
    }

    private static Runbook oneStep(Step step, CheckSpec... specs) {
        Roles roles = new Roles(Map.of(Roles.ROLLBACK_AUTHORITY, List.of("console:carol")));
        Phase p = new Phase("p", "P", false, List.of(step, TestRunbooks.manual("after", "after", null)), List.of(), null);
        return new Runbook("one", "One", null, roles, List.of(new Stakeholder("support", "email:support@example.test", null, null)),
                Targets.none(), Thresholds.none(), null, null, List.of(specs), List.of(p), List.of(), "test");
    }

    @Test
    void commandsAreAnsweredWhileASlowCheckRuns() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Bot b = bot(List.of(TestRunbooks.hello()), Bot.builder().checkExecutor(pool));
            chat.say("alice", "start hello-cutover");
            CountDownLatch release = checks.gate();
            long t0 = System.nanoTime();
            String done = chat.say("alice", "done lower-ttl");
            String status = chat.say("bob", "status");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(done.contains("Done: lower-ttl"), done);
            assertTrue(status.contains("www-ttl - running"), status);
            assertTrue(ms < 2000, "answered in " + ms + " ms while the check was blocked");
            assertEquals(0, checks.runs("www-ttl"));
            release.countDown();
            chat.await(m -> m.plain().contains("✔ verify-ttl"), Duration.ofSeconds(10));
            assertEquals("wait-old-ttl", current(b));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void goOnAGateTheRulesSayNoGoToIsRefusedListingEveryBlocker() {
        checks.script("new-http", CheckStatus.FAIL);
        Bot b = bot(TestRunbooks.hello());
        chat.say("alice", "start hello-cutover");
        chat.say("alice", "done lower-ttl");
        scheduler.advance(Duration.ofMinutes(5));
        chat.say("alice", "approve");
        assertEquals("gate-cutover", current(b));
        assertTrue(chat.sent().stream().anyMatch(m -> m.title().equals("NO_GO: gate-cutover") && m.plain().contains("new-http is FAIL")), chat.render());
        String go = chat.say("carol", "go --yes");
        assertTrue(go.contains("NO-GO (basic.gate.no-go)") && go.contains("new-http is FAIL"), go);
        assertEquals("gate-cutover", current(b));
        // the check recovers at its next interval; the gate becomes GO and waits for go again
        checks.script("new-http", CheckStatus.PASS);
        scheduler.advance(Duration.ofMinutes(1));
        assertTrue(chat.sent().stream().anyMatch(m -> m.title().equals("Rules say GO: gate-cutover")), chat.render());
        assertTrue(chat.say("carol", "go --yes").contains("GO: gate-cutover"));
        assertEquals("switch-dns", current(b));
    }

    @Test
    void aWaitUntilAnInstantCompletesWhenTheSchedulerGetsThere() {
        Instant until = TestBots.START.plus(Duration.ofHours(2));
        Bot b = bot(oneStep(new Step("w", null, StepKind.WAIT, null, null, new WaitSpec(null, until, null, null), null, null, null, null, null, null)));
        chat.say("alice", "start one");
        scheduler.advance(Duration.ofMinutes(119));
        assertEquals("w", current(b));
        scheduler.advance(Duration.ofMinutes(1));
        assertEquals("after", current(b));
    }

    @Test
    void theOldTtlWaitLastsTheHighestTtlSeenAfterTheStepStarted() {
        checks.observe("www-ttl", Map.of("ttl", 3600));
        Step w = new Step("w", null, StepKind.WAIT, null, null, new WaitSpec(null, null, "old-ttl-elapsed", "www-ttl"), null, null, null, null, null, null);
        Bot b = bot(oneStep(w, TestRunbooks.check("www-ttl")));
        chat.say("alice", "start one");
        assertEquals(1, checks.runs("www-ttl"));
        scheduler.advance(Duration.ofMinutes(59));
        assertEquals("w", current(b));
        scheduler.advance(Duration.ofMinutes(1));
        assertEquals("after", current(b));
    }

    @Test
    void aWaitCanBeEndedEarlyByHandOnTheRecord() {
        Bot b = bot(TestRunbooks.hello());
        chat.say("alice", "start hello-cutover");
        chat.say("alice", "done lower-ttl");
        assertEquals("wait-old-ttl", current(b));
        chat.say("alice", "done wait-old-ttl \"TTL checked by hand\"");
        assertEquals("approve-cutover", current(b));
        assertEquals("TTL checked by hand", b.activeRun("ops").orElseThrow().step("wait-old-ttl").orElseThrow().note());
    }

    @Test
    void aHoldPausesTheRunUntilTheRollbackAuthorityGoesOnWithAReason() {
        checks.script("www-ttl", CheckStatus.FAIL, CheckStatus.PASS);
        Bot b = bot(List.of(TestRunbooks.hello()), Bot.builder().checkExecutor(new DirectExecutorService()).decisionEngine(new ScriptedDecisions("www-ttl")));
        chat.say("alice", "start hello-cutover");
        chat.say("alice", "done lower-ttl");
        RunState s = b.activeRun("ops").orElseThrow();
        assertEquals(RunStatus.HELD, s.status());
        assertTrue(chat.sent().stream().anyMatch(m -> m.title().startsWith("HOLD: www-ttl failed") && m.plain().contains("console:carol")), chat.render());
        chat.say("alice", "check www-ttl");
        assertEquals("verify-ttl", current(b), "a passing check does not complete a step while on HOLD");
        assertTrue(chat.say("carol", "go --yes").contains("give the reason"));
        String go = chat.say("carol", "go --yes \"TTL fixed by hand\"");
        assertTrue(go.contains("Resumed"), go);
        assertEquals(RunStatus.ACTIVE, s.status());
        assertEquals("wait-old-ttl", current(b));
    }

    @Test
    void listenersHearEveryEventResultAndDecision() {
        List<Decision> heard = new CopyOnWriteArrayList<>();
        List<CheckResult> results = new CopyOnWriteArrayList<>();
        AtomicInteger events = new AtomicInteger();
        Bot b = bot(List.of(TestRunbooks.hello()), Bot.builder().checkExecutor(new DirectExecutorService())
                .listener(new RunListener() {
                    @Override public void onEvent(RunState state, Event event) { events.incrementAndGet(); }
                    @Override public void onCheckResult(RunState state, CheckResult result) { results.add(result); }
                    @Override public void onDecision(RunState state, Decision decision) { heard.add(decision); }
                }));
        chat.say("alice", "start hello-cutover");
        chat.say("alice", "done lower-ttl");
        scheduler.advance(Duration.ofMinutes(5));
        chat.say("bob", "approve");
        chat.say("carol", "go --yes");
        chat.say("alice", "done switch-dns");
        assertTrue(heard.stream().anyMatch(d -> d.kind() == DecisionKind.GO));
        assertEquals(List.of("www-ttl", "new-http"), results.stream().map(CheckResult::checkId).distinct().toList());
        assertEquals(store.read(store.runs().get(0)).size(), events.get());
    }

    @Test
    void submittedResultsAreRedactedBeforeTheyAreRecorded() {
        Bot b = bot(List.of(TestRunbooks.tiny()), Bot.builder().checkExecutor(new DirectExecutorService()).decisionEngine(new ScriptedDecisions("new-http")));
        chat.say("alice", "start tiny");
        RunState s = b.activeRun("ops").orElseThrow();
        CheckResult leaky = new CheckResult("new-http", "test.scripted", "https://agent:Ag3nt-Pw@127.0.0.1/health", CheckStatus.FAIL,
                Map.of("url", "postgresql://u:Ag3nt-Pw@127.0.0.1/db", "hops", List.of("token=Ag3nt-Tok-77")),
                "GET https://agent:Ag3nt-Pw@127.0.0.1/health: 502", clock.instant(), Duration.ZERO);
        b.submitResult(s.runId(), leaky);
        List<Event> results = store.read(s.runId()).stream().filter(e -> e.type().equals(EventTypes.CHECK_RESULT)).toList();
        assertEquals(1, results.size());
        String payload = results.get(0).payload();
        assertTrue(payload.contains("agent:***@127.0.0.1") && payload.contains("token=***"), payload);
        assertTrue(!payload.contains("Ag3nt-Pw") && !payload.contains("Ag3nt-Tok-77"), payload);
        assertTrue(!chat.render().contains("Ag3nt-Pw"), chat.render());
    }

    @Test
    void aFailingResultBeforeCutoverIsNoRollbackAdvice() {
        Bot b = bot(List.of(TestRunbooks.tiny()), Bot.builder().checkExecutor(new DirectExecutorService()).decisionEngine(new ScriptedDecisions("new-http")));
        chat.say("alice", "start tiny");
        RunState s = b.activeRun("ops").orElseThrow();
        b.submitResult(s.runId(), new CheckResult("new-http", "test.scripted", "", CheckStatus.FAIL, Map.of("errors", 12), "502s", clock.instant(), Duration.ZERO));
        assertTrue(chat.sent().stream().noneMatch(m -> m.title().equals("Rules recommend ROLLBACK")), chat.render());
        assertEquals(RunStatus.HELD, s.status());
    }

    @Test
    void aRollbackDecisionAfterCutoverAsksTheRollbackAuthority() {
        Roles roles = new Roles(Map.of(Roles.ROLLBACK_AUTHORITY, List.of("console:carol")));
        Phase cut = new Phase("cut", "Cut", true, List.of(TestRunbooks.manual("switch", "switch", null)), List.of(TestRunbooks.manual("unswitch", "unswitch", null)), null);
        Phase watch = new Phase("watch", "Watch", false, List.of(TestRunbooks.manual("watch-1h", "watch for an hour", null)), List.of(), null);
        Runbook rb = new Runbook("two", "Two", null, roles, List.of(), Targets.none(), Thresholds.none(), Duration.ofHours(24), null,
                List.of(TestRunbooks.check("new-http")), List.of(cut, watch), List.of(), "test");
        checks.script("new-http", CheckStatus.PASS, CheckStatus.FAIL);
        Bot b = bot(List.of(rb), Bot.builder().checkExecutor(new DirectExecutorService()).decisionEngine(new ScriptedDecisions("new-http")));
        chat.say("alice", "start two");
        chat.say("alice", "done switch");
        RunState s = b.activeRun("ops").orElseThrow();
        assertEquals(TestBots.START, s.cutoverAt());
        // after cutover blocking checks are monitored at their interval: the next run FAILs
        scheduler.advance(Duration.ofMinutes(1));
        ChatMessage advice = chat.sent().stream().filter(m -> m.title().equals("Rules recommend ROLLBACK")).findFirst().orElseThrow(() -> new AssertionError(chat.render()));
        assertTrue(advice.plain().contains("new-http FAIL") && advice.plain().contains("console:carol"), advice.plain());
        assertTrue(advice.buttons().get(0).command().startsWith("rollback --yes"));
        String r = chat.say("carol", advice.buttons().get(0).command());
        assertTrue(r.contains("ROLLBACK") && r.contains("unswitch"), r);
        chat.say("alice", "done unswitch");
        assertEquals(RunStatus.ROLLED_BACK, RunState.replay(s.runId(), store.read(s.runId())).status());
    }

    @Test
    void notificationsGoThroughTheNotifierOfTheirSinkKindAndAreRetriedUntilDelivered() {
        List<Notification> delivered = new ArrayList<>();
        AtomicInteger attempts = new AtomicInteger();
        Notifier email = new Notifier() {
            @Override public String sinkKind() { return "email"; }
            @Override public void deliver(Stakeholder s, Notification n) throws Exception {
                if (attempts.incrementAndGet() == 1) throw new java.io.IOException("SMTP 451 try later");
                delivered.add(n);
            }
        };
        Step tell = TestRunbooks.notify("tell", "support", "we start now");
        Bot b = bot(List.of(oneStep(tell)), Bot.builder().checkExecutor(new DirectExecutorService()).notifiers(List.of(email)));
        chat.say("alice", "start one");
        assertEquals("after", current(b), "a notify step does not wait for delivery");
        assertEquals(1, store.pending().size());
        assertEquals("SMTP 451 try later", store.pending().get(0).lastError().replace("IOException: ", ""));
        scheduler.advance(Duration.ofMinutes(1));
        assertEquals(1, delivered.size());
        assertEquals("we start now", delivered.get(0).body());
        assertTrue(store.pending().isEmpty());
    }

    @Test
    void theOutboxKeepsAWebhookSinkWithoutItsCredentialsAndDeliveryResolvesTheConfiguredOne() {
        String sink = "webhook:https://hook:Wh-S3cret-9@127.0.0.1:9/x";
        List<String> deliveredTo = new CopyOnWriteArrayList<>();
        AtomicInteger attempts = new AtomicInteger();
        Notifier webhook = new Notifier() {
            @Override public String sinkKind() { return "webhook"; }
            @Override public void deliver(Stakeholder s, Notification n) throws Exception {
                if (attempts.incrementAndGet() == 1) throw new java.io.IOException("HTTP 503");
                deliveredTo.add(s.sink());
            }
        };
        Roles roles = new Roles(Map.of());
        Phase p = new Phase("p", "P", false, List.of(TestRunbooks.notify("tell", "execs", "we start now"), TestRunbooks.manual("after", "after", null)), List.of(), null);
        Runbook rb = new Runbook("hook", "Hook", null, roles, List.of(new Stakeholder("execs", sink, null, null)),
                Targets.none(), Thresholds.none(), null, null, List.of(), List.of(p), List.of(), "test");
        bot(List.of(rb), Bot.builder().checkExecutor(new DirectExecutorService()).notifiers(List.of(webhook)));
        chat.say("alice", "start hook");
        assertEquals(1, store.pending().size(), "the first attempt failed: the entry waits for its retry");
        var entry = store.pending().get(0);
        assertEquals("webhook:https://hook:***@127.0.0.1:9/x", entry.sink());
        for (String column : List.of(entry.sink(), entry.dedupeKey(), entry.payload(), String.valueOf(entry.lastError()))) {
            assertTrue(!column.contains("Wh-S3cret-9"), column);
        }
        for (Event e : store.read(store.runs().get(0))) {
            assertTrue(!e.payload().contains("Wh-S3cret-9"), e.payload());
        }

        // a restart delivers what was pending: the real sink comes from the runbook, not from the outbox
        Bot again = Bot.builder().runbooks(List.of(rb)).store(store).clock(clock).scheduler(scheduler).notifiers(List.of(webhook))
                .checkExecutor(new DirectExecutorService()).checkProviders(new CheckProviders(List.of(checks))).build();
        again.resume();
        assertEquals(List.of(sink), deliveredTo);
        assertTrue(store.pending().isEmpty());
    }

    @Test
    void anOutboxEntryWhoseSinkIsNoLongerConfiguredIsKeptWithTheReason() {
        Notifier webhook = new Notifier() {
            @Override public String sinkKind() { return "webhook"; }
            @Override public void deliver(Stakeholder s, Notification n) throws Exception {
                throw new java.io.IOException("HTTP 503");
            }
        };
        Phase p = new Phase("p", "P", false, List.of(TestRunbooks.notify("tell", "execs", "hi"), TestRunbooks.manual("after", "after", null)), List.of(), null);
        Runbook rb = new Runbook("hook", "Hook", null, new Roles(Map.of()), List.of(new Stakeholder("execs", "webhook:https://hook:Old-Pw-1@127.0.0.1:9/x", null, null)),
                Targets.none(), Thresholds.none(), null, null, List.of(), List.of(p), List.of(), "test");
        bot(List.of(rb), Bot.builder().checkExecutor(new DirectExecutorService()).notifiers(List.of(webhook)));
        chat.say("alice", "start hook");
        Runbook renamed = new Runbook("hook", "Hook", null, new Roles(Map.of()), List.of(new Stakeholder("execs", "webhook:https://other:New-Pw-2@127.0.0.1:9/x", null, null)),
                Targets.none(), Thresholds.none(), null, null, List.of(), List.of(p), List.of(), "test");
        Bot.builder().runbooks(List.of(renamed)).store(store).clock(clock).scheduler(scheduler).notifiers(List.of(webhook))
                .checkExecutor(new DirectExecutorService()).checkProviders(new CheckProviders(List.of(checks))).build().resume();
        String error = store.pending().get(0).lastError();
        assertTrue(error.contains("sink webhook:https://hook:***@127.0.0.1:9/x is not in the configuration"), error);
    }

    @Test
    void stakeholdersGetRoutineUpdatesAtTheirCadenceWhileTheRunLasts() {
        Roles roles = new Roles(Map.of());
        Phase p = new Phase("p", "P", false, List.of(TestRunbooks.manual("a", "a", null)), List.of(), null);
        Runbook rb = new Runbook("cad", "Cadence", null, roles, List.of(new Stakeholder("execs", "chat:#execs", Duration.ofMinutes(30), null)),
                Targets.none(), Thresholds.none(), null, null, List.of(), List.of(p), List.of(), "test");
        Bot b = bot(rb);
        chat.say("alice", "start cad");
        scheduler.advance(Duration.ofMinutes(95));
        List<String> updates = chat.sent("#execs").stream().map(ChatMessage::plain).toList();
        assertEquals(3, updates.size(), updates.toString());
        assertTrue(updates.get(0).contains("phase P, step a"), updates.get(0));
        chat.say("alice", "done a");
        scheduler.advance(Duration.ofHours(2));
        List<String> after = chat.sent("#execs").stream().map(ChatMessage::plain).toList();
        assertEquals(5, after.size(), "phase P complete + run complete, then no more routine updates: " + after);
        assertTrue(b.activeRun("ops").isEmpty());
    }

    @Test
    void concurrentCommandsAndResultsLeaveALogThatReplaysToTheLiveState() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            checks.script("www-ttl", CheckStatus.FAIL);
            Bot b = bot(List.of(TestRunbooks.hello()), Bot.builder().checkExecutor(pool));
            chat.say("alice", "start hello-cutover");
            chat.say("alice", "done lower-ttl");
            String runId = store.runs().get(0);
            List<java.util.concurrent.Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                fs.add(pool.submit(() -> {
                    if (n % 4 == 0) chat.say("bob", "check");
                    else if (n % 4 == 1) chat.say("bob", "status");
                    else if (n % 4 == 2) b.submitResult(runId, new CheckResult("new-http", "test.scripted", "", CheckStatus.PASS, Map.of(), "", clock.instant(), Duration.ZERO));
                    else chat.say("dave", "approve");
                }));
            }
            for (var f : fs) f.get(30, TimeUnit.SECONDS);
            pool.shutdown();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS), "checks finished");
            // compared on the run's serial executor: nothing is appended while we read
            b.inspect("ops", live -> {
                RunState replayed = RunState.replay(runId, store.read(runId));
                List<Event> log = store.read(runId);
                for (int i = 0; i < log.size(); i++) assertEquals(i + 1, log.get(i).sequence());
                assertEquals(replayed.lastSequence(), live.lastSequence());
                assertEquals(replayed.refusals().size(), live.refusals().size());
                assertEquals(10, live.refusals().size());
                assertEquals(replayed.current(), live.current());
                return null;
            });
        } finally {
            pool.shutdownNow();
        }
    }
}
