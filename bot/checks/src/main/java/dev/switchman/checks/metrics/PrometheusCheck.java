package dev.switchman.checks.metrics;

import java.util.Map;

/**
 * {@code metrics.prometheus}: any number from a PromQL instant query or a JSON endpoint (see
 * {@link MetricSource}), observation {@code value}, optional {@code max}/{@code min} bounds.
 */
public final class PrometheusCheck extends MetricCheck {

    public static final String KIND = "metrics.prometheus";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String summary() {
        return "A number from a PromQL instant query (or a JSON endpoint and pointer), compared with max/min; observation value";
    }

    @Override
    String observation() {
        return "value";
    }

    @Override
    String unit() {
        return "the query's unit";
    }

    @Override
    double convert(double value, Map<String, String> params) {
        return value;
    }

    @Override
    double threshold(String name, String text) {
        return plainNumber(name, text, "a number in the query's unit");
    }

    @Override
    String show(double value) {
        return num(value);
    }
}
