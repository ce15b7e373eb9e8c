package dev.switchman.core.run;

import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.chat.ChatMessage.Tone;
import dev.switchman.core.chat.ChatUser;
import dev.switchman.core.decision.Decision;
import dev.switchman.core.time.Durations;
import dev.switchman.core.runbook.Phase;
import dev.switchman.core.runbook.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every sentence a run says to people: team-channel messages, command answers, refusals
 * ({@link RunException} texts), stakeholder updates and status lines. The engine's parts decide
 * <em>what</em> happened; this class alone decides how it reads. Pure functions of their arguments.
 */
final class RunMessages {

    private RunMessages() {
    }

    // ------------------------------------------------------------------ run life cycle

    static ChatMessage started(String runId, String title, ChatUser user) {
        return ChatMessage.of(Tone.INFO, "Run " + runId + " started",
                title + " — started by " + user.displayName() + ". Type `status` for the whole picture.");
    }

    static String stakeholdersRolledBack(String title) {
        return title + ": rolled back; every rollback step is done.";
    }

    static ChatMessage rolledBack(String runId) {
        return ChatMessage.of(Tone.WARNING, "Rolled back", "Every rollback step is done. Run " + runId + " is over.");
    }

    static String stakeholdersComplete(String title) {
        return title + ": complete; every phase is done.";
    }

    static ChatMessage complete(String title) {
        return ChatMessage.of(Tone.SUCCESS, "Run complete", title + ": every phase is done.");
    }

    static String phaseComplete(Phase phase) {
        return "Phase " + phase.id() + (phase.title() == null ? "" : " (" + phase.title() + ")") + " is complete.";
    }

    static String cutover(Instant at, Duration rollbackWindow) {
        return " Cutover at " + TimeText.of(at) + "." + (rollbackWindow == null ? "" : " Rollback window: " + Durations.format(rollbackWindow) + ".");
    }

    static ChatMessage phaseCompleteMessage(String text) {
        return ChatMessage.of(Tone.SUCCESS, "Phase complete", text);
    }

    static String forStakeholders(String title, String text) {
        return title + ": " + text;
    }

    static String notificationSubject(String title, String audience) {
        return title + " — " + audience + " update";
    }

    static ChatMessage next(Step s, String prompt) {
        return ChatMessage.of(Tone.INFO, "Next: " + s.id(), prompt);
    }

    static ChatMessage quarantined(String runId, String reason) {
        return ChatMessage.of(Tone.DANGER, "Run " + runId + " is quarantined",
                "It cannot resume: " + reason + ".\nNothing of it is lost (the log keeps every event); other runs carry on. "
                        + "`status` shows where it stopped; `abort \"reason\"` ends it so the channel can start again.");
    }

    static String quarantinedRefusal(String runId, String reason) {
        return "run " + runId + " is quarantined (" + reason + "); only `status`, `timeline` and `abort` work on it";
    }

    static ChatMessage storeFailed(String error) {
        return ChatMessage.of(Tone.DANGER, "Event store failure",
                "The last change could not be recorded (" + error + "); the run is as it was before it. "
                        + "Checks keep running; the bot retries and says when recording works again.");
    }

    static String storeFailedRefusal(String error) {
        return "the event store failed (" + error + "): nothing was recorded and the run is as it was; try again";
    }

