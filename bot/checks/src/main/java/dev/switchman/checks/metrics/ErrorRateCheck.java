package dev.switchman.checks.metrics;

import dev.switchman.core.check.ParamSpec;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code metrics.error-rate}: the share of requests that failed, as a fraction (observation {@code rate},
 * 0.05 = 5 %), the input of the {@code rollback.error-rate} rule (docs/rules.md). The query returns the
 * fraction, for example {@code sum(rate(http_requests_total{job="web",code=~"5.."}[5m])) /
 * sum(rate(http_requests_total{job="web"}[5m]))}, or a percentage with {@code unit: percent}. {@code max}
 * takes {@code 0.05} or {@code 5%}.
 */
public final class ErrorRateCheck extends MetricCheck {

    public static final String KIND = "metrics.error-rate";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String summary() {
        return "Error rate (a fraction) from a PromQL query or a JSON endpoint, compared with max; observation rate (the rollback rules read it)";
    }

    @Override
    String observation() {
        return "rate";
    }

    @Override
    String unit() {
        return "a fraction such as 0.05, or 5%";
    }

    @Override
    List<ParamSpec> extraParameters() {
        return List.of(ParamSpec.optional("unit", "fraction", "what the query returns: fraction (0.05) or percent (5)"));
    }

    @Override
    List<String> validateExtra(Map<String, String> params) {
        return unitProblem(params, "fraction", "percent");
    }

    @Override
    double convert(double value, Map<String, String> params) {
        return unit(params, "fraction").equals("percent") ? value / 100 : value;
    }

    @Override
    double threshold(String name, String text) {
        boolean pct = text.endsWith("%");
        double v = plainNumber(name, pct ? text.substring(0, text.length() - 1).trim() : text, "a fraction such as 0.05 or a percentage such as 5%");
        double f = pct ? v / 100 : v;
        if (f < 0 || f > 1) {
            throw new IllegalArgumentException("parameter '" + name + "': '" + text + "' is not a rate between 0 and 1 (or 0% and 100%)");
        }
        return f;
    }

    @Override
    String show(double value) {
        return String.format(Locale.ROOT, "%.2f%%", value * 100);
    }
}
