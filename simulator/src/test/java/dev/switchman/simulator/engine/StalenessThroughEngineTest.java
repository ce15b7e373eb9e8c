package dev.switchman.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.bot.Bot;
import dev.switchman.core.chat.TranscriptBackend;
import dev.switchman.core.check.CheckProviders;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.decision.DecisionKind;
import dev.switchman.core.event.InMemoryEventStore;
import dev.switchman.core.run.DirectExecutorService;
import dev.switchman.core.run.PlannedStep;
import dev.switchman.core.run.RunState;
import dev.switchman.core.testing.ScriptedChecks;
import dev.switchman.core.testing.TestBots;
import dev.switchman.core.testing.TestRunbooks;
import dev.switchman.core.time.ManualClock;
import dev.switchman.core.time.ManualScheduler;
import dev.switchman.rules.engine.DroolsDecisionEngine;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real engine with the real rules: staleness only judges checks the engine is running. */
class StalenessThroughEngineTest {

    final ManualClock clock = new ManualClock(TestBots.START);
    final ManualScheduler scheduler = new ManualScheduler(clock);
    final ScriptedChecks checks = new ScriptedChecks();
    final InMemoryEventStore store = new InMemoryEventStore();
    final TranscriptBackend chat = new TranscriptBackend(clock, "ops");
    final Bot bot = Bot.builder().runbooks(List.of(TestRunbooks.hello())).store(store).clock(clock).scheduler(scheduler)
            .checkProviders(new CheckProviders(List.of(checks))).checkExecutor(new DirectExecutorService())
            .decisionEngine(new DroolsDecisionEngine()).backend(chat).build();

    StalenessThroughEngineTest() {
        chat.start(bot);
    }

    private RunState run() {
        return bot.activeRun("ops").orElseThrow();
    }

    private List<String> staleHolds() {
        return run().decisions().stream()
                .filter(d -> d.kind() == DecisionKind.HOLD && d.ruleId().equals("staleness.monitoring-blind"))
                .map(d -> d.ruleId()).toList();
    }

    @Test
    void aPrepareVerifyStepsCheckGoingQuietAfterTheStepIsNotMonitoringBlind() {
        chat.say("alice", "start hello-cutover");
        chat.say("alice", "done lower-ttl");
        scheduler.advance(Duration.ofMinutes(10));
        assertEquals("approve-cutover", run().current().map(PlannedStep::stepId).orElse("none"), chat.render());
        assertTrue(run().latestResults().containsKey("www-ttl"), "the verify step ran its check");
        scheduler.advance(Duration.ofMinutes(30));
        assertEquals(List.of(), staleHolds(), chat.render());
        assertFalse(chat.render().contains("Monitoring blind"), chat.render());
    }

    @Test
    void aVerifyStepsCheckThatKeepsReportingIsNeverStale() {
        chat.say("alice", "start hello-cutover");
        checks.script("www-ttl", CheckStatus.FAIL);
        chat.say("alice", "done lower-ttl");
        assertEquals("verify-ttl", run().current().map(PlannedStep::stepId).orElse("none"), chat.render());
        scheduler.advance(Duration.ofMinutes(10));
        assertEquals(List.of(), staleHolds(), "a verify step's check runs every interval: " + chat.render());
    }
}
