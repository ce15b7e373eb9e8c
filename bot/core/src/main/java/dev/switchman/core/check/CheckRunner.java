package dev.switchman.core.check;

import dev.switchman.core.secret.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a provider with a hard deadline on an executor: a provider that overruns its timeout
 * gives UNKNOWN, one that throws gives ERROR, an unknown kind gives ERROR. Never PASS by default.
 * Results leave it {@link CheckResult#redacted() redacted}: a URL's password never reaches the log or chat.
 */
public final class CheckRunner {

    private final CheckProviders providers;
    private final ExecutorService executor;
    private final Clock clock;
    private final CheckEnvironment environment;

    public CheckRunner(CheckProviders providers, ExecutorService executor, Clock clock, CheckEnvironment environment) {
        this.providers = providers;
        this.executor = executor;
        this.clock = clock;
        this.environment = environment == null ? CheckEnvironment.defaults() : environment;
    }

    public CompletableFuture<CheckResult> run(String checkId, String kind, Map<String, String> params, Duration timeout) {
        Instant started = clock.instant();
        CheckRequest request = new CheckRequest(checkId, kind, params, timeout, clock, started, environment);
        CheckProvider provider = providers.find(kind).orElse(null);
        if (provider == null) {
            return CompletableFuture.completedFuture(request.result(CheckStatus.ERROR, "", "no provider for check kind " + kind, Map.of()));
        }
        return CompletableFuture.supplyAsync(() -> provider.run(request), executor)
                .thenApply(CheckResult::redacted)
                .orTimeout(request.timeout().toMillis() + 250, TimeUnit.MILLISECONDS)
                .handle((result, error) -> {
                    if (error == null && result != null) {
                        return result;
                    }
                    Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
                    if (cause instanceof TimeoutException) {
                        return request.result(CheckStatus.UNKNOWN, "", "timed out after " + request.timeout().toMillis() + " ms", Map.of());
                    }
                    return request.result(CheckStatus.ERROR, "", "check failed: " + (cause == null ? "no result" : cause.getClass().getSimpleName() + ": " + Secrets.message(cause)), Map.of());
                });
    }
}
