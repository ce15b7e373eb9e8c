/**
 * Metric checks ({@code metrics.prometheus}, {@code metrics.error-rate}, {@code metrics.latency}): one
 * number from a PromQL instant query against the Prometheus HTTP API or from a JSON endpoint by JSON
 * Pointer, compared with thresholds; the rollback rules weigh it over their window. docs/checks-metrics.md.
 */
package dev.switchman.checks.metrics;
