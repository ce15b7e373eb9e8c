package dev.switchman.core.notify;

import java.time.Instant;

/** An update for stakeholders: subject and body worded for the audience, the run it is about. */
public record Notification(String runId, String audience, String subject, String body, Instant at) {
}
