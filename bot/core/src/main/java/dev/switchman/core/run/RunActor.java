package dev.switchman.core.run;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A serial executor for one run (or one channel without a run): commands, button presses, check
 * results and timers are applied one at a time, in the order they were {@linkplain #tell told}, on a
 * thread of the shared {@code executor}; different actors proceed in parallel. Nobody waits on a busy run:
 * {@link #tell} queues and returns. With a {@link DirectExecutorService} everything runs in the calling
 * thread (a task told from inside a task runs right after it), which keeps tests and the simulator
 * deterministic. After each batch {@code afterDrain} runs (facts to the rules, status to the publisher).
 */
public final class RunActor {

    private static final Logger log = LoggerFactory.getLogger(RunActor.class);

    private final Executor executor;
    private final Runnable afterDrain;
    private final Queue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile Thread owner;

    public RunActor(Executor executor, Runnable afterDrain) {
        this.executor = executor;
        this.afterDrain = afterDrain;
    }

    /** Queues {@code task}; it runs after everything told before it. Never blocks. */
    public void tell(Runnable task) {
        inbox.add(task);
        schedule();
    }

    /**
     * Runs {@code work} on the actor and waits for its result (for readers and start-up; commands use
     * {@link #tell}). From inside a task of this actor it runs at once. Exceptions reach the caller unwrapped.
     */
    public <T> T call(Supplier<T> work) {
        if (onActor()) {
            return work.get();
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        tell(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the run", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause() instanceof CompletionException ce && ce.getCause() != null ? ce.getCause() : e.getCause();
            if (c instanceof RuntimeException re) throw re;
            if (c instanceof Error er) throw er;
            throw new IllegalStateException(c);
        }
    }

    /** True on the thread applying this actor's tasks right now. */
    public boolean onActor() {
        return owner == Thread.currentThread();
    }

    private void schedule() {
        if (!scheduled.compareAndSet(false, true)) {
            return; // a drain is running or queued; it takes the task
        }
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            scheduled.set(false);
            log.warn("run work rejected (shutting down?): {} task(s) dropped from the queue", inbox.size());
            inbox.clear();
        }
    }

    private void drain() {
        owner = Thread.currentThread();
        try {
            while (true) {
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
                    log.error("after-turn work failed", e);
                }
                if (inbox.isEmpty()) break;
            }
        } finally {
            owner = null;
            scheduled.set(false);
        }
        if (!inbox.isEmpty()) {
            schedule(); // told between the last poll and the release
        }
    }
}
