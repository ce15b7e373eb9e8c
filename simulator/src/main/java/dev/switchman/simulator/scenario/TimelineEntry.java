package dev.switchman.simulator.scenario;

import dev.switchman.core.yaml.SourceLocation;
import java.time.Duration;

/**
 * One line of a scenario's timeline, at an offset from the start. It is one of: a scripted result
 * for {@code check} ({@code result} set) that holds until the next entry for that check or for
 * {@code holdFor}; a {@code chaos} perturbation (of {@code check}, or of the bot); or a chat
 * {@code command} typed {@code by} a user. {@code fault}, when set, names the entry as an injected
 * fault: time-to-detect and time-to-decision are measured from it and expectations refer to it.
 */
public record TimelineEntry(
        Duration at,
        String fault,
        String check,
        Scripted result,
        Duration holdFor,
        Chaos chaos,
        String command,
        String by,
        String note,
        SourceLocation location) {

    public boolean isResult() {
        return result != null;
    }
}
