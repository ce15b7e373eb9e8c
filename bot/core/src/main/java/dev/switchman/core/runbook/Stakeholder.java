package dev.switchman.core.runbook;

import dev.switchman.core.yaml.SourceLocation;
import java.time.Duration;

/**
 * An audience told about the run: {@code sink} is {@code chat:<channel>}, {@code email:<address>},
 * {@code webhook:<url>} or {@code statuspage:<id>}; {@code cadence} is how often a routine update goes
 * out (null: only on phase changes and decisions).
 */
public record Stakeholder(String audience, String sink, Duration cadence, SourceLocation location) {
}
