package dev.switchman.core.run;

import dev.switchman.core.time.Durations;
import dev.switchman.core.runbook.Runbook;
import java.time.Instant;

/**
 * The time after cutover: the rollback window (cutover + {@code rollback_window}), during which a run
 * whose phases are all done WATCHES (checks and rules keep going; {@code rollback} still possible)
 * until the window closes, and the point of no return (cutover + {@code point_of_no_return}), after
 * which {@code rollback} is refused. Derived from the log (CUTOVER, WATCHING), so a resumed run has the
 * same window. Used on the run's actor only.
 */
final class RollbackWindow {

    private static final String TIMER = "watch";

    private final RunEngine run;

    RollbackWindow(RunEngine run) {
        this.run = run;
    }

    /** When the rollback window closes: cutover + rollback-window; null without either. */
    Instant end() {
        RunState state = run.state();
        Runbook rb = run.runbook();
        if (state.watchingUntil() != null) return state.watchingUntil();
        if (state.cutoverAt() == null || rb.rollbackWindow() == null) return null;
        return state.cutoverAt().plus(rb.rollbackWindow());
    }

    boolean open() {
        Instant end = end();
        return end != null && run.context().clock().instant().isBefore(end);
    }

    /** cutover + point-of-no-return, when both are known. */
    Instant pointOfNoReturn() {
        RunState state = run.state();
        if (state.cutoverAt() == null || run.runbook().pointOfNoReturn() == null) return null;
        return state.cutoverAt().plus(run.runbook().pointOfNoReturn());
    }

    boolean pastPointOfNoReturn() {
        Instant ponr = pointOfNoReturn();
        return ponr != null && !run.context().clock().instant().isBefore(ponr);
    }

    /** Every phase is done inside the rollback window: watch until it closes. */
    void startWatching() {
        RunState state = run.state();
        Runbook rb = run.runbook();
        Instant until = end();
        run.runLog().emit(EventTypes.WATCHING, Payloads.of("until", until.toString(), "window", Durations.format(rb.rollbackWindow())), RunEngine.BOT, null);
        String text = RunMessages.watching(until, rb.rollbackWindow(), state.cutoverAt());
        run.stakeholders().update("watching", RunMessages.forStakeholders(rb.title(), text));
        run.channel().say(RunMessages.watchingMessage(text, pastPointOfNoReturn(), pointOfNoReturn(), run.plan().authority()));
        run.plan().afterCutoverChecks().stream().filter(id -> !run.monitor().scheduled(id)).forEach(run.monitor()::runCheck);
        arm();
    }

    /** Schedules the end of the watch (at once when the window already closed, as after a long outage). */
    void arm() {
        if (run.timers().has(TIMER) || run.closed()) return;
        Instant until = end();
        if (until == null || !run.context().clock().instant().isBefore(until)) {
            finish();
            return;
        }
        run.timers().schedule(TIMER, until, () -> {
            if (run.state().status() == RunStatus.WATCHING) finish();
        });
    }

    private void finish() {
        Runbook rb = run.runbook();
        String text = RunMessages.windowClosed(end());
        run.stakeholders().update("end", RunMessages.forStakeholders(rb.title(), text));
        run.runLog().emit(EventTypes.RUN_COMPLETED, Payloads.of("reason", "rollback window closed"), RunEngine.BOT, null);
        run.channel().say(RunMessages.windowClosedMessage(rb.title(), text));
    }

    void requireNotWatching(String what) {
        if (run.state().status() == RunStatus.WATCHING) {
            throw new RunException(RunMessages.notWhileWatching(run.state().watchingUntil(), what));
        }
    }
}
