package dev.switchman.checks.dns;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** At most {@code max} asynchronous tasks in flight; the rest wait in order. No thread is blocked. */
final class AsyncLimiter {

    private final int max;
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    private int running;

    AsyncLimiter(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max in flight must be at least 1, was " + max);
        }
        this.max = max;
    }

    <T> CompletableFuture<T> submit(Supplier<? extends CompletionStage<T>> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable start = () -> {
            CompletionStage<T> stage;
            try {
                stage = task.get();
            } catch (RuntimeException e) {
                stage = CompletableFuture.failedFuture(e);
            }
            stage.whenComplete((v, e) -> {
                release();
                if (e != null) {
                    result.completeExceptionally(e);
                } else {
                    result.complete(v);
                }
            });
        };
        synchronized (this) {
            if (running >= max) {
                waiting.add(start);
                return result;
            }
            running++;
        }
        start.run();
        return result;
    }

    private void release() {
        Runnable next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                running--;
            }
        }
        if (next != null) {
            trampoline(next);
        }
    }

    private static final ThreadLocal<ArrayDeque<Runnable>> PENDING_STARTS = new ThreadLocal<>();

    /** Starts {@code r}; a start requested while another runs on this thread waits in a loop, not on the stack. */
    private static void trampoline(Runnable r) {
        ArrayDeque<Runnable> queue = PENDING_STARTS.get();
        if (queue != null) {
            queue.add(r);
            return;
        }
        queue = new ArrayDeque<>();
        PENDING_STARTS.set(queue);
        try {
            for (Runnable next = r; next != null; next = queue.poll()) {
                next.run();
            }
        } finally {
            PENDING_STARTS.remove();
        }
    }
}
