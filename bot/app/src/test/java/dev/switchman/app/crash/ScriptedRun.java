package dev.switchman.app.crash;

import dev.switchman.core.bot.Bot;
import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.chat.TranscriptBackend;
import dev.switchman.core.check.CheckProviders;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.event.Event;
import dev.switchman.core.event.EventStore;
import dev.switchman.core.run.DirectExecutorService;
import dev.switchman.core.run.EventTypes;
import dev.switchman.core.run.PlannedStep;
import dev.switchman.core.run.RunState;
import dev.switchman.core.run.RunStatus;
import dev.switchman.core.testing.ScriptedChecks;
import dev.switchman.core.testing.TestBots;
import dev.switchman.core.testing.TestRunbooks;
import dev.switchman.core.time.ManualClock;
import dev.switchman.core.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The scripted run the crash harness kills: start, a blocked verify step overridden by the rollback
 * authority, a wait, an approval, the cutover, a rollback ordered in the rollback window, and the
 * rollback steps to the end. Each command has a delivery key (its idempotency key), so a command
 * sent again after a restart must apply once.
 */
final class ScriptedRun {

    /** One thing that happens in the run: a command from a user, or virtual time passing. */
    record Action(String user, String text, Duration advance) {
        static Action say(String user, String text) {
            return new Action(user, text, null);
        }

        static Action advance(Duration d) {
            return new Action(null, null, d);
        }
    }

    static final List<Action> SCRIPT = List.of(
            Action.say("alice", "start hello-cutover"),
            Action.say("alice", "done lower-ttl \"TTL now 300\""),
            Action.say("carol", "done verify-ttl --override --yes \"resolver unreachable from the bot\""),
            Action.advance(Duration.ofMinutes(6)),
            Action.say("bob", "approve approve-cutover"),
            Action.say("carol", "go --yes"),
            Action.say("alice", "done switch-dns \"www now points at the new host\""),
            Action.advance(Duration.ofMinutes(2)),
            Action.say("carol", "rollback --yes \"error rate above threshold\""),
            Action.say("alice", "done switch-back"),
            Action.say("alice", "done restore-ttl"));

    /** A bot on virtual time over {@code store}, the checks scripted (www-ttl ERROR: the verify step blocks; new-http PASS). */
    static final class Harness {
        final ManualClock clock;
        final ManualScheduler scheduler;
        final TranscriptBackend chat;
        final Bot bot;
        final String channel;

        Harness(EventStore store, Instant now, String channel) {
            this.channel = channel;
            this.clock = new ManualClock(now);
            this.scheduler = new ManualScheduler(clock);
            ScriptedChecks checks = new ScriptedChecks();
            checks.script("www-ttl", CheckStatus.ERROR);
            checks.script("new-http", CheckStatus.PASS);
            this.chat = new TranscriptBackend(clock, channel);
            this.bot = Bot.builder().runbooks(List.of(TestRunbooks.hello())).store(store).clock(clock).scheduler(scheduler)
                    .checkProviders(new CheckProviders(List.of(checks))).checkExecutor(new DirectExecutorService())
                    .backend(chat).build();
            chat.start(bot);
        }

        /** Runs action {@code i} of the script; an advance goes to {@code until} (its end in the first life). */
        List<ChatMessage> perform(int i, Instant until) {
            Action a = SCRIPT.get(i);
            if (a.advance() != null) {
                scheduler.advanceTo(until);
                return List.of();
            }
            return chat.exec(a.user(), channel, a.text(), channel + "-cmd-" + i);
        }

        String status() {
            List<ChatMessage> r = chat.exec("alice", channel, "status", null);
            return r.isEmpty() ? "" : r.get(r.size() - 1).plain();
        }

        /** The channel's active run as a snapshot, read on its actor; empty when no run is active. */
        Optional<Snapshot> snapshot() {
            return bot.inspect(channel, Snapshot::of);
        }
    }

    /**
     * What a person reads in {@code status}, as data: run status, the current step, steps done (with who
     * did them and their notes), approvals, overrides, whether it cut over and is rolling back.
     */
    record Snapshot(RunStatus status, String current, Map<String, String> done, Map<String, String> approvals, TreeSet<String> overrides,
                    boolean cutOver, boolean rollingBack, TreeSet<String> phases) {

        static Snapshot of(RunState s) {
            Map<String, String> done = new TreeMap<>();
            s.steps().stream().filter(r -> r.status() == dev.switchman.core.run.StepStatus.DONE)
                    .forEach(r -> done.put((r.rollback() ? "rollback:" : "") + r.stepId(), r.completedBy() + " " + r.note()));
            Map<String, String> approvals = new TreeMap<>();
            s.approvals().forEach((k, v) -> approvals.put(k, v.by()));
            return new Snapshot(s.status(), s.current().map(PlannedStep::stepId).orElse("-") + (s.current().map(PlannedStep::rollback).orElse(false) ? " (rollback)" : ""),
                    done, approvals, new TreeSet<>(s.overrides().keySet()), s.cutoverAt() != null, s.rollingBack(), new TreeSet<>(s.completedPhases()));
        }
    }

    /** Problems with "applied once": a command key, a completed step, an approval or an override that shows twice. */
    static List<String> appliedTwice(List<Event> events) {
        List<String> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Event e : events) {
            String k = switch (e.type()) {
                case EventTypes.COMMAND -> e.idempotencyKey() == null ? null : "command " + e.idempotencyKey();
                case EventTypes.STEP_COMPLETED, EventTypes.APPROVED, EventTypes.OVERRIDDEN, EventTypes.CUTOVER, EventTypes.ROLLBACK_STARTED,
                     EventTypes.RUN_ROLLED_BACK -> e.type() + " " + e.payload().replaceAll("\"(at|note|reason|blockers|checks)\":(\"[^\"]*\"|\\[[^\\]]*\\])", "");
                default -> null;
            };
            if (k != null && seen.merge(k, 1, Integer::sum) == 2) {
                out.add(k + " (event " + e.sequence() + ")");
            }
        }
        return out;
    }

    static Instant start() {
        return TestBots.START;
    }

    private ScriptedRun() {
    }
}
