package dev.switchman.core.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * Virtual-time scheduler: {@link #advanceTo(Instant)} moves the {@link ManualClock} task by task,
 * running each due task at its own instant, in order (ties in scheduling order). Single-threaded.
 */
public final class ManualScheduler implements Scheduler {

    private final ManualClock clock;
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private long sequence;

    public ManualScheduler(ManualClock clock) {
        this.clock = clock;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    public ManualClock manualClock() {
        return clock;
    }

    @Override
    public synchronized Cancellable schedule(Instant at, Runnable task) {
        Task t = new Task(at, sequence++, task);
        queue.add(t);
        return () -> t.cancelled = true;
    }

    /** Runs every task due up to {@code target} at its own time, then sets the clock to {@code target}. */
    public void advanceTo(Instant target) {
        while (true) {
            Task next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.at.isAfter(target)) {
                    break;
                }
                queue.poll();
            }
            if (next.at.isAfter(clock.instant())) {
                clock.set(next.at);
            }
            if (!next.cancelled) {
                next.task.run();
            }
        }
        if (target.isAfter(clock.instant())) {
            clock.set(target);
        }
    }

    public void advance(Duration d) {
        advanceTo(clock.instant().plus(d));
    }

    /** The instant of the next pending task, or null. */
    public synchronized Instant nextDue() {
        queue.removeIf(t -> t.cancelled);
        Task t = queue.peek();
        return t == null ? null : t.at;
    }

    @Override
    public void close() {
        synchronized (this) {
            queue.clear();
        }
    }

    private static final class Task implements Comparable<Task> {
        final Instant at;
        final long seq;
        final Runnable task;
        volatile boolean cancelled;

        Task(Instant at, long seq, Runnable task) {
            this.at = at;
            this.seq = seq;
            this.task = task;
        }

        @Override
        public int compareTo(Task o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}
