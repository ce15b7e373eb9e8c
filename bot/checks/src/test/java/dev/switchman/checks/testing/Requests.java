package dev.switchman.checks.testing;

import dev.switchman.core.check.CheckEnvironment;
import dev.switchman.core.check.CheckRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Check requests for tests: a fixed clock, a short per-query DNS timeout, the given resolvers. */
public final class Requests {

    private Requests() {
    }

    public static CheckRequest request(String kind, Map<String, String> params, Clock clock, Duration timeout, String... resolvers) {
        CheckEnvironment env = new CheckEnvironment(List.of(resolvers), Map.of("dns.query-timeout-ms", "300"));
        return new CheckRequest(kind, kind, params, timeout, clock, clock.instant(), env);
    }

    public static CheckRequest request(String kind, Map<String, String> params, String... resolvers) {
        return request(kind, params, Clock.systemUTC(), Duration.ofSeconds(5), resolvers);
    }
}
