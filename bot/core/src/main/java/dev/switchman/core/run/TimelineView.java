package dev.switchman.core.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.decision.Decision;
import dev.switchman.core.event.Event;
import dev.switchman.core.runbook.Runbook;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A run's log in human terms: steps, approvals, refusals, check status changes, decisions with their reasons. */
public final class TimelineView {

    static final int MAX_LINES = 200;

    private TimelineView() {
    }

    /** The timeline message of {@code events} (one run's log, in order). */
    public static ChatMessage render(Runbook runbook, List<Event> events) {
        return render(runbook, events, new Lines());
    }

    /** As {@link #render(Runbook, List)}, reading only the events {@code cache} has not seen yet. */
    static ChatMessage render(Runbook runbook, List<Event> events, Lines cache) {
        List<String> lines = cache.update(events);
        String runId = events.isEmpty() ? "" : events.get(0).runId();
        List<String> shown = lines;
        String prefix = "";
        if (lines.size() > MAX_LINES) {
            prefix = "… " + (lines.size() - MAX_LINES) + " earlier lines\n";
            shown = lines.subList(lines.size() - MAX_LINES, lines.size());
        }
        return ChatMessage.of(ChatMessage.Tone.INFO, "Timeline of " + runId + " (" + runbook.title() + ")", prefix + String.join("\n", shown));
    }

    /**
     * A run's timeline lines kept as its log grows: each event is parsed once, when first seen (the log is
     * append-only and read in sequence order), instead of the whole log on every {@code timeline}. One per
     * run engine; thread-safe.
     */
    static final class Lines {
        private final List<String> lines = new ArrayList<>();
        private final Map<String, CheckStatus> lastStatus = new HashMap<>();
        private long lastSequence = Long.MIN_VALUE;

        /** Adds the lines of the events after the last one seen; returns a snapshot of every line. */
        synchronized List<String> update(List<Event> events) {
            for (Event e : events) {
                if (e.sequence() <= lastSequence) {
                    continue;
                }
                String line = line(e, lastStatus);
                if (line != null) {
                    lines.add(line);
                }
                lastSequence = e.sequence();
            }
            return List.copyOf(lines);
        }
    }

    /** One line per event that matters; check results only when a check's status changes. */
    public static List<String> lines(List<Event> events) {
        return new Lines().update(events);
    }

    /** The line of one event, or null when it does not matter; {@code lastStatus} tracks each check's status. */
    private static String line(Event e, Map<String, CheckStatus> lastStatus) {
        JsonNode p = Payloads.read(e.payload());
        String t = TimeText.of(e.at()) + "  ";
        String line = switch (e.type()) {
            case EventTypes.RUN_STARTED -> "run started by " + e.actor() + " (runbook " + Payloads.text(p, "runbook") + ", channel " + Payloads.text(p, "channel") + ")";
            case EventTypes.STEP_STARTED -> (p.path("rollback").asBoolean() ? "rollback step " : "step ") + Payloads.text(p, "step") + " is current";
            case EventTypes.STEP_COMPLETED -> (p.path("rollback").asBoolean() ? "rollback step " : "step ") + Payloads.text(p, "step") + " done by " + e.actor()
                    + (Payloads.text(p, "note") == null ? "" : " — " + Payloads.text(p, "note"));
            case EventTypes.APPROVED -> Payloads.text(p, "step") + " approved by " + e.actor();
            case EventTypes.REFUSED -> "REFUSED " + e.actor() + " `" + Payloads.text(p, "command") + "`: " + Payloads.text(p, "reason");
            case EventTypes.CHECK_RESULT -> {
                CheckResult r = Payloads.checkResult(p);
                CheckStatus before = lastStatus.put(r.checkId(), r.status());
                yield before == r.status() ? null : "check " + r.checkId() + " " + r.status() + (r.message().isEmpty() ? "" : " — " + r.message());
            }
            case EventTypes.DECISION -> {
                Decision d = Payloads.decision(p.get("decision"));
                yield "decision " + d.kind() + " (" + d.ruleId() + "): " + d.reason();
            }
            case EventTypes.HELD -> "HOLD: " + Payloads.text(p, "reason");
            case EventTypes.RESUMED -> "resumed by " + e.actor() + ": " + Payloads.text(p, "reason");
            case EventTypes.PHASE_COMPLETED -> "phase " + Payloads.text(p, "phase") + " complete";
            case EventTypes.CUTOVER -> "CUTOVER (phase " + Payloads.text(p, "phase") + ")";
            case EventTypes.NOTIFIED -> "notified " + Payloads.text(p, "audience") + ": " + Payloads.text(p, "text");
            case EventTypes.ROLLBACK_STARTED -> "ROLLBACK ordered by " + e.actor() + (Payloads.text(p, "reason") == null ? "" : ": " + Payloads.text(p, "reason"));
            case EventTypes.OVERRIDDEN -> {
                List<String> blockers = new ArrayList<>();
                p.path("blockers").forEach(n -> blockers.add(n.asText()));
                yield "OVERRIDE " + Payloads.text(p, "step") + " overridden by " + (Payloads.text(p, "user") == null ? e.actor() : Payloads.text(p, "user")) + " (" + e.actor() + "): " + Payloads.text(p, "reason")
                        + "; blockers were " + (blockers.isEmpty() ? "none" : String.join(", ", blockers));
            }
            case EventTypes.WATCHING -> "every phase done; watching until " + TimeText.of(java.time.Instant.parse(Payloads.text(p, "until")))
                    + " (rollback window" + (Payloads.text(p, "window") == null ? "" : " " + Payloads.text(p, "window")) + ")";
            case EventTypes.MESSAGE_FAILED -> ("status".equals(Payloads.text(p, "kind")) ? "status message edit to " : "message \"" + Payloads.text(p, "title") + "\" to ")
                    + Payloads.text(p, "channel") + " failed after " + Payloads.text(p, "attempts") + " attempts: " + Payloads.text(p, "error");
            case EventTypes.RUN_COMPLETED -> "run complete" + (Payloads.text(p, "reason") == null ? "" : ": " + Payloads.text(p, "reason"));
            case EventTypes.RUN_ROLLED_BACK -> "run rolled back";
            case EventTypes.RUN_ABORTED -> "run aborted" + (Payloads.text(p, "reason") == null ? "" : ": " + Payloads.text(p, "reason"));
            default -> null;
        };
        return line == null ? null : t + line;
    }
}
