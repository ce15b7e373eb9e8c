package dev.switchman.core.runbook;

/** A notification step: tell {@code audience} (a stakeholder audience, or {@code team}) {@code text}. */
public record NotifySpec(String audience, String text) {
}
