package dev.switchman.rules.fact;

import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.decision.Evidence;
import dev.switchman.core.runbook.Severity;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The latest result of one check, as one long-lived fact (the session updates it in place). Rules
 * read observations by the contract names ({@code ttl}, {@code rate}, {@code lag-s}...) through
 * {@link #num}, {@link #text}, {@link #list} and {@link #flag}. A check declared in the runbook but
 * not yet reported has {@code seen == false} and a null status.
 */
public final class CheckState {
    private final String checkId;
    private final String kind;
    private final long intervalMs;
    private final boolean blocking;
    private final long sinceMs;
    private Severity severity = Severity.MAJOR;
    private boolean severityDeclared;
    private CheckResult result;
    private Map<String, Object> previous = Map.of();
    private long lastMs = -1;
    private long firstSampleMs = -1;
    private int consecutiveFailures;
    private long staleAtMs;
    private long freshUntilMs = -1;
    private boolean observedAfterCutover;
    private boolean monitored = true;
    /** Results in a row that could not measure (UNKNOWN, or ERROR except for health kinds), and since when. */
    private int unmeasuredCount;
    private long unmeasuredSinceMs = -1;
    private int blindAfter = 3;
    private final boolean triggerKind;
    /** Start of the current streak of FAIL/ERROR results (windowed kinds: of samples above the threshold); -1 none. */
    private long badSinceMs = -1;
    /** Sliding window of a windowed kind (error rate, p99, lag); null for other kinds. */
    private long windowMs = -1;
    private double windowThreshold = Double.NaN;
    private long retentionMs;
    private ArrayDeque<long[]> samples;
    private long windowCount;
    private double windowMin = Double.NaN;
    private double windowMax = Double.NaN;
    private boolean windowAbove;
    private boolean windowCovered;

    public CheckState(String checkId, String kind, long intervalMs, boolean blocking, long sinceMs) {
        this.checkId = checkId;
        this.kind = kind;
        this.intervalMs = intervalMs;
        this.blocking = blocking;
        this.sinceMs = sinceMs;
        this.severity = Kinds.defaultSeverity(kind, blocking);
        this.triggerKind = Kinds.isTrigger(kind);
    }

    /**
     * Takes a new result; {@code staleIntervals}/{@code freshIntervals} come from the runbook's limits,
     * {@code cutoverMs} is the run's cutover time (-1 before). Returns the names of the properties that
     * changed, so the session can tell Drools exactly what moved (property reactivity): a result that
     * repeats the previous one's status, message and observations changes only the time properties.
     */
    public String[] observe(CheckResult r, double staleIntervals, double freshIntervals, long cutoverMs) {
        boolean same = result != null && result.status() == r.status() && result.message().equals(r.message())
                && result.observations().equals(r.observations());
        int failures = consecutiveFailures;
        int unmeasured = unmeasuredCount;
        boolean after = observedAfterCutover;
        previous = result == null ? Map.of() : result.observations();
        result = r;
        lastMs = r.observedAt().toEpochMilli();
        staleAtMs = lastMs + Math.round(staleIntervals * intervalMs);
        freshUntilMs = lastMs + Math.round(freshIntervals * intervalMs);
        switch (r.status()) {
            case FAIL, ERROR -> consecutiveFailures++;
            case PASS, WARN -> consecutiveFailures = 0;
            case UNKNOWN -> { }
        }
        if (cannotMeasure(r.status())) {
            if (unmeasuredCount++ == 0) {
                unmeasuredSinceMs = lastMs;
            }
        } else {
            unmeasuredCount = 0;
            unmeasuredSinceMs = -1;
        }
        if (samples == null) {
            if (r.status() == CheckStatus.FAIL || r.status() == CheckStatus.ERROR) {
                if (badSinceMs < 0) {
                    badSinceMs = lastMs;
                }
            } else if (r.status() != CheckStatus.UNKNOWN) {
                badSinceMs = -1;
            }
        }
        observedAfterCutover = cutoverMs >= 0 && lastMs >= cutoverMs;
        if (!same) {
            return null;
        }
        List<String> props = new ArrayList<>(List.of("lastMs", "staleAtMs", "freshUntilMs"));
        if (failures != consecutiveFailures) {
            props.add("consecutiveFailures");
        }
        if (unmeasured != unmeasuredCount) {
            props.add("unmeasuredCount");
            if ((unmeasured >= blindAfter) != isBlind()) {
                props.add("blind");
            }
        }
        if (after != observedAfterCutover) {
            props.add("observedAfterCutover");
        }
        return props.toArray(new String[0]);
    }

    /** The engine is running this check now (staleness only judges monitored checks). */
    public boolean isMonitored() {
        return monitored;
    }

    /**
     * Marks the check monitored or not; when monitoring resumes at {@code nowMs}, staleness counts from
     * then (the engine gets {@code staleIntervals} intervals to bring a first result). Returns whether
     * anything changed.
     */
    public boolean setMonitored(boolean on, long nowMs, double staleIntervals) {
        if (on == monitored) {
            return false;
        }
        monitored = on;
        if (on) {
            staleAtMs = Math.max(staleAtMs, nowMs + Math.round(staleIntervals * intervalMs));
        }
        return true;
    }

    /** The latest result was observed at or after the run's cutover. */
    public boolean isObservedAfterCutover() {
        return observedAfterCutover;
    }

    /**
     * Makes this a windowed check: samples are kept for {@code retentionMs} (plus two intervals) and the
     * window of {@code windowMs} ending at the latest result is summarised against {@code threshold}.
     */
    public void useWindow(long windowMs, long retentionMs, double threshold) {
        this.windowMs = windowMs;
        this.retentionMs = retentionMs;
        this.windowThreshold = threshold;
        this.samples = new ArrayDeque<>();
    }

    public boolean isWindowed() {
        return samples != null;
    }

    /** Adds a reading (the session calls this after {@link #observe}, then {@link #refreshWindow}). */
    public void addSample(long atMs, double value) {
        markFirstSample(atMs);
        samples.addLast(new long[] {atMs, Double.doubleToRawLongBits(value)});
        if (value > windowThreshold) {
            if (badSinceMs < 0) {
                badSinceMs = atMs;
            }
        } else {
            badSinceMs = -1;
        }
        long keepFrom = atMs - retentionMs - 2 * intervalMs;
        while (!samples.isEmpty() && samples.peekFirst()[0] < keepFrom) {
            samples.pollFirst();
        }
    }

    /** Recomputes the window summary for the window ending at the latest result; returns whether it changed. */
    public boolean refreshWindow() {
        if (samples == null) {
            return false;
        }
        long from = lastMs - windowMs;
        long n = 0;
        double min = Double.NaN;
        double max = Double.NaN;
        boolean above = true;
        for (long[] x : samples) {
            if (x[0] >= from) {
                double v = Double.longBitsToDouble(x[1]);
                if (n == 0) {
                    min = v;
                    max = v;
                } else {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
                n++;
                if (v <= windowThreshold) {
                    above = false;
                }
            }
        }
        boolean covered = firstSampleMs >= 0 && firstSampleMs <= lastMs - windowMs
                && n >= Limits.needSamples(windowMs, intervalMs);
        boolean changed = n != windowCount || Double.compare(min, windowMin) != 0
                || Double.compare(max, windowMax) != 0 || above != windowAbove || covered != windowCovered;
        windowCount = n;
        windowMin = min;
        windowMax = max;
        windowAbove = above;
        windowCovered = covered;
        return changed;
    }

    /** Samples in the window ending at the latest result. */
    public long getWindowCount() {
        return windowCount;
    }

    /** Lowest sample in the window (NaN when empty). */
    public double getWindowMin() {
        return windowMin;
    }

    /** Highest sample in the window (NaN when empty). */
    public double getWindowMax() {
        return windowMax;
    }

    /** The window is covered (see Packs.covered) and every sample in it is strictly above the threshold. */
    public boolean isWindowSustainedAbove() {
        return windowCovered && windowCount > 0 && windowAbove;
    }

    /** The window is covered and its highest sample is strictly below the threshold. */
    public boolean isWindowSustainedBelow() {
        return windowCovered && windowMax < windowThreshold;
    }

    public boolean isWindowCovered() {
        return windowCovered;
    }

    /** Properties that {@link #refreshWindow} may change, for property-reactive updates. */
    public static final String[] WINDOW_PROPS = {"windowCount", "windowMin", "windowMax", "windowSustainedAbove",
        "windowSustainedBelow", "windowCovered", "firstSampleMs"};

    public void markFirstSample(long atMs) {
        if (firstSampleMs < 0) {
            firstSampleMs = atMs;
        }
    }

    public String getCheckId() {
        return checkId;
    }

    public String getKind() {
        return kind;
    }

    public long getIntervalMs() {
        return intervalMs;
    }

    public boolean isBlocking() {
        return blocking;
    }

    public boolean isSeen() {
        return result != null;
    }

    /** Null until the first result. */
    public CheckStatus getStatus() {
        return result == null ? null : result.status();
    }

    public boolean isPass() {
        return result != null && result.status() == CheckStatus.PASS;
    }

    /**
     * Whether a result of this status could not measure: UNKNOWN always; ERROR too, except for the health
     * kinds, where an error (connection refused) is a measured failure (rollback.health-failures counts it).
     */
    public boolean cannotMeasure(CheckStatus st) {
        return st == CheckStatus.UNKNOWN
                || (st == CheckStatus.ERROR && !Kinds.HEALTH.equals(kind) && !Kinds.PROBE.equals(kind));
    }

    /** Sets {@code blind-intervals}: how many unmeasured results in a row make the check blind. */
    public CheckState blindAfter(int results) {
        this.blindAfter = Math.max(1, results);
        return this;
    }

    /** At least {@code blind-intervals} results in a row could not measure. */
    public boolean isBlind() {
        return unmeasuredCount >= blindAfter;
    }

    /** The latest result is FAIL (a measured failure; UNKNOWN and ERROR are "cannot measure"). */
    public boolean isFailing() {
        return result != null && result.status() == CheckStatus.FAIL;
    }

    /** A rollback trigger kind after cutover (Kinds.isTrigger). */
    public boolean isTriggerKind() {
        return triggerKind;
    }

    /** Results in a row that could not measure ({@link #cannotMeasure}); 0 after any measured result. */
    public int getUnmeasuredCount() {
        return unmeasuredCount;
    }

    /** When the current streak of unmeasured results began (-1: none). */
    public long getUnmeasuredSinceMs() {
        return unmeasuredSinceMs;
    }

    /**
     * When the current trouble began: the first FAIL/ERROR result of the current streak, or for windowed
     * kinds the first sample of the current run above the threshold; -1 when the check is fine.
     */
    public long getBadSinceMs() {
        return badSinceMs;
    }

    /** How much a failure of this check weighs (the runbook's {@code severity:}, else the kind's default). */
    public Severity getSeverity() {
        return severity;
    }

    /** The runbook set the severity (true) or it is the kind's default (false). */
    public boolean isSeverityDeclared() {
        return severityDeclared;
    }

    /** Sets the severity: {@code declared} from the runbook, else the kind's default (Kinds.defaultSeverity). */
    public CheckState withSeverity(Severity declared) {
        this.severityDeclared = declared != null;
        this.severity = declared != null ? declared : Kinds.defaultSeverity(kind, blocking);
        return this;
    }

    /** UNKNOWN or ERROR: the check could not measure. */
    public boolean isUnmeasured() {
        return result != null && (result.status() == CheckStatus.UNKNOWN || result.status() == CheckStatus.ERROR);
    }

    public String getMessage() {
        return result == null ? "" : result.message();
    }

    public long getLastMs() {
        return lastMs;
    }

    /** When the session first knew of this check (session start for declared checks). */
    public long getSinceMs() {
        return sinceMs;
    }

    public long getFirstSampleMs() {
        return firstSampleMs;
    }

    public int getConsecutiveFailures() {
        return consecutiveFailures;
    }

    /** The time after which, with no new result, the check counts as stale (Long.MAX_VALUE when never seen). */
    public long getStaleAtMs() {
        return result == null ? Long.MAX_VALUE : staleAtMs;
    }

    /** Until when the latest result counts as fresh for a gate (-1 when never seen). */
    public long getFreshUntilMs() {
        return freshUntilMs;
    }

    public CheckResult getResult() {
        return result;
    }

    /** A numeric observation, NaN when absent (every comparison with NaN is false, so rules stay quiet). */
    public double num(String name) {
        return result == null ? Double.NaN : result.numberOr(name, Double.NaN);
    }

    /** The same observation in the previous result, NaN when absent. */
    public double prevNum(String name) {
        Object v = previous.get(name);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    /*
     * Comparisons for rules. Use these rather than comparing num(...) in a constraint: MVEL compares
     * boxed doubles with compareTo, for which NaN (an absent value) is greater than everything.
     */

    /** The observation is present and strictly above {@code limit}. */
    public boolean above(String name, double limit) {
        double v = num(name);
        return !Double.isNaN(v) && v > limit;
    }

    /** The observation is present and strictly below {@code limit}. */
    public boolean below(String name, double limit) {
        double v = num(name);
        return !Double.isNaN(v) && v < limit;
    }

    /** The observation is present and at or above {@code limit}. */
    public boolean atLeast(String name, double limit) {
        double v = num(name);
        return !Double.isNaN(v) && v >= limit;
    }

    /** {@link #atLeast(String, double)} for whole-number limits (MVEL does not widen int to double). */
    public boolean atLeast(String name, int limit) {
        return atLeast(name, (double) limit);
    }

    /** {@link #above(String, double)} for whole-number limits. */
    public boolean above(String name, int limit) {
        return above(name, (double) limit);
    }

    /** {@link #below(String, double)} for whole-number limits. */
    public boolean below(String name, int limit) {
        return below(name, (double) limit);
    }

    /** The observation is present now and in the previous result, and went down. */
    public boolean dropped(String name) {
        double v = num(name);
        double p = prevNum(name);
        return !Double.isNaN(v) && !Double.isNaN(p) && v < p;
    }

    /** Both observations are present and differ numerically. */
    public boolean differs(String a, String b) {
        double x = num(a);
        double y = num(b);
        return !Double.isNaN(x) && !Double.isNaN(y) && x != y;
    }

    public boolean has(String name) {
        return result != null && result.observations().get(name) != null;
    }

    /** An observation as text, "" when absent. */
    public String text(String name) {
        return result == null ? "" : result.text(name).orElse("");
    }

    /** A boolean observation: true, "true", "yes". Absent is false. */
    public boolean flag(String name) {
        if (result == null) {
            return false;
        }
        Object v = result.observations().get(name);
        if (v instanceof Boolean b) {
            return b;
        }
        return v != null && (v.toString().equalsIgnoreCase("true") || v.toString().equalsIgnoreCase("yes"));
    }

    /** A list observation (a List, or a comma-separated string), empty when absent. */
    public List<String> list(String name) {
        if (result == null) {
            return List.of();
        }
        Object v = result.observations().get(name);
        List<String> out = new ArrayList<>();
        if (v instanceof Collection<?> c) {
            c.forEach(x -> addTrimmed(out, String.valueOf(x)));
        } else if (v != null) {
            Arrays.stream(v.toString().split(",")).forEach(x -> addTrimmed(out, x));
        }
        return out;
    }

    private static void addTrimmed(List<String> out, String s) {
        String t = s.trim();
        if (!t.isEmpty()) {
            out.add(t);
        }
    }

    /** How many entries a list observation has (0 when absent). */
    public int count(String name) {
        return list(name).size();
    }

    /** An observation parsed as an ISO-8601 instant, in epoch ms; -1 when absent or unparsable. */
    public long instantMs(String name) {
        String t = text(name);
        if (t.isEmpty()) {
            return -1;
        }
        try {
            return Instant.parse(t).toEpochMilli();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** Evidence from the latest result, keeping only the named observations (all when none named). */
    public Evidence evidence(String... names) {
        if (result == null) {
            return new Evidence(checkId, null, Map.of("result", "none yet"), null);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        if (names.length == 0) {
            result.observations().forEach((k, v) -> {
                if (v != null) {
                    values.put(k, v);
                }
            });
        } else {
            for (String n : names) {
                Object v = result.observations().get(n);
                if (v != null) {
                    values.put(n, v);
                }
            }
        }
        return new Evidence(checkId, result.status(), values, result.observedAt());
    }

    /** Evidence with extra computed values (window minimum, threshold...). */
    public Evidence evidenceWith(Map<String, Object> extra, String... names) {
        Evidence e = evidence(names);
        Map<String, Object> values = new LinkedHashMap<>(e.values());
        values.putAll(extra);
        return new Evidence(e.checkId(), e.status(), values, e.observedAt());
    }

    @Override
    public String toString() {
        return "CheckState[" + checkId + " " + kind + " " + getStatus() + "]";
    }
}
