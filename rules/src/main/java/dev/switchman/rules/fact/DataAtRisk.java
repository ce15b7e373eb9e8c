package dev.switchman.rules.fact;

import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.decision.Evidence;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The writes a rollback would strand: those accepted on the new side since cutover that the old side does
 * not have. Worked out by the session (see {@link #update}) from, in order of preference:
 *
 * <ol>
 *   <li>the {@code parity-check} (a db.parity check observed after cutover): {@code new-count - old-count};</li>
 *   <li>the {@code reverse-replication-check} (a db.replication check from the new side back to the old):
 *       healthy (PASS/WARN, fresh) with {@code lag-s} at most {@code replication-lag-s} strands nothing (a
 *       write freeze lets it drain); further behind strands about that many seconds of writes; broken
 *       (FAIL), unmeasurable, silent or not reporting since cutover strands every write since cutover;</li>
 *   <li>no such check: every write since cutover (from {@code write-counter-check}) is at risk.</li>
 * </ol>
 *
 * An unknown count is never zero: {@code band} is {@code unknown} and the weighing asks the rollback
 * authority. {@code band} (none, some, many = at or above {@code fix-forward-writes}, unknown) is what rules
 * watch; the numbers are payload for the sentences.
 */
public final class DataAtRisk {
    public static final String NONE = "none";
    public static final String SOME = "some";
    public static final String MANY = "many";
    public static final String UNKNOWN = "unknown";

    private String band = UNKNOWN;
    private long writes = -1;
    private long sinceCutover = -1;
    private String basis = "";
    private String checkId = "";

    /** none, some, many or unknown. */
    public String getBand() {
        return band;
    }

    /** Writes the old side lacks; -1 when unknown. */
    public long getWrites() {
        return writes;
    }

    /** Writes accepted on the new side since cutover; -1 when unknown. */
    public long getSinceCutover() {
        return sinceCutover;
    }

    /** How the count was worked out, in words ("reverse replication db-reverse is FAIL: ..."). */
    public String getBasis() {
        return basis;
    }

    public boolean isKnown() {
        return writes >= 0;
    }

    /**
     * Recomputes from the current facts; {@code reverse} and {@code parity} are null when the runbook names
     * none. Returns whether anything changed.
     */
    public boolean update(WriteCount wc, CheckState reverse, CheckState parity, long cutoverMs, long nowMs, Limits limits) {
        String noun = limits.getWriteNoun();
        long since = wc != null && wc.isKnown() ? wc.getWrites() : -1;
        long at;
        String why;
        String from = "";
        if (parity != null && parity.isSeen() && cutoverMs >= 0 && parity.getLastMs() >= cutoverMs
                && !parity.isUnmeasured() && parity.has("old-count") && parity.has("new-count")) {
            at = (long) Math.max(0, parity.num("new-count") - parity.num("old-count"));
            why = "parity check " + parity.getCheckId() + " counts " + Words.num(parity.num("new-count")) + " rows new, "
                    + Words.num(parity.num("old-count")) + " old";
            from = parity.getCheckId();
        } else if (reverse != null) {
            from = reverse.getCheckId();
            String state = reverseState(reverse, cutoverMs, nowMs);
            if (state != null) {
                at = since;
                why = "reverse replication " + reverse.getCheckId() + " " + state + ", so none of the " + noun
                        + " written since cutover has reached the old side";
            } else {
                double lag = reverse.num("lag-s");
                if (Double.isNaN(lag) || lag <= limits.getReplicationLagS()) {
                    at = 0;
                    why = "reverse replication " + reverse.getCheckId() + " is " + reverse.getStatus()
                            + (Double.isNaN(lag) ? "" : " with " + Words.num(lag) + " s of lag")
                            + ": a write freeze lets it drain, so the old side has them";
                } else if (since >= 0) {
                    double share = Math.min(1, lag * 1000 / Math.max(1, nowMs - cutoverMs));
                    at = (long) Math.ceil(since * share);
                    why = "reverse replication " + reverse.getCheckId() + " is " + Words.num(lag)
                            + " s behind: about the last " + Words.num(lag) + " s of " + noun;
                } else {
                    at = -1;
                    why = "reverse replication " + reverse.getCheckId() + " is " + Words.num(lag)
                            + " s behind and no write counter says how many " + noun + " that is";
                }
            }
        } else {
            at = since;
            why = "no reverse replication check (threshold reverse-replication-check), so all " + noun
                    + " written since cutover count";
        }
        if (at < 0 && since < 0) {
            why = why + "; the number of " + noun + " since cutover is unknown"
                    + (limits.getWriteCounterCheck().isEmpty() ? " (no write counter: set threshold write-counter-check)" : "");
        }
        String b = at < 0 ? UNKNOWN : at == 0 ? NONE : at >= limits.getFixForwardWrites() ? MANY : SOME;
        boolean changed = !b.equals(band) || at != writes || since != sinceCutover || !why.equals(basis);
        band = b;
        writes = at;
        sinceCutover = since;
        basis = why;
        checkId = from;
        return changed;
    }

    /** Why the reverse replication cannot be trusted (words), or null when it is replicating. */
    private static String reverseState(CheckState r, long cutoverMs, long nowMs) {
        if (!r.isSeen() || cutoverMs < 0 || r.getLastMs() < cutoverMs) {
            return "has not reported since cutover";
        }
        if (r.isUnmeasured()) {
            return "cannot measure (" + r.getStatus() + ")";
        }
        if (r.getStatus() == CheckStatus.FAIL) {
            return "is broken (FAIL" + (r.getMessage().isBlank() ? "" : ": " + r.getMessage()) + ")";
        }
        if (r.isMonitored() && nowMs > r.getStaleAtMs()) {
            return "has been silent since " + Words.time(r.getLastMs());
        }
        return null;
    }

    /** Evidence for a decision: what is at risk and how it was worked out. */
    public Evidence evidence() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("at-risk", writes < 0 ? "unknown" : writes);
        v.put("since-cutover", sinceCutover < 0 ? "unknown" : sinceCutover);
        v.put("basis", basis);
        return new Evidence(checkId.isEmpty() ? "data-at-risk" : checkId, null, v, null);
    }

    @Override
    public String toString() {
        return "DataAtRisk[" + band + " " + writes + "]";
    }
}
