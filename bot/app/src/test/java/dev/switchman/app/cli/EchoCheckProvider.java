package dev.switchman.app.cli;

import dev.switchman.core.check.CheckProvider;
import dev.switchman.core.check.CheckRequest;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.check.ParamSpec;
import java.util.List;
import java.util.Map;

/** A provider for CLI tests: reports the status it is given, or sleeps past its deadline. */
public final class EchoCheckProvider implements CheckProvider {

    @Override
    public String kind() {
        return "test.echo";
    }

    @Override
    public String summary() {
        return "reports the given status";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.required("status", "PASS, WARN, FAIL, ERROR, UNKNOWN or HANG"),
                ParamSpec.optional("target", "echo.test", "what the result names"));
    }

    @Override
    public List<String> validate(Map<String, String> params) {
        List<String> problems = new java.util.ArrayList<>(CheckProvider.super.validate(params));
        String s = params.get("status");
        if (s != null && !s.equals("HANG")) {
            try {
                CheckStatus.valueOf(s);
            } catch (IllegalArgumentException e) {
                problems.add("status must be PASS, WARN, FAIL, ERROR, UNKNOWN or HANG, got '" + s + "'");
            }
        }
        return problems;
    }

    @Override
    public CheckResult run(CheckRequest request) {
        String s = request.param("status");
        if (s.equals("HANG")) {
            try {
                new java.util.concurrent.CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return request.result(CheckStatus.valueOf(s), request.param("target", "echo.test"), "echoed " + s, Map.of("answer", 42, "unit-ms", "7"));
    }
}