    static String turnFailed(RuntimeException e) {
        return "could not apply it (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                + "): nothing was recorded and the run is as it was; the bot log has the details";
    }

    static ChatMessage storeRecovered() {
        return ChatMessage.of(Tone.SUCCESS, "Event store back", "Changes are recorded again.");
    }

    // ------------------------------------------------------------------ step prompts

    static String manualPrompt(Step s) {
        return s.label() + " — when it is done: `done " + s.id() + "`" + (s.role() == null ? "" : " (role " + s.role() + ")");
    }

    static String approvalPrompt(Step s, String members) {
        return s.label() + " — " + members + ": `approve " + s.id() + "`";
    }

    static String verifyPrompt(Step s) {
        return "running checks " + String.join(", ", s.checks());
    }

    static String waitPrompt() {
        return "waiting";
    }

    static String gatePrompt() {
        return "go/no-go gate";
    }

    static String notifyPrompt(Step s) {
        return "notifying " + (s.notification() == null ? "" : s.notification().audience());
    }

    static String members(List<String> members, String role) {
        return members.isEmpty() ? "nobody holds role " + role : String.join(", ", members);
    }

    // ------------------------------------------------------------------ verify, wait, gate, notify

    static ChatMessage verifyBlocked(Step s, List<String> blockers, String overrideHint) {
        return ChatMessage.of(Tone.WARNING, "Blocked: " + s.id(),
                String.join("\n", blockers) + "\nChecks re-run every interval; `check` re-runs them now." + overrideHint);
    }

    static String noResultYet(String checkId) {
        return checkId + ": no result yet";
    }

    static String failing(String checkId, dev.switchman.core.check.CheckResult r) {
        return checkId + ": " + r.status() + (r.message().isEmpty() ? "" : " — " + r.message());
    }

    static String allChecksPass(Step s) {
        return "all checks pass: " + String.join(", ", s.checks());
    }

    static String waitNothing() {
        return "nothing";
    }

    static String waitUntil(Instant until) {
        return "until " + TimeText.of(until);
    }

    static String waitOldTtl(String check) {
        return "the old TTL of " + check;
    }

    static String waitOldTtl(String check, Duration ttl) {
        return "the old TTL of " + check + " (" + Durations.format(ttl) + ")";
    }

    static String waited(String what) {
        return "waited " + what;
    }

    static ChatMessage cannotTellTtl(String check, Step s) {
        return ChatMessage.of(Tone.WARNING, "Cannot tell the old TTL",
                check + " reports no ttl observation; when you know it has passed: `done " + s.id() + "`");
    }

    static ChatMessage gateGo(Step s, Decision gate, List<String> authority) {
        return ChatMessage.builder("Rules say GO: " + s.id())
                .tone(Tone.SUCCESS)
                .text(gate.reason() + "\nRollback authority (" + String.join(", ", authority) + "): `go` to cut over.")
                .button(new ChatMessage.Button("Go", "go --yes", false, true)).build();
    }

    static String gateGoNote(Decision gate) {
        return "rules: GO (" + gate.ruleId() + ")";
    }

    static ChatMessage gateBlocked(Step s, Decision gate, String overrideHint) {
        return ChatMessage.of(Tone.WARNING, gate.kind() + ": " + s.id(), gate.reason() + overrideHint);
    }

    static String gateNoDecision() {
        return "the rules gave no GO or NO_GO";
    }

    static String approvedEarlier(String by) {
        return "approved earlier by " + by;
    }

    static String approvedNote() {
        return "approved";
    }

    static String notified(Step s) {
        return "notified " + (s.notification() == null ? "nobody" : s.notification().audience());
    }

    // ------------------------------------------------------------------ decisions

    static ChatMessage hold(Decision d, String authority) {
        return ChatMessage.builder("HOLD: " + d.reason()).tone(Tone.WARNING)
                .text("The run is paused (rule " + d.ruleId() + ").\n" + evidence(d)
                        + "Rollback authority (" + authority + "): `go \"reason\"` to continue, or `rollback \"reason\"`.")
                .button(new ChatMessage.Button("Rollback", "rollback --yes " + quote(d.reason()), true, true)).build();
    }

    static ChatMessage advice(Decision d) {
        return ChatMessage.of(Tone.INFO, d.kind() + ": " + d.reason(), evidence(d) + "(rule " + d.ruleId() + ")");
    }

    static ChatMessage rollbackRecommendedTooLate(Decision d, Instant cutoverAt, Instant pointOfNoReturn) {
        return ChatMessage.of(Tone.DANGER, "Rules recommend ROLLBACK, but the point of no return has passed",
                d.reason() + " (" + since(cutoverAt) + ", rule " + d.ruleId() + ")\n" + evidence(d) + "Past the point of no return ("
                        + TimeText.of(pointOfNoReturn) + "): `rollback` is refused; fix forward.");
    }

    static ChatMessage rollbackRecommended(Decision d, Instant cutoverAt, String authority) {
        return ChatMessage.builder("Rules recommend ROLLBACK").tone(Tone.DANGER)
                .text(d.reason() + " (" + since(cutoverAt) + ", rule " + d.ruleId() + ")\n" + evidence(d)
                        + "Rollback authority (" + authority + "): `rollback \"reason\"` to roll back, or keep going.")
                .button(new ChatMessage.Button("Rollback", "rollback --yes " + quote(d.reason()), true, true))
                .build();
    }

    private static String since(Instant cutoverAt) {
        return cutoverAt == null ? "before cutover" : "since cutover at " + TimeText.of(cutoverAt);
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String evidence(Decision d) {
        if (d.evidence().isEmpty()) return "";
        return d.evidence().stream().map(e -> "• " + e.checkId() + " " + e.status() + (e.values().isEmpty() ? "" : " " + e.values())
                + " at " + TimeText.of(e.observedAt())).collect(Collectors.joining("\n")) + "\n";
    }

    // ------------------------------------------------------------------ rollback window

    static String watching(Instant until, Duration window, Instant cutoverAt) {
        return "Every phase is done. Watching until " + TimeText.of(until) + " (rollback window "
                + Durations.format(window) + " after cutover at " + TimeText.of(cutoverAt) + ").";
    }

    static ChatMessage watchingMessage(String text, boolean pastPointOfNoReturn, Instant pointOfNoReturn, String authority) {
        ChatMessage.Builder m = ChatMessage.builder("Watching: rollback window open").tone(Tone.SUCCESS);
        if (pastPointOfNoReturn) {
            m.text(text + " Checks keep running and the rules keep deciding; the point of no return (" + TimeText.of(pointOfNoReturn)
                    + ") has passed, so `rollback` is refused. The run completes when the window closes, or on `abort`.");
        } else {
            m.text(text + " Checks keep running and the rules keep deciding; rollback authority (" + authority
                    + "): `rollback \"reason\"` if it goes wrong. The run completes when the window closes, or on `abort`.")
                    .button(new ChatMessage.Button("Rollback", "rollback --yes", true, true));
        }
        return m.build();
    }

    static String windowClosed(Instant end) {
        return "complete; the rollback window closed at " + TimeText.of(end) + ".";
    }

    static ChatMessage windowClosedMessage(String title, String text) {
        return ChatMessage.of(Tone.SUCCESS, "Run complete", title + ": " + text);
    }

    static String notWhileWatching(Instant until, String what) {
        return "every phase is done; the run is watching until " + TimeText.of(until)
                + " (rollback window), so " + what + " has nothing to act on; `rollback \"reason\"` or `abort` end it early";
    }

    static String describeWatching(Instant until) {
        return "watching until " + TimeText.of(until) + " (rollback window); `rollback` or `abort` end it early";
    }

    // ------------------------------------------------------------------ stakeholders

    static String summary(RunState state, String title, String where, String holdReason) {
        StringBuilder b = new StringBuilder();
        b.append(title).append(": ");
        if (state.status().finished()) {
            b.append("the run is ").append(state.status().name().toLowerCase().replace('_', ' ')).append('.');
            return b.toString();
        }
        if (state.status() == RunStatus.WATCHING) {
            b.append("every phase is done; watching until ").append(TimeText.of(state.watchingUntil())).append(" (rollback window). ");
        } else if (where != null) {
            b.append(where);
        }
        if (state.cutoverAt() != null) b.append("Cut over at ").append(TimeText.of(state.cutoverAt())).append(". ");
        long failing = state.latestResults().values().stream().filter(r -> r.status() != dev.switchman.core.check.CheckStatus.PASS).count();
        b.append(state.latestResults().size() - failing).append(" of ").append(state.latestResults().size()).append(" checks pass");
        if (holdReason != null) b.append("; on HOLD: ").append(holdReason);
        return b.append('.').toString();
    }

    static String where(boolean rollback, String phase, String stepLabel) {
        return (rollback ? "rolling back, " : "phase ") + phase + ", step " + stepLabel + ". ";
    }

    // ------------------------------------------------------------------ commands

    static String runOver(String runId, RunStatus status) {
        return "run " + runId + " is over (" + status + ")";
    }

    static String onHold(String holdReason, String what) {
        return "the run is on HOLD (" + holdReason + "); " + what + " waits until the rollback authority says `go \"reason\"` or `rollback`";
    }

    static String overrideHint(Step s, String authority) {
        return "\nIf it cannot pass for a known reason, the rollback authority (" + authority + ") may complete it anyway: `done "
                + s.id() + " --override \"reason\"` (recorded with the blockers).";
    }

    static String noCurrentStep() {
        return "no step is current";
    }

    static String alreadyDone(String stepId, StepRecord r, String current) {
        return stepId + " is already done (by " + r.completedBy() + " at " + TimeText.of(r.completedAt()) + "); the current step is " + current;
    }

    static String notCurrent(String stepId, Step current) {
        return stepId + " is not the current step; the current step is " + current.id() + " (" + current.label() + ")";
    }

    static String verifyCompletesItself(Step s, String blockers, String overrideHint) {
        return s.id() + " completes by itself when its checks pass; blockers: " + blockers + "; `check` re-runs them." + overrideHint;
    }

    static String gateNeedsGo(Step s, String overrideHint) {
        return s.id() + " is a go/no-go gate: the rollback authority says `go`" + overrideHint;
    }

    static String approvalNeedsApprove(Step s, String members) {
        return s.id() + " is an approval: `approve " + s.id() + "` by " + members;
    }

    static String notifySendsItself(Step s) {
        return s.id() + " sends itself";
    }

    static ChatMessage done(String stepId, ChatUser user, String note, String nextLine) {
        return ChatMessage.of(Tone.SUCCESS, "Done: " + stepId, by(user) + (note == null ? "" : " — " + note) + nextLine);
    }

    static String overrideNeedsReason(String stepId) {
        return "`done " + stepId + " --override` needs a reason: done " + stepId + " --override \"why it is safe to go on\"";
    }

    static String alreadyDone(String stepId) {
        return stepId + " is already done";
    }

    static String nothingBlocksGate(Step s) {
        return "nothing blocks " + s.id() + ": the rules say GO; the rollback authority says `go`";
    }

    static String overrideOnlyBlocked(Step s) {
        boolean doneWorks = s.kind() == dev.switchman.core.runbook.StepKind.MANUAL || s.kind() == dev.switchman.core.runbook.StepKind.WAIT;
        return "`--override` completes a blocked verify step or gate; " + s.id() + " is a "
                + s.kind().name().toLowerCase() + " step" + (doneWorks ? ": `done " + s.id() + "`" : "");
    }

    static ChatMessage overridden(Step s, RunState.StepOverride o, String nextLine) {
        return ChatMessage.of(Tone.WARNING, "Overridden: " + s.id(), o.describe()
                + "\nIts checks keep running and the rules still see every result." + nextLine);
    }

    static String nextLine(RunState state, Step current, String prompt) {
        if (state.status().finished()) {
            return "\nRun " + state.status().name().toLowerCase().replace('_', ' ') + ".";
        }
        return current == null ? "" : "\nNext: " + current.id() + " — " + prompt;
    }

    static String by(ChatUser u) {
        return "by " + u.displayName();
    }

    static String noApprovalPending() {
        return "no approval is pending";
    }

    static String notAnApproval(Step s) {
        return s.id() + " is not an approval step (it is " + s.kind().name().toLowerCase() + ")";
    }

    static String alreadyApproved(Step s, RunState.Approval a) {
        return s.id() + " is already approved by " + a.by() + " at " + TimeText.of(a.at());
    }

    static ChatMessage approved(Step s, ChatUser user, String nextLine) {
        return ChatMessage.of(Tone.SUCCESS, "Approved: " + s.id(), by(user) + " (role " + s.approvalRole() + ")" + nextLine);
    }

    static String holdNeedsReason(String holdReason) {
        return "the run is on HOLD (" + holdReason + "); to continue give the reason: go --yes \"why it is safe\"";
    }

    static ChatMessage resumed(ChatUser user, String reason, String nextLine) {
        return ChatMessage.of(Tone.SUCCESS, "Resumed", "HOLD overridden " + by(user) + ": " + reason + nextLine);
    }

    static String nothingToGo(Step s) {
        return "nothing to go: the current step is " + s.id() + " (" + s.kind().name().toLowerCase() + "); `go` confirms a go/no-go gate or resumes a HOLD";
    }

    static String goNote(String reason, Decision d) {
        return "go" + (reason == null ? "" : ": " + reason) + " (rules: GO, " + d.ruleId() + ")";
    }

    static String rulesHoldNeedsReason(Decision d) {
        return "the rules say HOLD: " + d.reason() + "; to override give the reason: go --yes \"why\"";
    }

    static String goOverHoldNote(String reason) {
        return "go over HOLD: " + reason;
    }

    static String noGo(Decision d, String overrideHint) {
        return "NO-GO (" + d.ruleId() + "): " + d.reason() + overrideHint;
    }

    static ChatMessage go(Step s, ChatUser user, Decision d, String nextLine) {
        return ChatMessage.of(Tone.SUCCESS, "GO: " + s.id(), by(user) + " — " + d.reason() + nextLine);
    }

    static String alreadyRollingBack(String reason) {
        return "already rolling back (" + reason + ")";
    }

    static String pastPointOfNoReturn(Duration ponr, Instant cutoverAt, Instant at) {
        return "past the point of no return: " + Durations.format(ponr) + " after cutover at "
                + TimeText.of(cutoverAt) + " was " + TimeText.of(at) + "; rolling back is no longer planned, fix forward";
    }

    static ChatMessage refused(String why) {
        return ChatMessage.of(Tone.DANGER, "Refused", why);
    }

    static String stakeholdersRollingBack(String title, String reason) {
        return title + ": we are rolling back" + (reason == null ? "." : ": " + reason);
    }

    static String insideWindow(boolean watching, Instant until) {
        return watching ? "\nInside the rollback window (until " + TimeText.of(until) + ")." : "";
    }

    static ChatMessage nothingToUndo(ChatUser user, String reason, String warning) {
        return ChatMessage.of(Tone.WARNING, "Rolled back", "Nothing to undo: no rollback steps. " + by(user) + (reason == null ? "" : ": " + reason) + warning);
    }

    static ChatMessage rollbackOrdered(ChatUser user, String reason, List<PlannedStep> plan, String warning, String nextLine) {
        return ChatMessage.of(Tone.DANGER, "ROLLBACK", "Ordered " + by(user) + (reason == null ? "" : ": " + reason)
                + "\n" + plan.size() + " rollback step(s): " + plan.stream().map(PlannedStep::stepId).collect(Collectors.joining(", ")) + warning + nextLine);
    }

    static String stakeholdersStopped(String title, String reason) {
        return title + ": the run was stopped" + (reason == null ? "." : ": " + reason);
    }

    static ChatMessage aborted(String runId, ChatUser user, String reason) {
        return ChatMessage.of(Tone.DANGER, "Aborted", "Run " + runId + " aborted " + by(user) + (reason == null ? "" : ": " + reason));
    }

    static ChatMessage checking(List<String> ids) {
        return ChatMessage.of(Tone.INFO, "Checking", "running " + String.join(", ", ids) + "; results follow");
    }

    static ChatMessage notifiedAudience(String audience, List<String> sinks) {
        return ChatMessage.of(Tone.SUCCESS, "Notified " + audience, sinks.isEmpty() ? "no sink for " + audience : "sent to " + String.join(", ", sinks));
    }

    // ------------------------------------------------------------------ status lines

    static String holdBlocker(String holdReason) {
        return "HOLD: " + holdReason;
    }

    static String checkBlocker(String checkId, dev.switchman.core.check.CheckResult r) {
        return checkId + " " + (r == null ? "has no result yet" : "is " + r.status());
    }

    static String needsApproval(String members) {
        return "needs approval by " + members;
    }
}
