package dev.switchman.simulator.replay;

import dev.switchman.core.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Paces virtual time against the injected wall clock for a speed factor (a game day at 60x plays one
 * virtual minute per wall second); does nothing at max speed. The wait is a wake-up scheduled on the
 * wall {@link Scheduler} (the system one live, a {@code ManualScheduler} in tests), so a test drives a
 * game day by advancing a manual clock and nothing sleeps. Commands typed meanwhile raise the
 * {@link Wakeup} and are applied at once, at the current virtual time.
 */
final class Pacer {

    private final double factor;
    private final Instant virtualStart;
    private final Scheduler wall;
    private final Instant wallStart;
    private final Wakeup wakeup;

    /** {@code factor <= 0} or infinite: max speed, no pacing. */
    Pacer(double factor, Instant virtualStart, Scheduler wall, Wakeup wakeup) {
        this.factor = factor;
        this.virtualStart = virtualStart;
        this.wall = wall;
        this.wallStart = wall == null ? null : wall.clock().instant();
        this.wakeup = wakeup;
    }

    /**
     * Returns when the wall clock has reached the wall instant of virtual instant {@code next}, or at once
     * when {@code interrupt} is set; runs {@code meanwhile} (apply typed commands) at each wake-up.
     */
    void await(Instant next, AtomicBoolean interrupt, Runnable meanwhile) {
        if (wall == null || factor <= 0 || Double.isInfinite(factor)) {
            return;
        }
        Instant due = wallStart.plusNanos((long) (Duration.between(virtualStart, next).toNanos() / factor));
        if (!wall.clock().instant().isBefore(due)) {
            return;
        }
        Scheduler.Cancellable alarm = wall.schedule(due, wakeup::raise);
        try {
            while (!interrupt.get() && wall.clock().instant().isBefore(due)) {
                meanwhile.run();
                wakeup.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            interrupt.set(true);
        } finally {
            alarm.cancel();
        }
    }
}
