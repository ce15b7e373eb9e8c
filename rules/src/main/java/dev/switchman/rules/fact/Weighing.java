package dev.switchman.rules.fact;

import dev.switchman.core.decision.DecisionKind;
import dev.switchman.core.runbook.Severity;

/**
 * Roll back or fix forward, once a rollback trigger holds after cutover. Severity sets the strength, the
 * writes a rollback would strand ({@link DataAtRisk}) set the direction, the rollback window and the point
 * of no return bound both. In order (branch ids documented in docs/rules.md):
 *
 * <ol>
 *   <li>past the point of no return: FIX_FORWARD ({@code weigh.past-point-of-no-return});</li>
 *   <li>minor: ADVISE, the run goes on ({@code weigh.minor});</li>
 *   <li>major, not yet persisted past {@code major-escalate-after}: HOLD naming the check and asking the
 *       rollback authority ({@code weigh.major});</li>
 *   <li>past the rollback window: FIX_FORWARD ({@code weigh.outside-window});</li>
 *   <li>writes at risk unknown: HOLD asking the rollback authority ({@code weigh.writes-unknown});</li>
 *   <li>writes at risk at or above {@code fix-forward-writes}: FIX_FORWARD ({@code weigh.writes-at-risk});</li>
 *   <li>some writes at risk: HOLD asking the rollback authority, both sides in numbers ({@code weigh.writes-stranded});</li>
 *   <li>nothing at risk: ROLLBACK now ({@code weigh.rollback}).</li>
 * </ol>
 *
 * Every sentence states both sides: what rolling back strands, and what fixing forward keeps and leaves
 * (the exposure and how long it has lasted).
 */
public final class Weighing {

    /** The recommendation: kind, which branch of the weighing (documented as weigh.* in docs/rules.md), words. */
    public record Verdict(DecisionKind kind, String branch, String words) {
    }

    private Weighing() {
    }

    /** Weighs trigger {@code t} at {@code nowMs} for a run that cut over at {@code cutoverMs}. */
    public static Verdict weigh(Trigger t, DataAtRisk d, long cutoverMs, long nowMs, Limits limits) {
        long since = nowMs - cutoverMs;
        long ponr = limits.getPointOfNoReturnMs();
        long window = limits.getRollbackWindowMs();
        String sides = sides(t, d, cutoverMs, nowMs, limits);
        if (ponr >= 0 && since >= ponr) {
            return new Verdict(DecisionKind.FIX_FORWARD, "weigh.past-point-of-no-return",
                    "Fix forward: " + Words.dur(since) + " after cutover is past the point of no return ("
                            + Words.dur(ponr) + "), rolling back is no longer possible. " + sides);
        }
        if (t.getSeverity() == Severity.MINOR) {
            return new Verdict(DecisionKind.ADVISE, "weigh.minor",
                    "Advice only (minor: " + t.getWhy() + "); the run goes on. " + sides);
        }
        if (t.getSeverity() == Severity.MAJOR && !t.isEscalated()) {
            return new Verdict(DecisionKind.HOLD, "weigh.major",
                    "Hold (major: " + t.getWhy() + "). Ask " + limits.getAuthority() + " whether to fix "
                            + t.getCheckId() + " forward or roll back; if it still fails at "
                            + Words.time(t.getEscalateAtMs()) + " (major-escalate-after "
                            + Words.dur(limits.getMajorEscalateMs()) + ") it is weighed like a critical trigger. " + sides);
        }
        String strength = t.isEscalated() ? "major, escalated: failing since " + Words.time(t.getSinceMs())
                + ", longer than major-escalate-after (" + Words.dur(limits.getMajorEscalateMs()) + ")"
                : "critical: " + t.getWhy();
        if (since >= window) {
            return new Verdict(DecisionKind.FIX_FORWARD, "weigh.outside-window",
                    "Fix forward (" + strength + "): " + Words.dur(since) + " after cutover is past the rollback window ("
                            + Words.dur(window) + "); rolling back is no longer planned. " + sides);
        }
        String left = Words.dur(window - since) + " left in the rollback window";
        return switch (d.getBand()) {
            case DataAtRisk.UNKNOWN -> new Verdict(DecisionKind.HOLD, "weigh.writes-unknown",
                    "Hold (" + strength + ") and ask " + limits.getAuthority() + ": an unknown number of writes is never"
                            + " zero. " + sides + " " + left + ".");
            case DataAtRisk.MANY -> new Verdict(DecisionKind.FIX_FORWARD, "weigh.writes-at-risk",
                    "Fix forward (" + strength + "): rolling back would strand at least fix-forward-writes ("
                            + limits.getFixForwardWrites() + "). " + sides + " " + left + ".");
            case DataAtRisk.SOME -> new Verdict(DecisionKind.HOLD, "weigh.writes-stranded",
                    "Hold (" + strength + ") and ask " + limits.getAuthority() + " to choose. " + sides + " " + left + ".");
            default -> new Verdict(DecisionKind.ROLLBACK, "weigh.rollback",
                    "Roll back now (" + strength + "; " + left + "). " + sides);
        };
    }

    /**
     * Both sides in numbers: "Rolling back strands ~600 orders written since 14:02 that the old side does not
     * have (reverse replication ...); fixing forward keeps them, with the error rate at 3.1% for 9m."
     */
    static String sides(Trigger t, DataAtRisk d, long cutoverMs, long nowMs, Limits limits) {
        String noun = limits.getWriteNoun();
        String keep = " with " + t.getExposure() + " for " + Words.dur(nowMs - t.getSinceMs()) + ".";
        if (!d.isKnown()) {
            return "Rolling back strands an unknown number of " + noun + " written since " + Words.time(cutoverMs)
                    + " (" + d.getBasis() + "); fixing forward keeps them," + keep;
        }
        if (d.getWrites() == 0) {
            return "Rolling back strands nothing (" + d.getBasis() + "); fixing forward leaves users" + keep;
        }
        return "Rolling back strands ~" + d.getWrites() + " " + noun + " written since " + Words.time(cutoverMs)
                + " that the old side does not have (" + d.getBasis() + "); fixing forward keeps them," + keep;
    }
}
