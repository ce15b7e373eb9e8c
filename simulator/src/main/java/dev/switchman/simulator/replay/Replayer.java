package dev.switchman.simulator.replay;

import dev.switchman.core.run.DirectExecutorService;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchman.core.bot.Bot;
import dev.switchman.core.check.CheckProvider;
import dev.switchman.core.check.CheckProviders;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.decision.Decision;
import dev.switchman.core.decision.DecisionEngine;
import dev.switchman.core.decision.DecisionKind;
import dev.switchman.core.event.Event;
import dev.switchman.core.event.EventStore;
import dev.switchman.core.run.EventTypes;
import dev.switchman.core.run.Payloads;
import dev.switchman.core.run.RunListener;
import dev.switchman.core.run.RunState;
import dev.switchman.core.runbook.CheckSpec;
import dev.switchman.core.runbook.Phase;
import dev.switchman.core.runbook.Roles;
import dev.switchman.core.runbook.Runbook;
import dev.switchman.core.runbook.Step;
import dev.switchman.core.runbook.StepKind;
import dev.switchman.core.time.ManualClock;
import dev.switchman.core.time.ManualScheduler;
import dev.switchman.core.time.Scheduler;
import dev.switchman.simulator.scenario.Chaos;
import dev.switchman.simulator.scenario.Scenario;
import dev.switchman.simulator.scenario.TimelineEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Plays a scenario through the real bot: the real run engine and the given decision engine, with
 * scripted check providers, a compacting event store and a rehearsal chat backend, all on one
 * {@link ManualScheduler}. Single-threaded, so the same scenario gives the same decisions at the same
 * virtual times every time. Auto responders answer steps and approvals by typing the same commands a
 * person would; {@code kill-bot} closes the bot and starts a new one that resumes from the event log.
 */
public final class Replayer {

    /** How often the rules are ticked (windows and staleness) when nothing else happens. */
    static final Duration TICK = Duration.ofMinutes(1);
    static final String CHANNEL = "rehearsal";
    /** {@code -Dswitchman.rehearsal.trace=true}: print every command and its replies to stderr. */
    static final boolean TRACE = Boolean.getBoolean("switchman.rehearsal.trace");

    /** Options: the decision engine, where chat goes (null: nowhere), an interrupt flag, a progress hook, the event store, commands typed by people. */
    /**
     * How a replay runs. {@code wall} paces a replay at a speed factor (null: the system clock, made when
     * needed); {@code wakeup} is raised by whoever adds to {@code inbox} or sets {@code interrupt}.
     */
    public record Options(Supplier<DecisionEngine> engine, RehearsalChat.Sink sink, AtomicBoolean interrupt, Consumer<String> progress,
                          EventStore store, java.util.Queue<String[]> inbox, Scheduler wall, Wakeup wakeup) {
        public static Options of(Supplier<DecisionEngine> engine) {
            return new Options(engine, null, new AtomicBoolean(), s -> { }, null, new java.util.concurrent.ConcurrentLinkedQueue<>(),
                    null, new Wakeup());
        }

        public Options withStore(EventStore s) {
            return new Options(engine, sink, interrupt, progress, s, inbox, wall, wakeup);
        }

        public Options withSink(RehearsalChat.Sink s) {
            return new Options(engine, s, interrupt, progress, store, inbox, wall, wakeup);
        }

        /** Paces on this scheduler's clock (a {@code ManualScheduler} in tests). */
        public Options withWall(Scheduler w) {
            return new Options(engine, sink, interrupt, progress, store, inbox, w, wakeup);
        }
    }

    private final Scenario scenario;
    private final Runbook runbook;
    private final Options options;
    private final ManualClock clock;
    private final ManualScheduler scheduler;
    private final Script script;
    private final ReplayLog log = new ReplayLog();
    private final EventStore store;
    private final RehearsalChat chat;
    private final CheckProviders providers;
    private final Set<String> rollbackOrdered = new LinkedHashSet<>();
    private Bot bot;
    private String runId;
    private boolean ended;
    private String lastPhase;
    private boolean interrupted;
    private boolean typingForPeople;
    private final java.util.Map<String, Instant> lastResultAt = new java.util.HashMap<>();

    public Replayer(Scenario scenario, Runbook runbook, Options options) {
        this.scenario = scenario;
        this.runbook = runbook;
        this.options = options;
        this.clock = new ManualClock(scenario.start());
        this.scheduler = new ManualScheduler(clock);
        this.script = new Script(scenario, runbook);
        this.store = options.store() != null ? options.store() : new CompactingEventStore();
        this.chat = new RehearsalChat(clock, CHANNEL, options.sink());
        List<CheckProvider> ps = new ArrayList<>();
        runbook.checks().stream().map(CheckSpec::kind).distinct().forEach(k -> ps.add(new ScriptedCheckProvider(k, script)));
        this.providers = new CheckProviders(ps);
        runbook.checks().forEach(c -> log.declareCheck(c.id()));
    }

    public static RehearsalResult replay(Scenario scenario, Runbook runbook, Options options) {
        return new Replayer(scenario, runbook, options).run();
    }

