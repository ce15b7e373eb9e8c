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

    public static ChatMessage render(Runbook runbook, List<Event> events) {
        List<String> lines = lines(events);
        String runId = events.isEmpty() ? "" : events.get(0).runId();
        List<String> shown = lines;
        String prefix = "";
        if (lines.size() > MAX_LINES) {
            prefix = "… " + (lines.size() - MAX_LINES) + " earlier lines\n";
            shown = lines.subList(lines.size() - MAX_LINES, lines.size());
        }
        return ChatMessage.of(ChatMessage.Tone.INFO, "Timeline of " + runId + " (" + runbook.title() + ")", prefix + String.join("\n", shown));
    }

    /** One line per event that matters; check results only when a check's status changes. */
    public static List<String> lines(List<Event> events) {
        List<String> out = new ArrayList<>();
        Map<String, CheckStatus> lastStatus = new HashMap<>();
        for (Event e : events) {
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
            if (line != null) {
                out.add(t + line);
            }
        }
        return out;
    }
}
