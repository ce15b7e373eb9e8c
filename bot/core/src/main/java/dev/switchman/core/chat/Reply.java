package dev.switchman.core.chat;

/**
 * The handle a backend gives the bot with each {@link Interaction}, modelled on JDA's
 * {@code IReplyCallback}: acknowledge now, answer later.
 *
 * <ol>
 *   <li>{@link #ack(Visibility)} is called first, within milliseconds of delivery (before any slow work).
 *       The backend answers the platform at once: Slack's handler returns its ack, Discord defers the
 *       reply ({@code deferReply(ephemeral)}), the console does nothing. Only the first call counts.</li>
 *   <li>{@link #answer} delivers the answer with the acknowledged visibility (Slack: the response URL
 *       or an ephemeral message; Discord: the deferred reply is edited).</li>
 *   <li>{@link #updateSource} replaces the message a button was on; {@link #followUp} adds a message.</li>
 * </ol>
 * Calls may come from any thread; a backend serialises them per interaction if its platform needs it.
 */
public interface Reply {

    /** Acknowledges delivery; idempotent (later calls are ignored). */
    void ack(Visibility visibility);

    /** The interaction's answer; returns its reference (null when the platform gives none, e.g. ephemeral). */
    MessageRef answer(ChatMessage message);

    /** Replaces the message the interaction came from; a backend that cannot edit sends {@code message} instead. */
    default void updateSource(ChatMessage message) {
        answer(message);
    }

    /** A further message after the answer. */
    default MessageRef followUp(ChatMessage message, Visibility visibility) {
        return answer(message);
    }
}
