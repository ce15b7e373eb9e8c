package dev.switchman.simulator.replay;

import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.decision.Decision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happened in a rehearsal, on virtual time: check statuses as run-length segments (memory stays
 * flat however many results flow), decisions in order, phases entered, steps completed, commands typed,
 * faults injected, and how the run ended. Single-threaded: the replay drives it from the scheduler.
 */
public final class ReplayLog {

    /** A stretch of time during which a check kept one status. {@code to} is null while open. */
    public record Segment(String checkId, CheckStatus status, Instant from, Instant to, String message) {
    }

    public record PhaseSpan(String phaseId, String title, Instant from, Instant to) {
    }

    public record StepDone(String stepId, String by, Instant at) {
    }

    public record Command(Instant at, String user, String text, boolean human) {
    }

    public record Fault(String id, String checkId, String description, Instant at) {
    }

    private final Map<String, List<Segment>> segments = new LinkedHashMap<>();
    private final Map<String, Segment> open = new LinkedHashMap<>();
    private final List<Decision> decisions = new ArrayList<>();
    private final List<PhaseSpan> phases = new ArrayList<>();
    private final List<StepDone> steps = new ArrayList<>();
    private final List<Command> commands = new ArrayList<>();
    private final List<Fault> faults = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private long results;
    private String outcome = "running";
    private Instant endedAt;
    private int restarts;

    public void declareCheck(String checkId) {
        segments.computeIfAbsent(checkId, k -> new ArrayList<>());
    }

    public void result(String checkId, CheckStatus status, Instant at, String message) {
        results++;
        Segment cur = open.get(checkId);
        if (cur != null && cur.status() == status) {
            return;
        }
        if (cur != null) {
            segments.get(checkId).add(new Segment(checkId, cur.status(), cur.from(), at, cur.message()));
        }
        segments.computeIfAbsent(checkId, k -> new ArrayList<>());
        open.put(checkId, new Segment(checkId, status, at, null, message));
    }

    public void decision(Decision d) {
        decisions.add(d);
    }

    public void phase(String phaseId, String title, Instant at) {
        if (!phases.isEmpty()) {
            PhaseSpan last = phases.get(phases.size() - 1);
            if (last.phaseId().equals(phaseId)) {
                return;
            }
            if (last.to() == null) {
                phases.set(phases.size() - 1, new PhaseSpan(last.phaseId(), last.title(), last.from(), at));
            }
        }
        phases.add(new PhaseSpan(phaseId, title, at, null));
    }

    public void step(String stepId, String by, Instant at) {
        steps.add(new StepDone(stepId, by, at));
    }

    public void command(Instant at, String user, String text, boolean human) {
        commands.add(new Command(at, user, text, human));
    }

    public void fault(String id, String checkId, String description, Instant at) {
        faults.add(new Fault(id, checkId, description, at));
    }

    public void note(String text) {
        notes.add(text);
    }

    public void restarted() {
        restarts++;
    }

    /** Closes open segments and phases at {@code at}. */
    public void end(String outcome, Instant at) {
        this.outcome = outcome;
        this.endedAt = at;
        for (Map.Entry<String, Segment> e : open.entrySet()) {
            Segment s = e.getValue();
            segments.get(e.getKey()).add(new Segment(s.checkId(), s.status(), s.from(), at, s.message()));
        }
        open.clear();
        if (!phases.isEmpty()) {
            PhaseSpan last = phases.get(phases.size() - 1);
            if (last.to() == null) {
                phases.set(phases.size() - 1, new PhaseSpan(last.phaseId(), last.title(), last.from(), at));
            }
        }
    }

    public Map<String, List<Segment>> segments() {
        return Collections.unmodifiableMap(segments);
    }

    public List<Decision> decisions() {
        return Collections.unmodifiableList(decisions);
    }

    public List<PhaseSpan> phases() {
        return Collections.unmodifiableList(phases);
    }

    public List<StepDone> steps() {
        return Collections.unmodifiableList(steps);
    }

    public List<Command> commands() {
        return Collections.unmodifiableList(commands);
    }

    public List<Fault> faults() {
        return Collections.unmodifiableList(faults);
    }

    public List<String> notes() {
        return Collections.unmodifiableList(notes);
    }

    public long results() {
        return results;
    }

    public String outcome() {
        return outcome;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public int restarts() {
        return restarts;
    }

    /** When a phase was first entered, or null. */
    public Instant phaseEntered(String phaseId) {
        return phases.stream().filter(p -> p.phaseId().equals(phaseId)).map(PhaseSpan::from).findFirst().orElse(null);
    }
}
