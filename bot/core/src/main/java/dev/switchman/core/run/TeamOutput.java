package dev.switchman.core.run;

import dev.switchman.core.chat.ChatMessage;

/**
 * Where a run's words to its team go, behind the run's {@link TeamChannel} (which holds them until the
 * transition that said them is committed): the one seam between the run engine and the chat platform.
 * The bot's implementation ({@code dev.switchman.core.interaction.ChatPublisher}) registers buttons,
 * puts every team message through the outbox (retried, recorded when it fails for good) and publishes
 * the status message coalesced and paced to the platform's edit rate. Called on the run's actor.
 */
public interface TeamOutput {

    /** Posts {@code message} to the run's channel (through the outbox). */
    void post(RunEngine run, ChatMessage message);

    /** The run's state changed since the status message was drawn; republish when the platform allows. */
    void statusChanged(RunEngine run);

    /** Nowhere: for engines without chat. */
    TeamOutput NONE = new TeamOutput() {
        @Override
        public void post(RunEngine run, ChatMessage message) {
        }

        @Override
        public void statusChanged(RunEngine run) {
        }
    };
}
