package dev.switchman.core.interaction;

import dev.switchman.core.chat.ChatBackend;
import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.chat.MessageRef;
import dev.switchman.core.event.EventStore;
import dev.switchman.core.event.Outbox;
import dev.switchman.core.run.RunEngine;
import dev.switchman.core.run.RunManager;
import dev.switchman.core.run.TeamOutput;
import dev.switchman.core.time.Scheduler;
import java.util.concurrent.Executor;

/**
 * The bot's {@link TeamOutput}: team messages get their buttons registered and go through the outbox
 * ({@link TeamMessages}); status changes go to the {@link StatusPublisher}. Without a backend nothing is posted.
 */
public final class ChatPublisher implements TeamOutput {

    private final ChatBackend backend;
    private final Scheduler scheduler;
    private final ButtonRegistry buttons;
    private final TeamMessages messages;
    private final StatusPublisher status;

    public ChatPublisher(ChatBackend backend, EventStore store, Outbox outbox, Scheduler scheduler, Executor deliveries, Retry retry) {
        this.backend = backend;
        this.scheduler = scheduler;
        this.buttons = new ButtonRegistry(store, backend != null && backend.capabilities().buttons());
        this.messages = backend == null ? null : new TeamMessages(outbox, store, backend, scheduler, deliveries, retry);
        this.status = backend == null ? null : new StatusPublisher(backend, scheduler, deliveries, buttons, retry);
    }

    @Override
    public void post(RunEngine run, ChatMessage message) {
        if (messages == null) return;
        messages.post(run, buttons.draw(run, message, status.revision(run.runId()), scheduler.clock().instant()));
    }

    @Override
    public void statusChanged(RunEngine run) {
        if (status != null) status.statusChanged(run);
    }

    /** Registers the buttons of an answer the bot is about to give for {@code run}. On the run's actor. */
    public ChatMessage draw(RunEngine run, ChatMessage message) {
        return buttons.draw(run, message, status == null ? 0 : status.revision(run.runId()), scheduler.clock().instant());
    }

    /** {@code ref} is the run's status message from now on. On the run's actor. */
    /**
     * From now on {@code ref} is the run's status message; {@code shown} is what it says (null: unknown).
     * On the run's actor.
     */
    public void trackStatus(RunEngine run, MessageRef ref, ChatMessage shown) {
        if (status != null) status.track(run, ref, shown);
    }

    public ButtonRegistry buttons() {
        return buttons;
    }

    /** After a restart: resume the run's status message and undelivered team messages. */
    public void resume(RunEngine run, EventStore store) {
        if (status != null) run.actor().call(() -> {
            status.adopt(run, store.read(run.runId()));
            return null;
        });
    }

    /** Re-sends undelivered team messages; returns how many. */
    public int redeliverPending(RunManager runs) {
        return messages == null ? 0 : messages.redeliverPending(runs);
    }

    public boolean confirmDialogs() {
        return backend != null && backend.capabilities().confirmDialogs();
    }
}
