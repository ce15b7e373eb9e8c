package dev.switchman.app.testing;

import dev.switchman.core.check.CheckProvider;
import dev.switchman.core.check.CheckRequest;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.ParamSpec;
import java.util.List;

/**
 * A provider for the secret tests: it fails by throwing an exception whose message is its {@code error}
 * parameter (a driver that echoes the URL it was given, password and all), so the runner's ERROR result
 * carries whatever secret the runbook put there.
 */
public final class LeakyCheckProvider implements CheckProvider {

    @Override
    public String kind() {
        return "test.leaky";
    }

    @Override
    public String summary() {
        return "throws an exception with the given message";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.required("error", "the exception's message"));
    }

    @Override
    public CheckResult run(CheckRequest request) {
        throw new IllegalStateException(request.param("error"));
    }
}
