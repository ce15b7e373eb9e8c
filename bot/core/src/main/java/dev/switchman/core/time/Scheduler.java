package dev.switchman.core.time;

import java.time.Clock;
import java.time.Instant;

/**
 * Runs tasks at instants of the injected clock. Live: {@link #system(Clock)} on a thread;
 * tests and the simulator: {@link ManualScheduler}, which runs due tasks when its clock is advanced.
 */
public interface Scheduler extends AutoCloseable {

    Clock clock();

    /** Runs {@code task} at {@code at} (at once if that is past). */
    Cancellable schedule(Instant at, Runnable task);

    @Override
    void close();

    interface Cancellable {
        void cancel();
    }

    static Scheduler system(Clock clock) {
        return new SystemScheduler(clock);
    }
}
