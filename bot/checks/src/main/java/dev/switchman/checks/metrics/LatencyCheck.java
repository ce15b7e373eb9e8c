package dev.switchman.checks.metrics;

import dev.switchman.core.check.ParamSpec;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code metrics.latency}: a latency quantile in milliseconds (observation {@code p99-ms}), the input of
 * the {@code rollback.latency-p99} rule. Prometheus histograms are in seconds, so by default the query's
 * value is read as seconds, for example {@code histogram_quantile(0.99, sum by (le) (rate(
 * http_request_duration_seconds_bucket{job="web"}[5m])))}; {@code unit: ms} reads milliseconds. {@code max}
 * takes {@code 800}, {@code 800ms} or {@code 0.8s}.
 */
public final class LatencyCheck extends MetricCheck {

    public static final String KIND = "metrics.latency";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String summary() {
        return "p99 latency in ms from a PromQL query (seconds, as histograms are) or a JSON endpoint; observation p99-ms";
    }

    @Override
    String observation() {
        return "p99-ms";
    }

    @Override
    String unit() {
        return "ms, or with a unit: 800ms, 0.8s";
    }

    @Override
    List<ParamSpec> extraParameters() {
        return List.of(ParamSpec.optional("unit", "s", "what the query returns: s (Prometheus histograms) or ms"));
    }

    @Override
    List<String> validateExtra(Map<String, String> params) {
        return unitProblem(params, "s", "ms");
    }

    @Override
    double convert(double value, Map<String, String> params) {
        return unit(params, "s").equals("ms") ? value : value * 1000;
    }

    @Override
    double threshold(String name, String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.endsWith("ms")) {
            return plainNumber(name, t.substring(0, t.length() - 2).trim(), "milliseconds such as 800, 800ms or 0.8s");
        }
        if (t.endsWith("s")) {
            return 1000 * plainNumber(name, t.substring(0, t.length() - 1).trim(), "milliseconds such as 800, 800ms or 0.8s");
        }
        return plainNumber(name, t, "milliseconds such as 800, 800ms or 0.8s");
    }

    @Override
    String show(double value) {
        return num(Math.round(value * 10) / 10.0) + " ms";
    }
}
