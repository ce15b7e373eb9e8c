package dev.switchman.core.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchman.core.chat.TranscriptBackend;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.event.InMemoryEventStore;
import dev.switchman.core.run.DirectExecutorService;
import dev.switchman.core.run.PlannedStep;
import dev.switchman.core.run.RunState;
import dev.switchman.core.run.RunStatus;
import dev.switchman.core.runbook.CheckSpec;
import dev.switchman.core.runbook.Runbook;
import dev.switchman.core.runbook.RunbookLoader;
import dev.switchman.core.testing.ScriptedChecks;
import dev.switchman.core.testing.TestBots;
import dev.switchman.core.time.ManualClock;
import dev.switchman.core.time.ManualScheduler;
import dev.switchman.core.yaml.LoadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped hello-cutover runbook, loaded by the real loader, walked end to end on virtual time. */
class BundledRunbookTest {

    static Path projectRoot() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom) && Files.readString(pom).contains("<artifactId>switchman-parent</artifactId>")
                    && Files.isDirectory(dir.resolve("runbooks"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("project root not found");
    }

    @Test
    void walksTheShippedHelloCutoverFromStartToFinish() throws Exception {
        LoadResult<Runbook> loaded = RunbookLoader.load(projectRoot().resolve("runbooks/hello-cutover/runbook.yaml"));
        Runbook rb = loaded.get().orElseThrow(() -> new AssertionError(loaded.problems().toString()));
        ManualClock clock = new ManualClock(TestBots.START);
        ManualScheduler scheduler = new ManualScheduler(clock);
        ScriptedChecks checks = new ScriptedChecks();
        checks.script("www-on-old", CheckStatus.FAIL);
        TranscriptBackend chat = new TranscriptBackend(clock, "ops");
        InMemoryEventStore store = new InMemoryEventStore();
        Bot bot = Bot.builder().runbooks(List.of(rb)).store(store).clock(clock).scheduler(scheduler)
                .checkProviders(checks.asKinds(rb.checks().stream().map(CheckSpec::kind).collect(Collectors.toSet())))
                .checkExecutor(new DirectExecutorService()).backend(chat).build();
        chat.start(bot);

        chat.say("alice", "start hello-cutover");
        chat.say("alice", "done lower-ttl");
        scheduler.advance(Duration.ofSeconds(2));
        RunState s = bot.activeRun("ops").orElseThrow();
        assertEquals("approve-cutover", s.current().map(PlannedStep::stepId).orElseThrow(), chat.render());
        assertTrue(chat.say("bob", "approve").contains("Refused"));
        chat.say("carol", "approve");
        assertEquals("go-no-go", s.current().map(PlannedStep::stepId).orElseThrow(), chat.render());
        chat.say("carol", "go --yes");
        chat.say("alice", "done switch-dns");
        scheduler.advance(Duration.ofSeconds(2));
        assertNotNull(s.cutoverAt(), chat.render());
        assertTrue(chat.sent("#exec-updates").stream().anyMatch(m -> m.plain().contains("now runs on the new host")));
        scheduler.advance(Duration.ofSeconds(2));
        // the runbook's rollback window is 48h: the run watches, then completes when it closes
        assertEquals(RunStatus.WATCHING, s.status(), chat.render());
        scheduler.advance(rb.rollbackWindow());
        RunState end = RunState.replay(s.runId(), store.read(s.runId()));
        assertEquals(RunStatus.COMPLETED, end.status(), chat.render());
        assertFalse(bot.activeRun("ops").isPresent());
        // support's e-mail sink has no notifier in this bot: kept in the outbox, not lost
        assertFalse(store.pending().isEmpty());
        assertTrue(store.pending().stream().allMatch(e -> e.sink().equals("email:support@example.test")
                && e.lastError().contains("no notifier for sink kind 'email'")));
        // stakeholders heard of each phase, the cutover and the end
        List<String> execs = chat.sent("#exec-updates").stream().map(m -> m.plain()).toList();
        assertTrue(execs.stream().anyMatch(m -> m.contains("Phase prepare")), execs.toString());
        assertTrue(execs.stream().anyMatch(m -> m.contains("Cutover at")), execs.toString());
        assertTrue(execs.stream().anyMatch(m -> m.contains("complete; the rollback window closed")), execs.toString());
    }

    @Test
    void aFirstTimeUserWithNoNetworkGetsPastVerifyByTheRollbackAuthoritysOverride() throws Exception {
        Runbook rb = RunbookLoader.load(projectRoot().resolve("runbooks/hello-cutover/runbook.yaml")).get().orElseThrow();
        ManualClock clock = new ManualClock(TestBots.START);
        ScriptedChecks checks = new ScriptedChecks();
        rb.checks().forEach(c -> checks.script(c.id(), CheckStatus.ERROR)); // no network: every DNS/TLS/HTTP check errs
        TranscriptBackend chat = new TranscriptBackend(clock, "ops");
        InMemoryEventStore store = new InMemoryEventStore();
        Bot bot = Bot.builder().runbooks(List.of(rb)).store(store).clock(clock).scheduler(new ManualScheduler(clock))
                .checkProviders(checks.asKinds(rb.checks().stream().map(CheckSpec::kind).collect(Collectors.toSet())))
                .checkExecutor(new DirectExecutorService()).backend(chat).build();
        chat.start(bot);
        chat.say("alice", "start hello-cutover");
        chat.say("alice", "done lower-ttl");
        RunState s = bot.activeRun("ops").orElseThrow();
        assertEquals("verify-ttl", s.current().map(PlannedStep::stepId).orElseThrow(), chat.render());
        assertTrue(chat.sent().stream().anyMatch(m -> m.plain().contains("done verify-ttl --override")), chat.render());
        String r = chat.say("carol", "done verify-ttl --override --yes \"demo laptop, no network\"");
        assertTrue(r.contains("overridden by carol: demo laptop, no network; blockers were www-ttl ERROR"), r);
        assertFalse(s.current().map(PlannedStep::stepId).orElseThrow().equals("verify-ttl"), chat.render());
        bot.close();
    }
}
