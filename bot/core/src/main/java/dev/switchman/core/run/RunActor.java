package dev.switchman.core.run;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Single-threaded application for one run: commands ({@link #call}) and asynchronous inputs such as
 * check results and timers ({@link #tell}) never interleave. A task told while the run is busy is
 * queued and run by whoever holds the run when it finishes, so nothing waits on a slow check.
 */
public final class RunActor {

    private static final Logger log = LoggerFactory.getLogger(RunActor.class);

    private final ReentrantLock lock = new ReentrantLock();
    private final Queue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private final Runnable afterDrain;

    public RunActor(Runnable afterDrain) {
        this.afterDrain = afterDrain;
    }

    /** Runs {@code work} on the run now (waiting for the run to be free), then everything queued. */
    public <T> T call(Supplier<T> work) {
        lock.lock();
        T result;
        try {
            result = work.get();
        } finally {
            try {
                drainLocked();
            } finally {
                lock.unlock();
            }
        }
        drainIfFree();
        return result;
    }

    /** Queues {@code task}; runs it at once if the run is free. Never blocks on a busy run. */
    public void tell(Runnable task) {
        inbox.add(task);
        if (lock.isHeldByCurrentThread()) {
            return; // the caller up the stack drains it when it finishes
        }
        drainIfFree();
    }

    private void drainIfFree() {
        while (!inbox.isEmpty() && lock.tryLock()) {
            try {
                drainLocked();
            } finally {
                lock.unlock();
            }
        }
    }

    private void drainLocked() {
        Runnable r;
        while ((r = inbox.poll()) != null) {
            try {
                r.run();
            } catch (RuntimeException e) {
                log.error("run task failed", e);
            }
        }
        try {
            afterDrain.run();
        } catch (RuntimeException e) {
            log.error("status refresh failed", e);
        }
    }
}