    public EventStore store() {
        return store;
    }

    public ReplayLog log() {
        return log;
    }

    public RehearsalResult run() {
        long t0 = System.nanoTime();
        bot = newBot();
        bot.start();
        scheduleTimeline();
        scheduleTick(scenario.start().plus(TICK));
        command(member(Roles.OWNER), "start " + runbook.id());
        for (CheckSpec c : runbook.checks()) {
            Duration every = scenario.intervals().getOrDefault(c.id(), c.interval());
            scheduleFeed(c, every, scenario.start().plus(every));
        }
        Instant end = scenario.at(scenario.end());
        Scheduler ownWall = options.wall() == null && !scenario.speed().max() ? Scheduler.system(Clock.systemUTC()) : null;
        Pacer pacer = new Pacer(scenario.speed().max() ? 0 : scenario.speed().factor(), clock.instant(),
                ownWall != null ? ownWall : options.wall(), options.wakeup());
        while (!ended) {
            if (options.interrupt().get() && !interrupted) {
                interrupt();
                end = clock.instant().plus(Duration.ofDays(2));
            }
            Instant next = scheduler.nextDue();
            if (next == null || next.isAfter(end)) {
                break;
            }
            pacer.await(next, options.interrupt(), this::drainInbox);
            drainInbox();
            scheduler.advanceTo(next);
        }
        if (!ended) {
            scheduler.advanceTo(end.isAfter(clock.instant()) ? end : clock.instant());
            log.end("running", clock.instant());
        }
        bot.close();
        if (ownWall != null) {
            ownWall.close();
        }
        long wallMs = (System.nanoTime() - t0) / 1_000_000;
        return new RehearsalResult(scenario, runbook, log, Analysis.verdicts(scenario, log), Analysis.faults(scenario, log), wallMs, interrupted);
    }

    private Bot newBot() {
        return Bot.builder().runbooks(List.of(runbook)).store(store).clock(clock).scheduler(scheduler)
                .decisionEngine(options.engine().get()).checkProviders(providers).checkExecutor(new DirectExecutorService())
                .backend(chat).listener(new Listener()).build();
    }

    private void scheduleTick(Instant at) {
        scheduler.schedule(at, () -> {
            if (!ended) {
                bot.tick();
                scheduleTick(at.plus(TICK));
            }
        });
    }

    /**
     * Feeds every check's scripted result at its interval, as agents and the live scheduler would: the
     * rules see each check continuously, not only while a step verifies it. The engine also runs checks
     * itself (while a step verifies them; after cutover, the blocking ones): when it has delivered a
     * result within the last interval the feeder skips its turn, so the rules never see a check more
     * often than its interval (consecutive-failure counts stay true).
     */
    private void scheduleFeed(CheckSpec c, Duration every, Instant at) {
        scheduler.schedule(at, () -> {
            if (ended || runId == null) {
                return;
            }
            Instant last = lastResultAt.get(c.id());
            if (last == null || Duration.between(last, at).compareTo(every) >= 0) {
                bot.submitResult(runId, script.measure(c.id(), c.kind(), at));
            }
            scheduleFeed(c, every, at.plus(every));
        });
    }

    private void scheduleTimeline() {
        for (TimelineEntry e : scenario.timeline()) {
            Instant at = scenario.at(e.at());
            scheduler.schedule(at, () -> {
                if (ended) {
                    return;
                }
                if (e.fault() != null) {
                    log.fault(e.fault(), e.check(), describe(e), at);
                }
                if (e.command() != null) {
                    command(e.by(), e.command());
                } else if (e.chaos() != null && e.chaos().kind() == Chaos.Kind.KILL_BOT) {
                    killBot();
                }
            });
        }
    }

    private static String describe(TimelineEntry e) {
        if (e.note() != null) {
            return e.note();
        }
        if (e.chaos() != null) {
            return "chaos " + e.chaos().kind().key() + (e.check() == null ? "" : " on " + e.check());
        }
        if (e.result() != null) {
            return e.check() + " " + e.result().status() + ": " + e.result().message();
        }
        return e.command() == null ? "" : e.command();
    }

    /** Commands people typed in a game day channel, applied at the current virtual time. */
    private void drainInbox() {
        String[] c;
        while ((c = options.inbox().poll()) != null) {
            typingForPeople = true;
            try {
                command(c[0], c[1]);
            } finally {
                typingForPeople = false;
            }
        }
    }

    /** The bot dies mid-run; a new one, on the same event store, resumes the run from its log. */
    private void killBot() {
        bot.close();
        log.restarted();
        log.note("bot killed at " + Analysis.off(scenario, clock.instant()) + " and restarted from its event log");
        bot = newBot();
        bot.start();
        bot.resume();
    }

    /** Game day stopped: order the rollback and let the rollback steps complete on their own. */
    private void interrupt() {
        interrupted = true;
        log.note("rehearsal interrupted at " + Analysis.off(scenario, clock.instant()) + "; rolling back");
        command(member(Roles.ROLLBACK_AUTHORITY), "rollback --yes \"rehearsal interrupted\"");
    }

