package dev.switchman.core.chat;

import dev.switchman.core.http.HttpEndpoint;
import java.util.List;

/**
 * A chat platform: console, Slack, Discord (and the {@link TranscriptBackend} in tests). Small on
 * purpose: deliver {@link Interaction}s to the bot with a {@link Reply} handle, send and update
 * backend-neutral messages, and say what the platform can do ({@link #capabilities()}).
 * docs/chat-backends.md shows how to add one.
 */
public interface ChatBackend extends AutoCloseable {

    /** {@code console}, {@code slack}, {@code discord}, {@code transcript}. */
    String name();

    /** What the platform can do and its limits; the bot draws buttons and paces edits by them. */
    default Capabilities capabilities() {
        return Capabilities.console();
    }

    /** Starts receiving; every interaction goes to {@code handler}. Returns once started. */
    void start(InteractionHandler handler);

    /**
     * Posts a message to a channel (the default channel when {@code channel} is null). Throws when the
     * platform refuses or cannot be reached: the bot's outbox retries and records what failed for good.
     */
    MessageRef send(String channel, ChatMessage message);

    /** Replaces a message sent earlier (the status message updates in place). Throws like {@link #send}. */
    void update(MessageRef ref, ChatMessage message);

    /**
     * The HTTP routes this backend answers on the embedded server of {@code switchman serve} (Slack's
     * {@code /slack/events}, Discord's {@code /discord/interactions}); none by default. Called once,
     * after {@link #start}; the server routes each request to the endpoint whose path matches.
     */
    default List<HttpEndpoint> endpoints() {
        return List.of();
    }

    @Override
    void close();
}
