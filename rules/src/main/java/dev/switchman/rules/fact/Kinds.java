package dev.switchman.rules.fact;

import dev.switchman.core.runbook.Severity;
import java.util.Map;

/**
 * The check kinds the packs know and the observation each windowed kind is sampled on. The contract
 * (observation names per kind) is documented in docs/rules.md.
 */
public final class Kinds {
    public static final String ERROR_RATE = "metrics.error-rate";
    public static final String LATENCY = "metrics.latency";
    public static final String REPLICATION = "db.replication";
    public static final String HEALTH = "http.health";
    public static final String PROBE = "http.probe";
    public static final String HEARTBEAT = "heartbeat";
    public static final String WEBHOOK = "webhook.delivery";

    /** Windowed kinds: the observation that feeds the check's sliding window (CheckState#addSample). */
    public static final Map<String, String> SAMPLED = Map.of(
            ERROR_RATE, "rate",
            LATENCY, "p99-ms",
            REPLICATION, "lag-s");

    private Kinds() {
    }

    /**
     * The severity of a check that does not declare one (docs/rules.md, "Severity"): error rate, latency and
     * health are critical (the service is failing for many users); a heartbeat (one job or queue worker), a
     * webhook endpoint, a queue ({@code queue.*}) and any other blocking check are major; any other
     * non-blocking check is minor.
     */
    public static Severity defaultSeverity(String kind, boolean blocking) {
        return switch (kind) {
            case ERROR_RATE, LATENCY, HEALTH, PROBE -> Severity.CRITICAL;
            case HEARTBEAT, WEBHOOK -> Severity.MAJOR;
            default -> blocking || kind.startsWith("queue.") ? Severity.MAJOR : Severity.MINOR;
        };
    }

    /** Kinds whose checks are rollback triggers after cutover (rollback.drl lists the same kinds). */
    public static boolean isTrigger(String kind) {
        return switch (kind) {
            case ERROR_RATE, LATENCY, HEALTH, HEARTBEAT, WEBHOOK -> true;
            default -> false;
        };
    }
}