    private void command(String user, String text) {
        if (ended || user == null) {
            return;
        }
        options.progress().accept(Analysis.off(scenario, clock.instant()) + " " + user + ": " + text);
        List<dev.switchman.core.chat.ChatMessage> replies = chat.exec(user, text);
        if (TRACE) {
            System.err.println(Analysis.off(scenario, clock.instant()) + " " + user + ": " + text);
            replies.forEach(r -> System.err.println("    " + r.plain().replace("\n", "\n    ")));
        }
    }

    /** Who answers for a role: the scenario's named approver, else the role's first member, else the owner. */
    private String member(String role) {
        String named = scenario.responders().approvers().get(role);
        if (named != null) {
            return named;
        }
        List<String> members = runbook.roles().of(role);
        if (!members.isEmpty()) {
            return members.get(0);
        }
        List<String> owners = runbook.roles().of(Roles.OWNER);
        return owners.isEmpty() ? "console:rehearsal" : owners.get(0);
    }

    private boolean autoAnswers() {
        return scenario.responders().mode() == Scenario.Responders.Mode.AUTO || interrupted;
    }

    private void later(Duration after, String user, String text) {
        scheduler.schedule(clock.instant().plus(after), () -> command(user, text));
    }

    private Step step(String stepId) {
        return runbook.allSteps().filter(s -> s.id().equals(stepId)).findFirst().orElse(null);
    }

    private String phaseTitle(String id) {
        return runbook.phase(id).map(Phase::title).orElse(id);
    }

    /** Records what the run does and answers for the humans when the responders are automatic. */
    private final class Listener implements RunListener {

        @Override
        public boolean wantsResultEvents() {
            return false;
        }

        @Override
        public void onEvent(RunState state, Event event) {
            switch (event.type()) {
                case EventTypes.RUN_STARTED -> runId = state.runId();
                case EventTypes.STEP_STARTED -> stepStarted(event);
                case EventTypes.STEP_COMPLETED -> {
                    JsonNode p = Payloads.read(event.payload());
                    log.step(Payloads.text(p, "step"), event.actor(), event.at());
                }
                case EventTypes.COMMAND -> {
                    JsonNode p = Payloads.read(event.payload());
                    log.command(event.at(), event.actor(), Payloads.text(p, "text"), typingForPeople);
                }
                case EventTypes.RUN_COMPLETED -> finish("completed", event.at());
                case EventTypes.RUN_ROLLED_BACK -> finish("rolled-back", event.at());
                case EventTypes.RUN_ABORTED -> finish("aborted", event.at());
                default -> {
                }
            }
        }

        @Override
        public void onCheckResult(RunState state, CheckResult result) {
            lastResultAt.put(result.checkId(), clock.instant());
            log.result(result.checkId(), result.status(), clock.instant(), result.message());
        }

        @Override
        public void onDecision(RunState state, Decision d) {
            log.decision(d);
            if (d.kind() == DecisionKind.GO && autoAnswers() && runbook.cutoverPhase().map(ph -> ph.id().equals(d.phase())).orElse(false)
                    && state.current().map(ps -> !ps.rollback() && ps.phaseId().equals(d.phase())
                        && step(ps.stepId()) != null && step(ps.stepId()).kind() == StepKind.GATE).orElse(false)) {
                later(scenario.responders().reaction(), member(Roles.ROLLBACK_AUTHORITY), "go --yes \"rules say GO (" + d.ruleId() + ")\"");
            }
            if (d.kind() == DecisionKind.ROLLBACK && autoAnswers() && scenario.responders().obeyRollback() && rollbackOrdered.add("rollback")) {
                later(scenario.responders().reaction(), member(Roles.ROLLBACK_AUTHORITY), "rollback --yes \"" + d.ruleId() + "\"");
            }
        }

        private void stepStarted(Event event) {
            JsonNode p = Payloads.read(event.payload());
            String phase = Payloads.text(p, "phase");
            boolean rollback = p.path("rollback").asBoolean(false);
            String band = rollback ? "rollback" : phase;
            if (!band.equals(lastPhase)) {
                lastPhase = band;
                log.phase(band, rollback ? "Rollback" : phaseTitle(phase), event.at());
            }
            if (!autoAnswers()) {
                return;
            }
            Step s = step(Payloads.text(p, "step"));
            if (s == null) {
                return;
            }
            if (s.kind() == StepKind.MANUAL) {
                Duration d = scenario.responders().durations().getOrDefault(s.id(),
                        s.expected() != null ? s.expected() : scenario.responders().manualDefault());
                later(d, member(s.role() != null ? s.role() : Roles.OWNER), "done " + s.id());
            } else if (s.kind() == StepKind.APPROVAL && !rollback) {
                later(scenario.responders().reaction(), member(s.approvalRole()), "approve " + s.id());
            }
        }

        private void finish(String outcome, Instant at) {
            if (!ended) {
                ended = true;
                log.end(outcome, at);
            }
        }
    }
}
