package dev.switchman.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.bot.Bot;
import dev.switchman.core.chat.TranscriptBackend;
import dev.switchman.core.check.CheckProviders;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.decision.DecisionKind;
import dev.switchman.core.event.InMemoryEventStore;
import dev.switchman.core.run.DirectExecutorService;
import dev.switchman.core.run.EventTypes;
import dev.switchman.core.run.PlannedStep;
import dev.switchman.core.run.RunState;
import dev.switchman.core.testing.FaultyEventStore;
import dev.switchman.core.testing.ScriptedChecks;
import dev.switchman.core.testing.TestBots;
import dev.switchman.core.testing.TestRunbooks;
import dev.switchman.core.time.ManualClock;
import dev.switchman.core.time.ManualScheduler;
import dev.switchman.rules.engine.DroolsDecisionEngine;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The real engine and rules with a store that refuses every check result: the check keeps being run
 * at its interval, the run is not stopped, and the staleness rules see a monitored check gone quiet.
 */
class UnrecordedResultsGoStaleTest {

    @Test
    void aCheckWhoseResultsCannotBeRecordedKeepsRunningAndGoesStale() {
        ManualClock clock = new ManualClock(TestBots.START);
        ManualScheduler scheduler = new ManualScheduler(clock);
        ScriptedChecks checks = new ScriptedChecks().script("www-ttl", CheckStatus.FAIL);
        FaultyEventStore store = new FaultyEventStore(new InMemoryEventStore());
        TranscriptBackend chat = new TranscriptBackend(clock, "ops");
        Bot bot = Bot.builder().runbooks(List.of(TestRunbooks.hello())).store(store).clock(clock).scheduler(scheduler)
                .checkProviders(new CheckProviders(List.of(checks))).checkExecutor(new DirectExecutorService())
                .decisionEngine(new DroolsDecisionEngine()).backend(chat).build();
        chat.start(bot);
        chat.say("alice", "start hello-cutover");
        chat.say("alice", "done lower-ttl");
        RunState run = bot.activeRun("ops").orElseThrow();
        assertEquals("verify-ttl", run.current().map(PlannedStep::stepId).orElseThrow());
        int before = checks.runs("www-ttl");

        store.failType(EventTypes.CHECK_RESULT);
        scheduler.advance(Duration.ofMinutes(30));
        bot.tick();

        assertTrue(checks.runs("www-ttl") >= before + 25, "still run every minute: " + checks.runs("www-ttl"));
        assertNull(bot.runs().active("ops").orElseThrow().quarantine());
        assertTrue(chat.render().contains("Event store failure"), chat.render());
        assertTrue(run.decisions().stream().anyMatch(d -> d.kind() == DecisionKind.HOLD && d.ruleId().startsWith("staleness.")),
                "staleness judged the silent check: " + run.decisions() + "\n" + chat.render());
        bot.close();
    }
}
