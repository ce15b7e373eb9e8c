package dev.switchman.core.run;

import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.runbook.CheckSpec;
import dev.switchman.core.time.Durations;
import dev.switchman.core.runbook.Phase;
import dev.switchman.core.runbook.Runbook;
import dev.switchman.core.runbook.Step;
import dev.switchman.core.runbook.StepKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The one status message of a run: phases and steps, who did what when, next, blockers, checks, buttons. */
final class StatusView {

    private StatusView() {
    }

    static ChatMessage render(RunEngine engine, Instant now) {
        RunState s = engine.state();
        Runbook rb = engine.runbook();
        ChatMessage.Builder b = ChatMessage.builder(rb.title() + " — run " + s.runId()).tone(tone(s));
        StringBuilder text = new StringBuilder();
        for (Phase p : rb.phases()) {
            boolean phaseDone = s.completedPhases().contains(p.id());
            boolean phaseCurrent = s.current().filter(c -> !c.rollback() && c.phaseId().equals(p.id())).isPresent();
            text.append(phaseDone ? "✔ " : phaseCurrent ? "▶ " : "· ").append("Phase ").append(p.id());
            if (p.title() != null && !p.title().isBlank()) text.append(" — ").append(p.title());
            if (p.cutover()) text.append(" [cutover]");
            text.append('\n');
            for (Step st : p.steps()) {
                text.append("   ").append(line(st, s.step(st.id()), s)).append('\n');
            }
        }
        if (s.rollingBack()) {
            text.append("↩ Rollback (").append(s.rollbackReason() == null ? "no reason given" : s.rollbackReason()).append(", by ").append(s.rollbackBy()).append(")\n");
            for (PlannedStep ps : s.rollbackPlan()) {
                Step st = engine.plan().find(ps).orElse(null);
                if (st == null) continue;
                text.append("   ").append(line(st, s.rollbackStep(st.id()), s)).append('\n');
            }
        }
        b.text(text.toString().stripTrailing());
        b.field("Status", s.status().name() + (s.rollingBack() && !s.status().finished() ? " (rolling back)" : "")
                + (s.status() == RunStatus.WATCHING ? " — watching until " + TimeText.of(s.watchingUntil()) + " (rollback window)" : "")
                + (s.endReason() != null ? " — " + s.endReason() : ""));
        b.field("Started", TimeText.of(s.startedAt()) + " by " + s.startedBy());
        if (engine.quarantine() != null && !s.status().finished()) {
            b.field("Quarantined", engine.quarantine() + "; only `status`, `timeline` and `abort` work on this run");
            return b.build();
        }
        if (!s.status().finished()) {
            b.field("Next", describeCurrent(engine));
            List<String> blockers = blockers(engine);
            if (!blockers.isEmpty()) b.field("Blocked by", String.join("; ", blockers));
        }
        if (s.cutoverAt() != null) {
            String cut = TimeText.of(s.cutoverAt());
            if (rb.rollbackWindow() != null) {
                Instant end = s.cutoverAt().plus(rb.rollbackWindow());
                cut += " (rollback window until " + TimeText.of(end) + ")";
            }
            Instant ponr = engine.window().pointOfNoReturn();
            if (ponr != null) {
                cut += "; point of no return " + TimeText.of(ponr) + (now.isBefore(ponr) ? "" : " (passed: `rollback` is refused)");
            }
            b.field("Cutover", cut);
        }
        if (!s.overrides().isEmpty()) {
            b.field("Overrides", s.overrides().values().stream().map(o -> o.stepId() + " " + o.describe()).collect(Collectors.joining("; ")));
        }
        if (!s.decisions().isEmpty()) {
            var d = s.decisions().get(s.decisions().size() - 1);
            b.field("Rules", d.kind() + " (" + d.ruleId() + ", " + TimeText.of(d.at()) + "): " + d.reason());
        }
        if (!s.approvals().isEmpty()) {
            b.field("Approvals", s.approvals().values().stream()
                    .map(a -> a.stepId() + " by " + a.by() + " at " + TimeText.of(a.at())).collect(Collectors.joining("; ")));
        }
        if (!s.refusals().isEmpty()) {
            RunState.Refusal r = s.refusals().get(s.refusals().size() - 1);
            b.field("Refused", s.refusals().size() + " (last: " + r.user() + " `" + r.command() + "`: " + r.reason() + ")");
        }
        for (CheckSpec c : rb.checks()) {
            CheckResult r = s.latestResults().get(c.id());
            if (r == null) {
                b.check(new ChatMessage.CheckRow(c.id(), CheckStatus.UNKNOWN, engine.monitor().inFlight().contains(c.id()) ? "running" : "no result yet", ""));
            } else {
                b.check(new ChatMessage.CheckRow(c.id(), r.status(), r.message(), age(Duration.between(r.observedAt(), now))));
            }
        }
        if (!s.status().finished()) {
            Optional<Step> cur = s.currentStepDone() ? Optional.empty() : engine.currentStep();
            cur.ifPresent(st -> {
                if (st.kind() == StepKind.MANUAL) b.button(new ChatMessage.Button("Done " + st.id(), "done " + st.id(), false, false));
                if (st.kind() == StepKind.APPROVAL) b.button(new ChatMessage.Button("Approve " + st.id(), "approve " + st.id(), false, false));
                if (st.kind() == StepKind.GATE) b.button(new ChatMessage.Button("Go", "go --yes", false, true));
            });
            if (s.status() == RunStatus.HELD) b.button(new ChatMessage.Button("Continue", "go --yes", false, true));
            if (!s.rollingBack() && (engine.window().pointOfNoReturn() == null || now.isBefore(engine.window().pointOfNoReturn()))) b.button(new ChatMessage.Button("Rollback", "rollback --yes", true, true));
        }
        return b.build();
    }

