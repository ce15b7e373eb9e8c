package dev.switchman.core.bench;

import dev.switchman.core.check.CheckProvider;
import dev.switchman.core.check.CheckRequest;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.check.ParamSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code bench.slow}: a check that takes {@code duration} to answer (a dependency that is slow to reply),
 * holding its check thread the whole time; {@link #release()} lets every pending check answer at once so a
 * benchmark ends without waiting. Answers PASS.
 */
public final class SlowCheck implements CheckProvider {

    public static final String KIND = "bench.slow";

    private final Duration duration;
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger started = new AtomicInteger();

    public SlowCheck(Duration duration) {
        this.duration = duration;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String summary() {
        return "a check that takes a set time to answer (benchmarks)";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of();
    }

    @Override
    public CheckResult run(CheckRequest request) {
        running.incrementAndGet();
        started.incrementAndGet();
        try {
            released.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running.decrementAndGet();
        }
        return new CheckResult(request.checkId(), KIND, "", CheckStatus.PASS, Map.of(), "answered after " + duration.toSeconds() + " s",
                request.clock().instant(), duration);
    }

    /** Checks waiting right now. */
    public int running() {
        return running.get();
    }

    /** Checks started since the benchmark began. */
    public int started() {
        return started.get();
    }

    /** Lets every pending check answer now (the benchmark's end). */
    public void release() {
        released.countDown();
    }
}
