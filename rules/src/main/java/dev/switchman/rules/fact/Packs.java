package dev.switchman.rules.fact;

import dev.switchman.core.decision.DecisionKind;
import dev.switchman.core.decision.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Static helpers the DRL packs call, kept in Java so the rules stay short and the logic testable. */
public final class Packs {
    private Packs() {
    }

    /** {@code before} before cutover, {@code after} after it (null: do not announce, only block gates). */
    public static DecisionKind byPhase(RunState run, DecisionKind before, DecisionKind after) {
        return run.isAfterCutover() ? after : before;
    }

    /**
     * A window of {@code windowMs} ending at the check's latest sample is covered when the check's first
     * sample is at or before the window's start and it holds at least half the expected samples.
     */
    public static boolean covered(CheckState s, long windowMs, Object count) {
        long n = Words.l(count);
        return s.getFirstSampleMs() >= 0 && s.getFirstSampleMs() <= s.getLastMs() - windowMs
                && n >= Limits.needSamples(windowMs, s.getIntervalMs());
    }

    /** The first of {@code hosts} (MX answers like "10 mx.old.test.") naming one of {@code old}, or "". */
    public static String oldHost(List<String> hosts, List<String> old) {
        for (String h : hosts) {
            String name = h.trim().replaceFirst("^\\d+\\s+", "").toLowerCase(Locale.ROOT);
            if (name.endsWith(".")) {
                name = name.substring(0, name.length() - 1);
            }
            for (String o : old) {
                if (name.equals(o.toLowerCase(Locale.ROOT))) {
                    return h.trim();
                }
            }
        }
        return "";
    }

    /**
     * The decision for a rollback trigger: the trigger's numbers in words, then the weighed recommendation
     * ({@link Weighing}) stating both sides, announced under the trigger's own rule id. A change of
     * recommendation (escalation, the window closes, the writes at risk change band) is announced again.
     */
    public static Finding weigh(Trigger t, DataAtRisk d, RunState run, Now now, Limits limits) {
        Weighing.Verdict v = Weighing.weigh(t, d, run.getCutoverMs(), now.getMs(), limits);
        List<Evidence> ev = new ArrayList<>(t.getEvidence());
        ev.add(d.evidence());
        String reason = "Rollback trigger (" + t.label() + "): " + t.getWhat() + ". " + v.words() + " [" + v.branch() + "]";
        return new Finding(t.getRuleId(), t.getCheckId(), v.kind(), false, v.branch(), reason, ev);
    }

    /** "Ask X" sentence ending for HOLD decisions after cutover. */
    public static String ask(Limits limits) {
        return "Ask " + limits.getAuthority() + " whether to roll back.";
    }

    /** The "lag has not stayed under the threshold" sentence for a gate. */
    public static String lagNotSustained(CheckState s, Object max, Object count, Limits limits) {
        String thr = Words.num(limits.getReplicationLagS()) + " s";
        String need = Words.dur(limits.getLagSustainMs());
        double m = Words.d(max);
        if (!Double.isNaN(m) && m >= limits.getReplicationLagS()) {
            return "replication lag on " + s.getCheckId() + " has not stayed under " + thr + " for " + need
                    + ": up to " + Words.num(m) + " s in that stretch, now " + Words.num(s.num("lag-s")) + " s";
        }
        long have = s.getFirstSampleMs() < 0 ? 0 : s.getLastMs() - s.getFirstSampleMs();
        return "replication lag on " + s.getCheckId() + " is under " + thr + " but only " + Words.dur(have)
                + " of lag data (" + Words.l(count) + " samples) so far; it must stay under " + thr + " for " + need;
    }
}