    private static String describeCurrent(RunEngine engine) {
        RunState state = engine.state();
        if (state.status() == RunStatus.WATCHING) {
            return RunMessages.describeWatching(state.watchingUntil());
        }
        return engine.currentStep().map(s -> s.id() + " — " + engine.handler(s).prompt(s)).orElse("—");
    }

    private static List<String> blockers(RunEngine engine) {
        RunState state = engine.state();
        if (state.status() == RunStatus.WATCHING) return List.of();
        Optional<PlannedStep> ps = state.current();
        Optional<Step> s = engine.currentStep();
        if (ps.isEmpty() || s.isEmpty() || state.currentStepDone()) return List.of();
        List<String> out = new ArrayList<>();
        if (state.status() == RunStatus.HELD) out.add(RunMessages.holdBlocker(state.holdReason()));
        out.addAll(engine.handler(s.get()).statusBlockers(ps.get(), s.get()));
        return out;
    }

    private static String line(Step st, Optional<StepRecord> rec, RunState s) {
        StringBuilder l = new StringBuilder();
        StepStatus status = rec.map(StepRecord::status).orElse(StepStatus.PENDING);
        l.append(switch (status) {
            case DONE -> "✔ ";
            case CURRENT -> "▶ ";
            case PENDING -> "· ";
        });
        l.append(st.id()).append("  ").append(st.label());
        if (st.kind() == StepKind.APPROVAL && s.approvals().containsKey(st.id()) && status != StepStatus.DONE) {
            l.append("  (approved by ").append(s.approvals().get(st.id()).by()).append(')');
        }
        rec.ifPresent(r -> {
            if (r.status() == StepStatus.DONE) {
                l.append("  — ").append(r.completedBy()).append(' ').append(TimeText.of(r.completedAt()));
                if (r.note() != null && !r.note().isBlank()) l.append(" \"").append(r.note()).append('"');
            } else if (r.status() == StepStatus.CURRENT) {
                l.append("  — current since ").append(TimeText.of(r.startedAt()));
            }
        });
        return l.toString();
    }

    private static String age(Duration d) {
        if (d.isNegative() || d.isZero()) return "just now";
        return Durations.format(Duration.ofSeconds(Math.max(1, d.toSeconds()))) + " ago";
    }

    private static ChatMessage.Tone tone(RunState s) {
        return switch (s.status()) {
            case ACTIVE -> s.rollingBack() ? ChatMessage.Tone.DANGER : ChatMessage.Tone.INFO;
            case WATCHING -> ChatMessage.Tone.SUCCESS;
            case HELD -> ChatMessage.Tone.WARNING;
            case COMPLETED -> ChatMessage.Tone.SUCCESS;
            case ROLLED_BACK, ABORTED -> ChatMessage.Tone.DANGER;
        };
    }
}
