package dev.switchman.simulator.scenario;

import dev.switchman.core.yaml.SourceLocation;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rehearsal scenario (see docs/scenarios.md): which runbook, when it starts on the virtual clock,
 * how fast it plays, who answers steps and approvals, the scripted check results and injected faults,
 * and what must happen. {@code baseline} is each check's result when the timeline says nothing about
 * it; {@code end} is how long the replay may run (it stops earlier when the run ends).
 */
public record Scenario(
        String id,
        String title,
        String description,
        Path source,
        Path runbookPath,
        Instant start,
        Speed speed,
        Responders responders,
        Scripted defaultBaseline,
        Map<String, Scripted> baseline,
        Map<String, Duration> intervals,
        List<TimelineEntry> timeline,
        List<Expectation> expectations,
        Duration end) {

    public static final Duration DEFAULT_END = Duration.ofDays(5);

    public Scenario {
        baseline = baseline == null ? Map.of() : Map.copyOf(baseline);
        intervals = intervals == null ? Map.of() : Map.copyOf(intervals);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        expectations = expectations == null ? List.of() : List.copyOf(expectations);
        end = end == null ? DEFAULT_END : end;
    }

    /** The timeline entry that injects the named fault. */
    public Optional<TimelineEntry> fault(String id) {
        return timeline.stream().filter(e -> id.equals(e.fault())).findFirst();
    }

    public List<TimelineEntry> faults() {
        return timeline.stream().filter(e -> e.fault() != null).toList();
    }

    public Instant at(Duration offset) {
        return start.plus(offset);
    }

    /** How fast virtual time runs: as fast as possible, or {@code factor} virtual seconds per wall second. */
    public record Speed(boolean max, double factor) {
        public static final Speed MAX = new Speed(true, 0);

        public static Speed factor(double f) {
            return new Speed(false, f);
        }

        @Override
        public String toString() {
            return max ? "max" : (factor == Math.rint(factor) ? String.valueOf((long) factor) : String.valueOf(factor));
        }
    }

    /**
     * Who answers. {@code AUTO}: manual steps complete after their {@code expected} duration (or
     * {@code manualDefault}; {@code durations} overrides it per step id), approvals are granted by {@code approvers} (role to user), and the
     * rollback authority obeys a ROLLBACK recommendation after {@code reaction} (when {@code obeyRollback}).
     * {@code CHAT}: people answer in the channel. {@code SCRIPTED}: only the timeline's commands act.
     */
    public record Responders(Mode mode, Map<String, String> approvers, Duration manualDefault, Map<String, Duration> durations,
                             Duration reaction, boolean obeyRollback, SourceLocation location) {
        public enum Mode { AUTO, CHAT, SCRIPTED }

        public Responders {
            approvers = approvers == null ? Map.of() : Map.copyOf(approvers);
            durations = durations == null ? Map.of() : Map.copyOf(durations);
            manualDefault = manualDefault == null ? Duration.ofMinutes(1) : manualDefault;
            reaction = reaction == null ? Duration.ZERO : reaction;
        }

        public static Responders auto() {
            return new Responders(Mode.AUTO, Map.of(), null, null, null, true, SourceLocation.UNKNOWN);
        }
    }
}
