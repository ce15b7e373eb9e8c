package dev.switchman.simulator.gameday;

import dev.switchman.core.chat.ChatBackend;
import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.decision.DecisionEngine;
import dev.switchman.core.runbook.Runbook;
import dev.switchman.core.time.Scheduler;
import dev.switchman.simulator.Rehearsal;
import dev.switchman.simulator.replay.RehearsalChat;
import dev.switchman.simulator.replay.RehearsalResult;
import dev.switchman.simulator.replay.Replayer;
import dev.switchman.simulator.report.ReportWriter;
import dev.switchman.simulator.scenario.Scenario;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A game day in one channel: the scenario plays at a chosen speed on its own thread, the rehearsal
 * bot posts to the channel, people answer with {@code rehearse done <step>}, {@code rehearse approve},
 * {@code rehearse rollback "reason"}; {@code rehearse stop} interrupts it (the rollback steps still
 * run, the report is still written). The report scores the team against the rules.
 */
public final class GameDay {

    private final Scenario scenario;
    private final Replayer.Options options;
    private final CompletableFuture<RehearsalResult> done = new CompletableFuture<>();

    /** {@code wall} paces the game day (null: the system clock). */
    GameDay(Scenario scenario, Runbook runbook, Supplier<DecisionEngine> engine, ChatBackend live, String channel, Path reportDir,
            Scheduler wall) {
        this.scenario = scenario;
        this.options = Replayer.Options.of(engine).withSink(new RehearsalChat.Sink(live, channel)).withWall(wall);
        Thread t = new Thread(() -> {
            try {
                RehearsalResult r = Replayer.replay(scenario, runbook, options);
                if (reportDir != null) {
                    ReportWriter.write(r, reportDir);
                }
                live.send(channel, ChatMessage.builder((r.passed() ? "Game day passed: " : "Game day finished: ") + scenario.title())
                        .tone(r.passed() ? ChatMessage.Tone.SUCCESS : ChatMessage.Tone.WARNING)
                        .text(Rehearsal.text(r, reportDir)).build());
                done.complete(r);
            } catch (RuntimeException e) {
                live.send(channel, ChatMessage.of(ChatMessage.Tone.DANGER, "Game day failed", e.toString()));
                done.completeExceptionally(e);
            }
        }, "switchman-gameday-" + channel);
        t.setDaemon(true);
        t.start();
    }

    public Scenario scenario() {
        return scenario;
    }

    /** A command typed in the channel, applied to the rehearsal run at its current virtual time. */
    public void type(String user, String text) {
        options.inbox().add(new String[] {user, text});
        options.wakeup().raise();
    }

    /** Stops the game day: the rehearsal rolls back, finishes and writes its report. */
    public void interrupt() {
        options.interrupt().set(true);
        options.wakeup().raise();
    }

    public AtomicBoolean interrupted() {
        return options.interrupt();
    }

    public CompletableFuture<RehearsalResult> result() {
        return done;
    }
}
