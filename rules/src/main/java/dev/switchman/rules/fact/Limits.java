package dev.switchman.rules.fact;

import dev.switchman.core.runbook.Roles;
import dev.switchman.core.runbook.Runbook;
import dev.switchman.core.runbook.Thresholds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every threshold and window the rule packs read, from the runbook's {@code thresholds:} with the
 * defaults documented in docs/rules.md. Rules see it as the global {@code limits}; nothing numeric is
 * a constant in DRL. A value that does not parse keeps its default and is reported in {@link #problems()}.
 */
public final class Limits {

    /** Threshold names and their defaults (the table in docs/rules.md). */
    public static final Map<String, String> DEFAULTS;

    static {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("fresh-intervals", "2");
        d.put("stale-intervals", "3");
        d.put("blind-intervals", "3");
        d.put("dns-max-ttl", "300");
        d.put("propagation-grace", "15m");
        d.put("replication-lag-s", "1");
        d.put("lag-sustain", "10m");
        d.put("replication-lag-hold-s", "30");
        d.put("error-rate", "0.05");
        d.put("error-rate-critical", "0.25");
        d.put("error-window", "5m");
        d.put("latency-p99-ms", "1000");
        d.put("latency-window", "5m");
        d.put("health-failure-limit", "3");
        d.put("heartbeat-missed-limit", "1");
        d.put("heartbeat-max-age", "1h");
        d.put("webhook-failure-limit", "3");
        d.put("tls-min-days", "14");
        d.put("dkim-min-bits", "1024");
        d.put("write-counter-check", "");
        d.put("fix-forward-writes", "1000");
        d.put("write-noun", "writes");
        d.put("reverse-replication-check", "");
        d.put("parity-check", "");
        d.put("major-escalate-after", "30m");
        d.put("rollback-window", "24h");
        DEFAULTS = java.util.Collections.unmodifiableMap(d);
    }

    private final List<String> problems = new ArrayList<>();
    private final Thresholds t;
    private final double freshIntervals;
    private final double staleIntervals;
    private final int blindIntervals;
    private final String writeNoun;
    private final String reverseReplicationCheck;
    private final String parityCheck;
    private final long majorEscalateMs;
    private final double dnsMaxTtl;
    private final double replicationLagS;
    private final long propagationGraceMs;
    private final long lagSustainMs;
    private final double replicationLagHoldS;
    private final double errorRate;
    private final double errorRateCritical;
    private final long errorWindowMs;
    private final double latencyP99Ms;
    private final long latencyWindowMs;
    private final int healthFailureLimit;
    private final int heartbeatMissedLimit;
    private final long heartbeatMaxAgeMs;
    private final int webhookFailureLimit;
    private final double tlsMinDays;
    private final double dkimMinBits;
    private final String writeCounterCheck;
    private final long fixForwardWrites;
    private final long rollbackWindowMs;
    private final long pointOfNoReturnMs;
    private final String authority;
    private final List<String> oldHosts;
    private final List<String> domains;

    public Limits(Runbook rb) {
        this.t = rb.thresholds();
        freshIntervals = num("fresh-intervals");
        staleIntervals = num("stale-intervals");
        blindIntervals = Math.max(1, (int) num("blind-intervals"));
        writeNoun = text("write-noun");
        reverseReplicationCheck = text("reverse-replication-check");
        parityCheck = text("parity-check");
        majorEscalateMs = dur("major-escalate-after");
        dnsMaxTtl = num("dns-max-ttl");
        replicationLagS = num("replication-lag-s");
        propagationGraceMs = dur("propagation-grace");
        lagSustainMs = dur("lag-sustain");
        replicationLagHoldS = num("replication-lag-hold-s");
        errorRate = num("error-rate");
        errorRateCritical = num("error-rate-critical");
        errorWindowMs = dur("error-window");
        latencyP99Ms = num("latency-p99-ms");
        latencyWindowMs = dur("latency-window");
        healthFailureLimit = (int) num("health-failure-limit");
        heartbeatMissedLimit = (int) num("heartbeat-missed-limit");
        heartbeatMaxAgeMs = dur("heartbeat-max-age");
        webhookFailureLimit = (int) num("webhook-failure-limit");
        tlsMinDays = num("tls-min-days");
        dkimMinBits = num("dkim-min-bits");
        writeCounterCheck = t.text("write-counter-check", "").trim();
        fixForwardWrites = (long) num("fix-forward-writes");
        rollbackWindowMs = rb.rollbackWindow() != null ? rb.rollbackWindow().toMillis() : dur("rollback-window");
        pointOfNoReturnMs = rb.pointOfNoReturn() != null ? rb.pointOfNoReturn().toMillis() : -1;
        List<String> auth = rb.roles().of(Roles.ROLLBACK_AUTHORITY);
        authority = auth.isEmpty() ? "the rollback authority" : "the rollback authority (" + String.join(", ", auth) + ")";
        List<String> old = new ArrayList<>();
        for (String k : List.of("host", "address", "mx")) {
            String v = rb.targets().oldSide().get(k);
            if (v != null && !v.isBlank()) {
                old.add(stripDot(v.trim()));
            }
        }
        oldHosts = List.copyOf(old);
        domains = rb.targets().domains();
    }

    private static String stripDot(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private String text(String name) {
        String v = t.text(name, DEFAULTS.get(name)).trim();
        return v.isEmpty() ? DEFAULTS.get(name) : v;
    }

    private double num(String name) {
        String v = t.values().get(name);
        if (v != null) {
            try {
                return Double.parseDouble(v.trim());
            } catch (NumberFormatException e) {
                problems.add("threshold " + name + ": expected a number, got '" + v + "'; using the default " + DEFAULTS.get(name));
            }
        }
        return Double.parseDouble(DEFAULTS.get(name));
    }

    private long dur(String name) {
        String v = t.values().get(name);
        if (v != null) {
            try {
                return dev.switchman.core.time.Durations.parse(v).toMillis();
            } catch (IllegalArgumentException e) {
                problems.add("threshold " + name + ": " + e.getMessage() + "; using the default " + DEFAULTS.get(name));
            }
        }
        return dev.switchman.core.time.Durations.parse(DEFAULTS.get(name)).toMillis();
    }

    /** Thresholds that did not parse (each message names the threshold and what was expected). */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    public double getFreshIntervals() { return freshIntervals; }
    public double getStaleIntervals() { return staleIntervals; }
    /** Results in a row that cannot measure (UNKNOWN/ERROR) before a check counts as blind. */
    public int getBlindIntervals() { return blindIntervals; }
    /** What the write counter counts, for sentences: "orders" (default "writes"). */
    public String getWriteNoun() { return writeNoun; }
    /** Id of the db.replication check replicating the new side back to the old one after cutover ("" none). */
    public String getReverseReplicationCheck() { return reverseReplicationCheck; }
    /** Id of a db.parity check whose new-count minus old-count is what the old side lacks ("" none). */
    public String getParityCheck() { return parityCheck; }
    /** How long a major trigger may persist before it is weighed like a critical one. */
    public long getMajorEscalateMs() { return majorEscalateMs; }
    public double getDnsMaxTtl() { return dnsMaxTtl; }
    public double getReplicationLagS() { return replicationLagS; }
    public long getPropagationGraceMs() { return propagationGraceMs; }
    public long getLagSustainMs() { return lagSustainMs; }
    public double getReplicationLagHoldS() { return replicationLagHoldS; }
    public double getErrorRate() { return errorRate; }
    public double getErrorRateCritical() { return errorRateCritical; }
    public long getErrorWindowMs() { return errorWindowMs; }
    public double getLatencyP99Ms() { return latencyP99Ms; }
    public long getLatencyWindowMs() { return latencyWindowMs; }
    public int getHealthFailureLimit() { return healthFailureLimit; }
    public int getHeartbeatMissedLimit() { return heartbeatMissedLimit; }
    public long getHeartbeatMaxAgeMs() { return heartbeatMaxAgeMs; }
    public int getWebhookFailureLimit() { return webhookFailureLimit; }
    public double getTlsMinDays() { return tlsMinDays; }
    public double getDkimMinBits() { return dkimMinBits; }
    public String getWriteCounterCheck() { return writeCounterCheck; }
    public long getFixForwardWrites() { return fixForwardWrites; }
    public long getRollbackWindowMs() { return rollbackWindowMs; }
    /** -1 when the runbook declares no point of no return. */
    public long getPointOfNoReturnMs() { return pointOfNoReturnMs; }
    /** "the rollback authority (console:carol)": for HOLD sentences. */
    public String getAuthority() { return authority; }
    /** The old side's host, address and mx from {@code targets.old}, for the MX rule. */
    public List<String> getOldHosts() { return oldHosts; }
    public List<String> getDomains() { return domains; }

    /** The longest window a check of this kind needs, so its samples can be dropped afterwards. */
    public long retentionMs(String kind) {
        return switch (kind) {
            case Kinds.ERROR_RATE -> errorWindowMs;
            case Kinds.LATENCY -> latencyWindowMs;
            case Kinds.REPLICATION -> lagSustainMs;
            default -> 0;
        };
    }

    /** Samples needed in a window of {@code windowMs} for it to count as covered: half the expected, at least 1. */
    public static long needSamples(long windowMs, long intervalMs) {
        return Math.max(1, windowMs / Math.max(1, intervalMs) / 2);
    }
}
