package dev.switchman.core.chat;

/**
 * Who sees an answer: everyone in the channel, or only the person who acted (Slack's ephemeral
 * messages, Discord's ephemeral replies). A backend without private answers shows both to everyone.
 */
public enum Visibility {
    PUBLIC,
    EPHEMERAL
}
