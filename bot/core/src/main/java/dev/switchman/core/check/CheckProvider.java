package dev.switchman.core.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A kind of live check ({@code dns.ttl}, {@code tls.certificate}, ...), found through
 * {@link java.util.ServiceLoader}: list the implementation in
 * {@code META-INF/services/dev.switchman.core.check.CheckProvider}.
 *
 * <p>Measurement only: a provider observes and classifies; go/no-go belongs to the rules.
 * A provider never throws for a failed measurement: a timeout or an unreachable dependency is
 * UNKNOWN or ERROR with a message naming what failed. Thread-safe: one instance serves all runs.
 */
public interface CheckProvider {

    /** The kind, as runbooks name it: {@code family.name}. */
    String kind();

    /** One line for help and docs. */
    String summary();

    /** The parameters this kind accepts. */
    List<ParamSpec> parameters();

    /**
     * Problems with the parameters, one sentence each naming the parameter and what was expected;
     * empty when they are fine. The default checks required and unknown names; override to check
     * values too (and call this default first).
     */
    default List<String> validate(Map<String, String> params) {
        List<String> problems = new ArrayList<>();
        Set<String> known = parameters().stream().map(ParamSpec::name).collect(Collectors.toSet());
        for (ParamSpec p : parameters()) {
            if (p.required() && (params.get(p.name()) == null || params.get(p.name()).isBlank())) {
                problems.add("missing parameter '" + p.name() + "' (" + p.description() + ")");
            }
        }
        for (String name : params.keySet()) {
            if (!known.contains(name)) {
                problems.add("unknown parameter '" + name + "' for " + kind() + "; expected one of " + known.stream().sorted().toList());
            }
        }
        return problems;
    }

    /** Runs one check; must return by the request's deadline. */
    CheckResult run(CheckRequest request);

    /**
     * Routes this kind answers on {@code switchman serve}'s HTTP server, for checks that are pushed to
     * rather than polled ({@code heartbeat}: cron jobs call {@code /ping/<check-id>}). Default: none.
     */
    default List<dev.switchman.core.http.HttpEndpoint> endpoints() {
        return List.of();
    }
}
