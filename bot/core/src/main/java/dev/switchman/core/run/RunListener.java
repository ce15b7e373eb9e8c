package dev.switchman.core.run;

import dev.switchman.core.check.CheckResult;
import dev.switchman.core.decision.Decision;
import dev.switchman.core.event.Event;

/**
 * Hears every event a run appends, after it is stored and applied (the simulator records results and
 * decisions through it). Called on the run's actor: keep it quick, never call back into the bot.
 */
public interface RunListener {

    default void onEvent(RunState state, Event event) {
    }

    /**
     * False if {@link #onEvent} ignores {@code CHECK_RESULT} events; when no listener wants them the
     * engine appends results without building their event (the payload is written by the store if kept).
     */
    default boolean wantsResultEvents() {
        return true;
    }

    default void onCheckResult(RunState state, CheckResult result) {
    }

    default void onDecision(RunState state, Decision decision) {
    }
}
