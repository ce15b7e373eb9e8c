package dev.switchman.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.decision.Decision;
import dev.switchman.rules.Fixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Sessions are thread-safe: results from several threads at once neither fail nor lose a decision. */
class SessionConcurrencyTest {
    @Test
    void resultsFromSeveralThreadsAreSerialised() throws Exception {
        Fixture f = new Fixture().open();
        f.cutover();
        ConcurrentLinkedQueue<Decision> out = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> jobs = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                jobs.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        f.clock.advance(Duration.ofMillis(1));
                        out.addAll(f.session.onResult(new CheckResult("health-" + thread, "http.health", "t",
                                i < 3 ? CheckStatus.FAIL : CheckStatus.PASS, Map.of(), "", f.clock.instant(), null)));
                        out.addAll(f.session.tick());
                    }
                }));
            }
            for (Future<?> j : jobs) {
                j.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(4, out.stream().filter(d -> d.ruleId().equals("rollback.health-failures")).count(), out.toString());
    }
}
