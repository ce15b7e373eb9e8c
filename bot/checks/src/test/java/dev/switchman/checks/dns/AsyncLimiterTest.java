package dev.switchman.checks.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AsyncLimiterTest {

    @Test
    void neverRunsMoreThanTheBoundAtOnce() {
        AsyncLimiter limiter = new AsyncLimiter(3);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        List<CompletableFuture<Integer>> gates = new ArrayList<>();
        List<CompletableFuture<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            CompletableFuture<Integer> gate = new CompletableFuture<>();
            gates.add(gate);
            results.add(limiter.submit(() -> {
                peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                return gate.thenApply(v -> {
                    running.decrementAndGet();
                    return v;
                });
            }));
        }
        for (int i = 0; i < 10; i++) {
            gates.get(i).complete(i);
        }
        assertEquals(45, results.stream().mapToInt(CompletableFuture::join).sum());
        assertEquals(3, peak.get());
    }

    @Test
    void manyTasksThatFinishAtOnceDoNotGrowTheStack() {
        AsyncLimiter limiter = new AsyncLimiter(1);
        CompletableFuture<Void> first = new CompletableFuture<>();
        limiter.submit(() -> first);
        List<CompletableFuture<Integer>> queued = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            int n = i;
            queued.add(limiter.submit(() -> CompletableFuture.completedFuture(n)));
        }
        first.complete(null); // releases 100,000 synchronous tasks one after another
        assertTrue(queued.stream().allMatch(CompletableFuture::isDone));
        assertEquals(99_999, queued.get(99_999).join());
    }
}
