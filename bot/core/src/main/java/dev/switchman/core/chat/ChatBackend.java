package dev.switchman.core.chat;

/**
 * A chat platform: console, Slack, Discord (and the TranscriptBackend in tests). Small on purpose:
 * receive commands and button presses, send and update backend-neutral messages.
 */
public interface ChatBackend extends AutoCloseable {

    /** {@code console}, {@code slack}, {@code discord}, {@code transcript}. */
    String name();

    /** Starts receiving; every command goes to {@code handler}. Returns once started. */
    void start(CommandHandler handler);

    /** Posts a message to a channel (the default channel when {@code channel} is null). */
    MessageRef send(String channel, ChatMessage message);

    /** Replaces a message sent earlier (the status message updates in place). */
    void update(MessageRef ref, ChatMessage message);

    @Override
    void close();
}
