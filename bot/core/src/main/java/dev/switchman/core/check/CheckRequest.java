package dev.switchman.core.check;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one run of a check gets: its id, kind, parameters (already validated), its
 * deadline, the clock to read time from and the environment. Providers must give up by
 * {@link #deadline()} and report UNKNOWN rather than PASS.
 */
public record CheckRequest(
        String checkId,
        String kind,
        Map<String, String> params,
        Duration timeout,
        Clock clock,
        Instant startedAt,
        CheckEnvironment environment) {

    public CheckRequest {
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(clock, "clock");
        params = params == null ? Map.of() : Map.copyOf(params);
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        startedAt = startedAt == null ? clock.instant() : startedAt;
        environment = environment == null ? CheckEnvironment.defaults() : environment;
    }

    public static CheckRequest of(String checkId, String kind, Map<String, String> params, Duration timeout, Clock clock) {
        return new CheckRequest(checkId, kind, params, timeout, clock, clock.instant(), CheckEnvironment.defaults());
    }

    public Instant deadline() {
        return startedAt.plus(timeout);
    }

    /** Time left before the deadline, never negative. */
    public Duration remaining() {
        Duration d = Duration.between(clock.instant(), deadline());
        return d.isNegative() ? Duration.ZERO : d;
    }

    public String param(String name) {
        return params.get(name);
    }

    public String param(String name, String fallback) {
        return params.getOrDefault(name, fallback);
    }

    /** Builds this request's result, observed now, with the duration since it started. */
    public CheckResult result(CheckStatus status, String target, String message, Map<String, Object> observations) {
        Instant now = clock.instant();
        return new CheckResult(checkId, kind, target, status, observations, message, now, Duration.between(startedAt, now));
    }
}
