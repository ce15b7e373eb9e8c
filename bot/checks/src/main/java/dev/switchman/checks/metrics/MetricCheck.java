package dev.switchman.checks.metrics;

import dev.switchman.core.check.CheckProvider;
import dev.switchman.core.check.CheckRequest;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.check.ParamSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shape every metric check shares: read one number from a {@link MetricSource}, convert it to the
 * observation the rules read ({@link #observation()} in {@link #unit()}), compare it with {@code max} and
 * {@code min}: FAIL outside them, PASS inside (a measurement: the rules also weigh it over their window),
 * UNKNOWN when it cannot be measured, ERROR when the source cannot be asked.
 */
abstract class MetricCheck implements CheckProvider {

    /** The observation the rules read, such as {@code rate} or {@code p99-ms}. */
    abstract String observation();

    /** The observation's unit in words, for messages and help ("fraction", "ms"). */
    abstract String unit();

    /** The source's number converted to the observation's unit; {@code params} carries the conversion choice. */
    abstract double convert(double value, Map<String, String> params);

    /** A threshold parameter's text in the observation's unit; IllegalArgumentException with a sentence otherwise. */
    abstract double threshold(String name, String text);

    /** The value for a message, in the observation's unit. */
    abstract String show(double value);

    /** Parameters beyond the source's and the thresholds (the unit conversion). */
    List<ParamSpec> extraParameters() {
        return List.of();
    }

    /** Problems with the extra parameters. */
    List<String> validateExtra(Map<String, String> params) {
        return List.of();
    }

    @Override
    public List<ParamSpec> parameters() {
        List<ParamSpec> p = new ArrayList<>(MetricSource.parameters());
        p.add(ParamSpec.optional("max", null, "FAIL above this (" + unit() + ")"));
        p.add(ParamSpec.optional("min", null, "FAIL below this (" + unit() + ")"));
        p.addAll(extraParameters());
        return p;
    }

    @Override
    public List<String> validate(Map<String, String> params) {
        List<String> problems = new ArrayList<>(CheckProvider.super.validate(params));
        problems.addAll(MetricSource.validate(params));
        for (String t : List.of("max", "min")) {
            if (MetricSource.present(params, t)) {
                try {
                    threshold(t, params.get(t).trim());
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        problems.addAll(validateExtra(params));
        return problems;
    }

    @Override
    public CheckResult run(CheckRequest request) {
        MetricSource.Reading r = MetricSource.read(request);
        Map<String, Object> obs = new LinkedHashMap<>();
        if (!r.ok()) {
            return request.result(r.failure(), r.where(), r.problem(), obs);
        }
        double v = convert(r.value(), request.params());
        obs.put(observation(), v);
        obs.put("value", r.value());
        Optional<Double> max = bound(request, "max");
        Optional<Double> min = bound(request, "min");
        String measured = observation() + " " + show(v) + " from " + r.where();
        if (max.isPresent() && v > max.get()) {
            return request.result(CheckStatus.FAIL, r.where(), measured + ": above max " + show(max.get()), obs);
        }
        if (min.isPresent() && v < min.get()) {
            return request.result(CheckStatus.FAIL, r.where(), measured + ": below min " + show(min.get()), obs);
        }
        return request.result(CheckStatus.PASS, r.where(), measured, obs);
    }

    private Optional<Double> bound(CheckRequest request, String name) {
        String t = request.param(name);
        return t == null || t.isBlank() ? Optional.empty() : Optional.of(threshold(name, t.trim()));
    }

    /** The {@code unit} parameter's problem, if it is not one of {@code allowed} (the first is the default). */
    static List<String> unitProblem(Map<String, String> params, String... allowed) {
        String u = unit(params, allowed[0]);
        return List.of(allowed).contains(u) ? List.of()
                : List.of("parameter 'unit': '" + params.get("unit") + "' is not " + String.join(" or ", allowed));
    }

    /** The {@code unit} parameter, lower case, or {@code fallback}. */
    static String unit(Map<String, String> params, String fallback) {
        return params.getOrDefault("unit", fallback).trim().toLowerCase(java.util.Locale.ROOT);
    }

    static double plainNumber(String name, String text, String expected) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter '" + name + "': '" + text + "' is not a number (expected " + expected + ")");
        }
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return Long.toString((long) v);
        }
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }
}
