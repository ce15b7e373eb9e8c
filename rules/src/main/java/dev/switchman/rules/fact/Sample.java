package dev.switchman.rules.fact;

import org.kie.api.definition.type.Role;
import org.kie.api.definition.type.Timestamp;

/**
 * One numeric reading of a windowed check (error rate, p99 latency, replication lag) as a CEP event.
 * The session retracts samples once no window needs them, so memory stays bounded.
 */
@Role(Role.Type.EVENT)
@Timestamp("atMs")
public final class Sample {
    private final String checkId;
    private final String kind;
    private final long atMs;
    private final double value;

    /** {@code kind}: the check's kind, so each window rule sees only its own kind's samples (alpha-filtered). */
    public Sample(String checkId, String kind, long atMs, double value) {
        this.checkId = checkId;
        this.kind = kind;
        this.atMs = atMs;
        this.value = value;
    }

    public String getKind() {
        return kind;
    }

    public String getCheckId() {
        return checkId;
    }

    public long getAtMs() {
        return atMs;
    }

    public double getValue() {
        return value;
    }

    @Override
    public String toString() {
        return "Sample[" + checkId + "@" + atMs + "=" + value + "]";
    }
}
