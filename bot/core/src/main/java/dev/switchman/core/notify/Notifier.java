package dev.switchman.core.notify;

import dev.switchman.core.runbook.Stakeholder;

/**
 * Delivers notifications to one kind of sink ({@code chat}, {@code email}, {@code webhook},
 * {@code statuspage}), the prefix of a stakeholder's {@code sink}. Found through ServiceLoader or
 * wired by the app. Throws on failure so the outbox retries.
 */
public interface Notifier {

    String sinkKind();

    void deliver(Stakeholder stakeholder, Notification notification) throws Exception;
}
