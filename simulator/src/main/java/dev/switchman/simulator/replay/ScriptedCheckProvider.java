package dev.switchman.simulator.replay;

import dev.switchman.core.check.CheckProvider;
import dev.switchman.core.check.CheckRequest;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.ParamSpec;
import java.util.List;
import java.util.Map;

/**
 * Stands in for the live provider of one check kind during a rehearsal: it measures nothing and
 * answers from the scenario's {@link Script} at the request's (virtual) time. Accepts any parameters.
 */
public final class ScriptedCheckProvider implements CheckProvider {

    private final String kind;
    private final Script script;

    public ScriptedCheckProvider(String kind, Script script) {
        this.kind = kind;
        this.script = script;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public String summary() {
        return "scripted " + kind + " (rehearsal)";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of();
    }

    @Override
    public List<String> validate(Map<String, String> params) {
        return List.of();
    }

    @Override
    public CheckResult run(CheckRequest request) {
        return script.measure(request.checkId(), kind, request.clock().instant());
    }
}
