package dev.switchman.core.testing;

import dev.switchman.core.bot.Bot;
import dev.switchman.core.chat.Capabilities;
import dev.switchman.core.chat.TranscriptBackend;
import dev.switchman.core.check.CheckProviders;
import dev.switchman.core.event.EventStore;
import dev.switchman.core.event.InMemoryEventStore;
import dev.switchman.core.run.DirectExecutorService;
import dev.switchman.core.runbook.Runbook;
import dev.switchman.core.time.ManualClock;
import dev.switchman.core.time.ManualScheduler;
import java.time.Instant;
import java.util.List;

/** A bot on virtual time with scripted checks, run deterministically (checks in the calling thread). */
public final class TestBots {

    public static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

    public final ManualClock clock;
    public final ManualScheduler scheduler;
    public final ScriptedChecks checks;
    public final TranscriptBackend chat;
    public final EventStore store;
    public final Bot bot;

    public TestBots(EventStore store, ScriptedChecks checks, List<Runbook> runbooks) {
        this(store, checks, runbooks, new ManualClock(START));
    }

    public TestBots(EventStore store, ScriptedChecks checks, List<Runbook> runbooks, ManualClock clock) {
        this(store, checks, runbooks, clock, new TranscriptBackend(clock, TranscriptBackend.DEFAULT_CHANNEL).capabilities());
    }

    /** A bot whose chat platform has {@code capabilities} (edit pacing, native confirmations, ...). */
    public TestBots(EventStore store, ScriptedChecks checks, List<Runbook> runbooks, ManualClock clock, Capabilities capabilities) {
        this.clock = clock;
        this.scheduler = new ManualScheduler(clock);
        this.checks = checks;
        this.store = store;
        this.chat = new TranscriptBackend(clock, TranscriptBackend.DEFAULT_CHANNEL, capabilities);
        this.bot = Bot.builder().runbooks(runbooks).store(store).clock(clock).scheduler(scheduler)
                .checkProviders(new CheckProviders(List.of(checks))).checkExecutor(new DirectExecutorService())
                .backend(chat).build();
        chat.start(bot);
    }

    public static TestBots inMemory(Runbook... runbooks) {
        return new TestBots(new InMemoryEventStore(), new ScriptedChecks(), List.of(runbooks));
    }
}
