package dev.switchman.core.interaction;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.event.Event;
import dev.switchman.core.event.EventStore;
import dev.switchman.core.run.EventTypes;
import dev.switchman.core.run.Payloads;
import dev.switchman.core.run.PlannedStep;
import dev.switchman.core.run.RunEngine;
import dev.switchman.core.run.RunManager;
import dev.switchman.core.run.RunState;
import dev.switchman.core.run.StepRecord;
import dev.switchman.core.run.StepStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Button action ids. Before a message with buttons leaves the bot, {@link #draw} gives each button a short
 * opaque id ({@code sm.<run tag>.<n>}, about a dozen characters: far under Discord's 100) and records
 * what it stands for - run, step, status revision, command - as one {@code BUTTONS} event in the run's log,
 * so a press after a restart still resolves. A button drawn again for the same step and command keeps its
 * id. {@link #find} resolves a press; {@link #staleReason} says why a press no longer applies.
 * Methods taking a {@link RunEngine} run on its actor.
 */
public final class ButtonRegistry {

    static final String PREFIX = "sm.";

    private final EventStore store;
    private final boolean enabled;
    private final Map<String, RunButtons> byRun = new ConcurrentHashMap<>();

    /** {@code enabled}: the platform has buttons; without, messages keep their buttons unregistered (shown as commands). */
    public ButtonRegistry(EventStore store, boolean enabled) {
        this.store = store;
        this.enabled = enabled;
    }

    /** The buttons of one run, folded from its BUTTONS events. */
    private static final class RunButtons {
        final Map<String, ButtonAction> byId = new ConcurrentHashMap<>();
        final Map<String, String> idByScope = new HashMap<>();
        long next;

        void add(ButtonAction a) {
            byId.put(a.id(), a);
            idByScope.put(scope(a.step(), a.command(), a.confirm()), a.id());
            String n = a.id().substring(a.id().lastIndexOf('.') + 1);
            try {
                next = Math.max(next, Long.parseLong(n, 36) + 1);
            } catch (NumberFormatException e) {
                // an id from another scheme: it resolves, it does not move the counter
            }
        }
    }

    /**
     * Gives the message's buttons ids registered with the run's current step and {@code revision}; appends
     * one BUTTONS event when any is new. Returns the message with ids (unchanged when it has no buttons).
     */
    public ChatMessage draw(RunEngine run, ChatMessage m, long revision, Instant now) {
        if (!enabled || m.buttons().isEmpty()) {
            return m;
        }
        RunButtons rb = buttons(run.runId());
        RunState s = run.state();
        PlannedStep step = s.currentStepDone() ? null : s.current().orElse(null);
        List<ChatMessage.Button> out = new ArrayList<>();
        List<Map<String, Object>> added = new ArrayList<>();
        for (ChatMessage.Button b : m.buttons()) {
            String id = rb.idByScope.get(scope(step, b.command(), b.confirm()));
            if (id == null) {
                id = PREFIX + tag(run.runId()) + "." + Long.toString(rb.next++, 36);
                rb.add(new ButtonAction(id, run.runId(), step, revision, b.label(), b.command(), b.confirm(), now));
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("id", id);
                a.put("label", b.label());
                a.put("command", b.command());
                a.put("confirm", b.confirm());
                added.add(a);
            }
            out.add(b.withActionId(id));
        }
        if (!added.isEmpty()) {
            run.emit(EventTypes.BUTTONS, Payloads.of("revision", revision, "phase", step == null ? null : step.phaseId(),
                    "step", step == null ? null : step.stepId(), "rollback", step != null && step.rollback(), "buttons", added),
                    RunEngine.BOT, null);
        }
        return m.withButtons(out);
    }

    /** The action a press names: looked up in the runs this bot has, else in the store's log (a run it no longer has). */
    public Optional<ButtonAction> find(String actionId, RunManager runs) {
        if (actionId == null || !actionId.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = actionId.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        List<String> candidates = new ArrayList<>();
        runs.activeRuns().forEach(r -> candidates.add(r.runId()));
        for (String runId : candidates) {
            Optional<ButtonAction> a = lookup(runId, parts[1], actionId);
            if (a.isPresent()) return a;
        }
        for (String runId : store.runs()) {
            if (candidates.contains(runId)) continue;
            Optional<ButtonAction> a = lookup(runId, parts[1], actionId);
            if (a.isPresent()) return a;
        }
        return Optional.empty();
    }

    private Optional<ButtonAction> lookup(String runId, String tag, String actionId) {
        if (!tag(runId).equals(tag)) {
            return Optional.empty();
        }
        return Optional.ofNullable(buttons(runId).byId.get(actionId));
    }

    /**
     * Null when a press of {@code a} applies to the run now: the run is going and the step the button was
     * drawn for is still current and not done. Otherwise the sentence saying what happened:
     * "this button was for `verify-ttl`, done 4 minutes ago by bob".
     */
    public static String staleReason(RunEngine run, ButtonAction a, Instant now) {
        RunState s = run.state();
        if (s.status().finished()) {
            return "this button was for run " + a.runId() + ", which is over (" + s.status().name().toLowerCase().replace('_', ' ') + ")";
        }
        if (a.step() == null) {
            return null;
        }
        Optional<PlannedStep> cur = s.current();
        if (cur.isPresent() && cur.get().equals(a.step()) && !s.currentStepDone()) {
            return null;
        }
        String what = "this button was for " + (a.step().rollback() ? "rollback step " : "") + "`" + a.step().stepId() + "`";
        String now2 = cur.filter(c -> !c.equals(a.step())).map(c -> "; the current step is `" + c.stepId() + "`").orElse("");
        Optional<StepRecord> rec = s.record(a.step());
        if (rec.isPresent() && rec.get().status() == StepStatus.DONE) {
            StepRecord r = rec.get();
            return what + ", done " + Ago.of(Duration.between(r.completedAt(), now)) + " by " + who(r.completedBy()) + now2;
        }
        if (s.rollingBack() && !a.step().rollback()) {
            return what + ", and the run is rolling back" + (s.rollbackReason() == null ? "" : " (" + s.rollbackReason() + ")") + now2;
        }
        return what + ", which is no longer the current step" + now2;
    }

    private static String who(String qualified) {
        if (qualified == null) return "someone";
        return qualified.startsWith("console:") ? qualified.substring("console:".length()) : qualified;
    }

    private RunButtons buttons(String runId) {
        return byRun.computeIfAbsent(runId, this::load);
    }

    private RunButtons load(String runId) {
        RunButtons rb = new RunButtons();
        for (Event e : store.read(runId)) {
            if (!EventTypes.BUTTONS.equals(e.type())) continue;
            JsonNode p = Payloads.read(e.payload());
            String stepId = Payloads.text(p, "step");
            PlannedStep step = stepId == null ? null : new PlannedStep(Payloads.text(p, "phase"), stepId, p.path("rollback").asBoolean());
            for (JsonNode b : p.path("buttons")) {
                rb.add(new ButtonAction(b.path("id").asText(), runId, step, p.path("revision").asLong(), b.path("label").asText(),
                        b.path("command").asText(), b.path("confirm").asBoolean(), e.at()));
            }
        }
        return rb;
    }

    /** Forgets a finished run's buttons (they resolve again from the log if pressed). */
    public void forget(String runId) {
        byRun.remove(runId);
    }

    static String scope(PlannedStep step, String command, boolean confirm) {
        return (step == null ? "-" : step.phaseId() + "/" + step.stepId() + "/" + step.rollback()) + "|" + command + "|" + confirm;
    }

    /** Six base-36 characters naming the run inside an action id. */
    static String tag(String runId) {
        String t = Long.toString(Integer.toUnsignedLong(runId.hashCode()), 36);
        return t.length() > 6 ? t.substring(0, 6) : t;
    }
}
