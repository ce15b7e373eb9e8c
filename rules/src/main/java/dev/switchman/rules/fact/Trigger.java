package dev.switchman.rules.fact;

import dev.switchman.core.decision.Evidence;
import dev.switchman.core.runbook.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A rollback trigger that holds after cutover (inserted logically by the rules of rollback.drl, so it
 * lives exactly while its condition holds), before it is weighed into a recommendation by
 * {@code rollback.weigh}. Identity is (ruleId, checkId, severity); the rest is payload from the moment it
 * first held. {@code escalated}: a major trigger that has persisted past {@code major-escalate-after}
 * (set by {@code rollback.escalate}), weighed like a critical one from then on.
 */
public final class Trigger {
    private final String ruleId;
    private final String checkId;
    private final Severity severity;
    private final String why;
    private final String what;
    private final String exposure;
    private final long sinceMs;
    private final long escalateAtMs;
    private final List<Evidence> evidence;
    private boolean escalated;

    /**
     * @param why      why this severity, in words ("the runbook says severity: major", "error rate checks are critical by default")
     * @param what     the trigger's numbers in words ("error rate on error-rate stayed above 5% for 5m ...")
     * @param exposure what not rolling back leaves, without a duration ("the error rate at 8%")
     * @param sinceMs  when the trouble began (epoch ms); the exposure's duration and the escalation count from it
     */
    public Trigger(String ruleId, String checkId, Severity severity, String why, String what, String exposure, long sinceMs,
                   long escalateAfterMs, List<Evidence> evidence) {
        this.ruleId = Objects.requireNonNull(ruleId);
        this.checkId = Objects.requireNonNull(checkId);
        this.severity = Objects.requireNonNull(severity);
        this.why = why;
        this.what = what;
        this.exposure = exposure;
        this.sinceMs = sinceMs;
        this.escalateAtMs = severity == Severity.MAJOR ? sinceMs + escalateAfterMs : Long.MAX_VALUE;
        this.evidence = List.copyOf(evidence);
    }

    /** A trigger for check {@code s}, with its severity (declared or the kind's) and a since-time from its state. */
    public static Trigger of(String ruleId, CheckState s, String what, String exposure, long nowMs, Limits limits,
                             Evidence... evidence) {
        Severity sev = s.getSeverity();
        String why = s.isSeverityDeclared() ? "the runbook declares " + s.getCheckId() + " severity: " + sev.word()
                : s.getKind() + " checks are " + sev.word() + " by default";
        long since = s.getBadSinceMs() >= 0 ? Math.min(s.getBadSinceMs(), nowMs) : nowMs;
        return new Trigger(ruleId, s.getCheckId(), sev, why, what, exposure, since, limits.getMajorEscalateMs(),
                List.of(evidence));
    }

    /** The same trigger at a different severity (an error rate above error-rate-critical is critical whatever was declared). */
    public Trigger raisedTo(Severity sev, String reason, Limits limits) {
        return new Trigger(ruleId, checkId, sev, reason, what, exposure, sinceMs, limits.getMajorEscalateMs(), evidence);
    }

    public String getRuleId() { return ruleId; }
    public String getCheckId() { return checkId; }
    public Severity getSeverity() { return severity; }
    public String getWhy() { return why; }
    public String getWhat() { return what; }
    public String getExposure() { return exposure; }
    public long getSinceMs() { return sinceMs; }
    public long getEscalateAtMs() { return escalateAtMs; }
    public List<Evidence> getEvidence() { return evidence; }
    public boolean isEscalated() { return escalated; }
    public void setEscalated(boolean escalated) { this.escalated = escalated; }

    /** The strength the weighing uses: critical, or a major that has persisted past major-escalate-after. */
    public boolean isWeighedAsCritical() {
        return severity == Severity.CRITICAL || escalated;
    }

    /** "critical", "major", "major, escalated". */
    public String label() {
        return severity.name().toLowerCase(Locale.ROOT) + (escalated ? ", escalated" : "");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Trigger t && t.ruleId.equals(ruleId) && t.checkId.equals(checkId) && t.severity == severity;
    }

    @Override
    public int hashCode() {
        return Objects.hash(ruleId, checkId, severity);
    }

    @Override
    public String toString() {
        return "Trigger[" + ruleId + " " + checkId + " " + label() + "]";
    }
}
