package dev.switchman.core.chat;

/** A message a backend sent, so it can be updated in place (Slack ts, Discord message id, ...). */
public record MessageRef(String backend, String channel, String id) {
}
