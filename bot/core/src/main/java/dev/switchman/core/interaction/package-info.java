/**
 * The bot's side of chat interactions: button actions registered by id ({@link dev.switchman.core.interaction.ButtonRegistry}),
 * team messages through the outbox ({@link dev.switchman.core.interaction.TeamMessages}), the status message
 * published coalesced and paced ({@link dev.switchman.core.interaction.StatusPublisher}), and the facade the run
 * engine sees ({@link dev.switchman.core.interaction.ChatPublisher}, the run's {@code TeamOutput}). Depends on {@code core.chat}, {@code core.run},
 * {@code core.event}; only {@code core.bot} depends on it. The interaction types themselves (what a backend
 * delivers, the reply handle, capabilities) are in {@code core.chat}.
 */
package dev.switchman.core.interaction;
