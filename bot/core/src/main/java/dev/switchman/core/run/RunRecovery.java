package dev.switchman.core.run;

import dev.switchman.core.event.EventStoreException;
import dev.switchman.core.time.Durations;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * How a run survives a turn that fails. The {@link RunLog} has already undone the transition (state as
 * the log has it, nothing sent). Then:
 * <ul>
 *   <li>a store failure ({@link EventStoreException}) is said once in the channel and logged, and the
 *       current step is re-armed (with a new rules session if decisions were lost) after a back-off (5 s, doubling, at most 1 min) until the store records
 *       again ("Event store back"); check timers are untouched, so checks and staleness keep going; a
 *       command gets a {@link RunException} saying nothing was recorded;</li>
 *   <li>any other failure (a bug, a runbook changed under the run) re-arms the current step at once; a
 *       run that fails {@value #FAILURES_BEFORE_QUARANTINE} turns in a row, or cannot re-arm, is
 *       quarantined: closed, said in its channel and in {@code status}, left for {@code abort}.</li>
 * </ul>
 * Used on the run's actor only.
 */
final class RunRecovery {

    static final int FAILURES_BEFORE_QUARANTINE = 3;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    private static final Duration LAST_RETRY = Duration.ofMinutes(1);

    private final RunEngine run;
    private int failures;
    private Duration retry = FIRST_RETRY;
    private boolean storeDown;
    private String quarantine;

    RunRecovery(RunEngine run) {
        this.run = run;
    }

    String quarantine() {
        return quarantine;
    }

    <T> T transition(Supplier<T> work) {
        RunLog runLog = run.runLog();
        if (runLog.inTransition()) {
            return work.get();
        }
        try {
            T result = runLog.transition(work);
            succeeded();
            return result;
        } catch (RunException e) {
            throw e;
        } catch (EventStoreException e) {
            storeFailed(e);
            throw new RunException(RunMessages.storeFailedRefusal(e.getMessage()));
        } catch (RuntimeException e) {
            failed(e);
            throw new RunException(RunMessages.turnFailed(e), e);
        }
    }

    void turn(Runnable work) {
        try {
            transition(() -> {
                work.run();
                return null;
            });
        } catch (RuntimeException e) {
            RunEngine.log.debug("run {}: turn ended with {}", run.runId(), e.toString());
        }
    }

    private void succeeded() {
        failures = 0;
        retry = FIRST_RETRY;
        if (storeDown && run.runLog().wrote()) {
            storeDown = false;
            RunEngine.log.info("run {}: the event store records again", run.runId());
            run.channel().sayNow(RunMessages.storeRecovered());
        }
    }

    private void storeFailed(EventStoreException e) {
        RunEngine.log.error("run {}: the event store failed; the transition was undone and is retried in {}: {}",
                run.runId(), Durations.format(retry), e.getMessage());
        if (!storeDown) {
            storeDown = true;
            run.channel().sayNow(RunMessages.storeFailed(e.getMessage()));
        }
        run.rearm();
        Duration wait = retry;
        retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
        if (!run.closed()) {
            run.timers().schedule("retry", run.context().clock().instant().plus(wait), this::heal);
        }
    }

    private void failed(RuntimeException e) {
        failures++;
        RunEngine.log.warn("run {}: a turn failed and was undone ({} in a row): {}", run.runId(), failures, e.toString());
        RunEngine.log.debug("run {}: the failure", run.runId(), e);
        if (quarantine != null || failures >= FAILURES_BEFORE_QUARANTINE) {
            quarantine(e);
            return;
        }
        run.rearm();
        try {
            run.runLog().transition(() -> {
                heal();
                return null;
            });
        } catch (RuntimeException again) {
            quarantine(again);
        }
    }

    /** Re-arms the current step; a new rules session first if decisions were lost with an undone transition. */
    private void heal() {
        if (run.runLog().takeLostDecisions()) {
            run.decisions().reopen();
        }
        run.advance();
    }

    private void quarantine(RuntimeException cause) {
        if (quarantine != null) return;
        quarantine = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        RunEngine.log.error("run {} quarantined: {}", run.runId(), quarantine);
        run.close();
        run.channel().sayNow(RunMessages.quarantined(run.runId(), quarantine));
    }
}
