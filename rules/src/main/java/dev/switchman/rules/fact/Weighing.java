package dev.switchman.rules.fact;

import dev.switchman.core.decision.DecisionKind;

/**
 * Roll back or fix forward, once a rollback trigger holds after cutover. Weighs time since cutover
 * against the point of no return and the rollback window, writes accepted on the new side since
 * cutover, and the trigger's severity, and says the trade-off in words.
 *
 * <ol>
 *   <li>past the point of no return: FIX_FORWARD (rolling back is no longer possible);</li>
 *   <li>past the rollback window: CRITICAL -> HOLD asking the rollback authority, MAJOR -> FIX_FORWARD;</li>
 *   <li>writes since cutover at or above {@code fix-forward-writes} and severity MAJOR: FIX_FORWARD;</li>
 *   <li>otherwise ROLLBACK now.</li>
 * </ol>
 */
public final class Weighing {

    public enum Severity { MAJOR, CRITICAL }

    /** The recommendation: kind, which branch of the weighing (documented as weigh.* in docs/rules.md), words. */
    public record Verdict(DecisionKind kind, String branch, String words) {
    }

    private Weighing() {
    }

    public static Verdict weigh(Severity severity, String exposure, RunState run, WriteCount wc, long nowMs, Limits limits) {
        long since = nowMs - run.getCutoverMs();
        long ponr = limits.getPointOfNoReturnMs();
        long window = limits.getRollbackWindowMs();
        boolean known = wc != null && wc.isKnown();
        long writes = known ? wc.getWrites() : -1;
        String data = known
                ? writes + " write" + (writes == 1 ? "" : "s") + " accepted on the new side since cutover"
                : "an unknown number of writes on the new side (no write counter: set threshold write-counter-check)";
        String timing = Words.dur(since) + " after cutover";
        if (ponr >= 0 && since >= ponr) {
            return new Verdict(DecisionKind.FIX_FORWARD, "weigh.past-point-of-no-return",
                    "Fix forward: " + timing + " is past the point of no return (" + Words.dur(ponr)
                            + "), rolling back is no longer possible. Exposure while fixing: " + exposure + ".");
        }
        if (since >= window) {
            if (severity == Severity.CRITICAL) {
                return new Verdict(DecisionKind.HOLD, "weigh.outside-window-critical",
                        "Hold and ask " + limits.getAuthority() + ": " + timing + " is past the rollback window ("
                                + Words.dur(window) + ") but the trigger is critical. Rolling back puts " + data
                                + " at risk; not rolling back leaves " + exposure + ".");
            }
            return new Verdict(DecisionKind.FIX_FORWARD, "weigh.outside-window",
                    "Fix forward: " + timing + " is past the rollback window (" + Words.dur(window)
                            + "). Rolling back would put " + data + " at risk; fixing forward leaves " + exposure
                            + " until fixed.");
        }
        String left = Words.dur(window - since) + " left in the rollback window";
        if (known && writes >= limits.getFixForwardWrites() && severity == Severity.MAJOR) {
            return new Verdict(DecisionKind.FIX_FORWARD, "weigh.writes-at-risk",
                    "Fix forward: rolling back would put " + data + " at risk (limit " + limits.getFixForwardWrites()
                            + "), and the trigger is not critical. Not rolling back leaves " + exposure + "; "
                            + left + ".");
        }
        return new Verdict(DecisionKind.ROLLBACK, "weigh.rollback",
                "Roll back now (" + left + "). Trade-off: rolling back puts " + data
                        + " at risk (copy them to the old side); not rolling back leaves " + exposure + ".");
    }
}
