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
     * The finding of a rollback trigger after cutover: the trigger's numbers in words ({@code what}),
     * then the weighed recommendation (ROLLBACK, FIX_FORWARD or HOLD) and its trade-off. A change of
     * recommendation (the rollback window closes, writes pass the limit) is announced again.
     */
    public static Finding trigger(String ruleId, CheckState s, Weighing.Severity severity, String what, String exposure,
                                  RunState run, WriteCount wc, Now now, Limits limits, Evidence evidence) {
        Weighing.Verdict v = Weighing.weigh(severity, exposure, run, wc, now.getMs(), limits);
        List<Evidence> ev = new ArrayList<>();
        ev.add(evidence);
        if (wc != null && wc.isKnown()) {
            ev.add(new Evidence(wc.getCheckId(), null, java.util.Map.of("writes-since-cutover", wc.getWrites()), null));
        }
        String reason = "Rollback trigger (" + severity.name().toLowerCase(Locale.ROOT) + "): " + what + ". " + v.words()
                + " [" + v.branch() + "]";
        return new Finding(ruleId, s.getCheckId(), v.kind(), false, v.branch(), reason, ev);
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
