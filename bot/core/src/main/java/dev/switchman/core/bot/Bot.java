package dev.switchman.core.bot;

import dev.switchman.core.chat.ChatBackend;
import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.chat.Interaction;
import dev.switchman.core.chat.InteractionHandler;
import dev.switchman.core.chat.MessageRef;
import dev.switchman.core.chat.Reply;
import dev.switchman.core.chat.Visibility;
import dev.switchman.core.check.CheckEnvironment;
import dev.switchman.core.check.CheckProviders;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckRunner;
import dev.switchman.core.command.Command;
import dev.switchman.core.command.CommandContext;
import dev.switchman.core.command.CommandException;
import dev.switchman.core.command.CommandRegistry;
import dev.switchman.core.command.Invocation;
import dev.switchman.core.command.Middleware;
import dev.switchman.core.command.Replies;
import dev.switchman.core.command.Tokenizer;
import dev.switchman.core.command.builtin.AbortCommand;
import dev.switchman.core.command.builtin.ApproveCommand;
import dev.switchman.core.command.builtin.CheckCommand;
import dev.switchman.core.command.builtin.DoneCommand;
import dev.switchman.core.command.builtin.GoCommand;
import dev.switchman.core.command.builtin.HelpCommand;
import dev.switchman.core.command.builtin.MissingExtensionCommand;
import dev.switchman.core.command.builtin.NotifyCommand;
import dev.switchman.core.command.builtin.RollbackCommand;
import dev.switchman.core.command.builtin.RunbooksCommand;
import dev.switchman.core.command.builtin.StartCommand;
import dev.switchman.core.command.builtin.StatusCommand;
import dev.switchman.core.command.builtin.TimelineCommand;
import dev.switchman.core.command.middleware.AuditMiddleware;
import dev.switchman.core.command.middleware.AuthorizationMiddleware;
import dev.switchman.core.command.middleware.ConfirmationMiddleware;
import dev.switchman.core.command.middleware.IdempotencyMiddleware;
import dev.switchman.core.decision.BasicDecisionEngine;
import dev.switchman.core.decision.DecisionEngine;
import dev.switchman.core.event.EventStore;
import dev.switchman.core.event.InMemoryEventStore;
import dev.switchman.core.event.Outbox;
import dev.switchman.core.interaction.ButtonAction;
import dev.switchman.core.interaction.ButtonRegistry;
import dev.switchman.core.interaction.ChatPublisher;
import dev.switchman.core.interaction.Retry;
import dev.switchman.core.interaction.TeamMessages;
import dev.switchman.core.notify.ChatNotifier;
import dev.switchman.core.notify.Notifier;
import dev.switchman.core.notify.OutboxDispatcher;
import dev.switchman.core.run.DirectExecutorService;
import dev.switchman.core.run.RunActor;
import dev.switchman.core.run.RunContext;
import dev.switchman.core.run.RunEngine;
import dev.switchman.core.run.RunException;
import dev.switchman.core.run.RunListener;
import dev.switchman.core.run.RunManager;
import dev.switchman.core.run.RunState;
import dev.switchman.core.runbook.Runbook;
import dev.switchman.core.runbook.Step;
import dev.switchman.core.time.Scheduler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot: one command grammar over every backend. A backend hands each {@link Interaction} (a typed
 * command or a button press) to {@link #handle}; the bot acknowledges at once and queues the work on the
 * run's serial executor (one run at a time per channel; commands, presses and check results applied one
 * at a time per run, different runs in parallel), where it validates, runs the middleware chain
 * (idempotency, authorization, confirmation, audit) and the command, and answers through the
 * {@link Reply}. Checks run asynchronously; team messages go through the outbox and the status message
 * is republished at the platform's pace ({@link ChatPublisher}).
 *
 * <pre>{@code
 * Bot bot = Bot.builder().runbooks(list).store(EventStores.open(url)).clock(clock).scheduler(scheduler)
 *         .decisionEngine(engine).checkProviders(CheckProviders.load()).notifiers(notifiers).backend(backend).build();
 * bot.resume();
 * backend.start(bot);
 * }</pre>
 */
public final class Bot implements InteractionHandler, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Bot.class);

    private final RunManager runs;
    private final CommandRegistry registry = new CommandRegistry();
    private final List<Middleware> middleware = new CopyOnWriteArrayList<>();
    private final List<RunListener> listeners;
    private final ChatBackend backend;
    private final EventStore store;
    private final OutboxDispatcher notifications;
    private final List<ExecutorService> ownedExecutors;
    private final Scheduler ownedScheduler;
    private final ChatPublisher publisher;
    private final Executor runExecutor;
    private final Clock clock;
    /** Serial executors of channels without a run (a {@code start} and what follows it, in order). */
    private final Map<String, RunActor> channelActors = new ConcurrentHashMap<>();

    private Bot(Builder b, List<RunListener> listeners, OutboxDispatcher notifications, RunContext ctx, ChatPublisher publisher,
                List<ExecutorService> ownedExecutors, Scheduler ownedScheduler) {
        this.ownedScheduler = ownedScheduler;
        this.publisher = publisher;
        this.runExecutor = ctx.runExecutor();
        this.clock = ctx.clock();
        this.listeners = listeners;
        this.backend = b.backend;
        this.store = ctx.store();
        this.notifications = notifications;
        this.ownedExecutors = ownedExecutors;
        this.runs = new RunManager(ctx, b.catalog);
        for (Command c : List.of(new RunbooksCommand(), new StartCommand(), new StatusCommand(), new DoneCommand(), new CheckCommand(),
                new ApproveCommand(), new GoCommand(), new RollbackCommand(), new AbortCommand(), new NotifyCommand(),
                new TimelineCommand(), new HelpCommand(), MissingExtensionCommand.rehearse(), MissingExtensionCommand.postmortem())) {
            registry.register(c);
        }
        middleware.add(new IdempotencyMiddleware());
        middleware.add(new AuthorizationMiddleware());
        middleware.add(new ConfirmationMiddleware());
        middleware.add(new AuditMiddleware());
    }

    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------ interactions

    /**
     * Takes one interaction from a backend: acknowledges it at once (a typed command that does not parse is
     * acknowledged as ephemeral and answered at once, with the error), then queues the work on the run's
     * serial executor (the channel's, when it has no run) and returns. The answer comes through {@code reply}.
     */
    @Override
    public void handle(Interaction interaction, Reply reply) {
        if (interaction instanceof Interaction.ButtonPress press) {
            handlePress(press, reply);
        } else if (interaction instanceof Interaction.TypedCommand typed) {
            handleTyped(typed, reply);
        }
    }

    private void handleTyped(Interaction.TypedCommand typed, Reply reply) {
        Invocation inv;
        Command cmd;
        try {
            inv = Invocation.parse(typed.text());
            cmd = registry.require(inv.name());
            checkOptions(inv, cmd);
        } catch (CommandException e) {
            // a typo is the sender's business: ephemeral where the platform allows
            reply.ack(Visibility.EPHEMERAL);
            reply.answer(Replies.error(e.getMessage()));
            return;
        }
        reply.ack(Visibility.PUBLIC);
        submit(typed.channel(), () -> execute(typed, inv, cmd, reply, null));
    }

    private void handlePress(Interaction.ButtonPress press, Reply reply) {
        Optional<ButtonAction> found = publisher.buttons().find(press.actionId(), runs);
        Optional<RunEngine> run = found.flatMap(a -> runs.run(a.runId()));
        if (found.isEmpty() || run.isEmpty() || run.get().state().status().finished()) {
            reply.ack(Visibility.EPHEMERAL);
            reply.answer(Replies.refused(found.map(a -> "this button was for run " + a.runId() + ", which is over")
                    .orElse("this button is not one this bot drew (or its run is gone); `status` shows what you can do now")));
            return;
        }
        ButtonAction a = found.get();
        RunEngine r = run.get();
        reply.ack(Visibility.PUBLIC);
        r.actor().tell(() -> {
            String stale = ButtonRegistry.staleReason(r, a, clock.instant());
            if (stale != null) {
                r.recordRefusal(press.user(), "button " + a.label() + " (`" + a.command() + "`)", stale);
                log.info("refused {} pressing {} in run {}: {}", press.user().qualifiedId(), a.id(), r.runId(), stale);
                reply.answer(Replies.refused(stale));
                return;
            }
            // a confirming button: the platform asked "are you sure?" already, or the middleware asks now
            String text = a.confirm() && !publisher.confirmDialogs() ? withoutYes(a.command()) : a.command();
            Invocation inv;
            Command cmd;
            try {
                inv = Invocation.parse(text);
                cmd = registry.require(inv.name());
            } catch (CommandException e) {
                reply.answer(Replies.error("button " + a.label() + ": " + e.getMessage()));
                return;
            }
            execute(press, inv, cmd, reply, r);
        });
    }

    private static String withoutYes(String command) {
        try {
            return Invocation.parse(command).withoutYes();
        } catch (CommandException e) {
            return command;
        }
    }

    /** Queues {@code work} on the channel's run, or on the channel's own serial executor when it has none. */
    private void submit(String channel, Runnable work) {
        Optional<RunEngine> run = runs.active(channel);
        if (run.isPresent()) {
            run.get().actor().tell(work);
        } else {
            channelActors.computeIfAbsent(channel, c -> new RunActor(runExecutor, () -> { })).tell(work);
        }
    }

    /**
     * Runs a command on the run's actor and answers: {@code pressed} is the run a button belongs to; a typed
     * command takes the channel's run (moving onto its actor if a run started while the command waited).
     */
    private void execute(Interaction in, Invocation inv, Command cmd, Reply reply, RunEngine pressed) {
        Optional<RunEngine> run = pressed != null ? Optional.of(pressed) : runs.active(in.channel());
        if (run.isPresent() && !run.get().actor().onActor()) {
            run.get().actor().tell(() -> execute(in, inv, cmd, reply, pressed));
            return;
        }
        CommandContext ctx = new CommandContext(in, inv, runs, registry, run.orElse(null));
        ChatMessage answer;
        try {
            if (run.isEmpty() && cmd.needsRun()) {
                ctx.requireRun();
            }
            cmd.validate(ctx);
            answer = chain(0, cmd).next(ctx);
        } catch (CommandException | RunException e) {
            answer = Replies.error(e.getMessage());
        } catch (RuntimeException e) {
            log.error("command `{}` from {} failed", inv.text(), in.user().qualifiedId(), e);
            answer = Replies.error("internal error while handling `" + inv.text() + "`: " + e.getClass().getSimpleName()
                    + "; the log has the details");
        }
        Optional<RunEngine> target = ctx.run();
        ChatMessage shown = answer; // what the answer says before buttons are drawn on it
        if (target.isPresent()) {
            RunEngine r = target.get();
            ChatMessage drawn = answer;
            try {
                answer = r.actor().call(() -> publisher.draw(r, drawn));
            } catch (RuntimeException e) {
                // the answer still goes out (its buttons unregistered, so left out where buttons are pressed)
                log.warn("buttons of the answer to `{}` could not be registered: {}", inv.text(), e.toString());
            }
        }
        MessageRef ref;
        try {
            ref = reply.answer(answer);
        } catch (RuntimeException e) {
            log.warn("answer to `{}` from {} could not be delivered: {}", inv.text(), in.user().qualifiedId(), e.toString());
            return;
        }
        if (ctx.statusMessage() && ref != null && target.isPresent()) {
            RunEngine r = target.get();
            r.actor().tell(() -> publisher.trackStatus(r, ref, shown));
        }
    }

    private static void checkOptions(Invocation inv, Command cmd) {
        for (String o : inv.options()) {
            if (!cmd.options().contains(o)) {
                throw new CommandException(cmd.name(), "--" + o, "`" + cmd.name() + "`: unknown option '--" + o + "'; expected --yes"
                        + " (or quote it: \"--" + o + "\")");
            }
        }
    }

    private Middleware.Chain chain(int index, Command cmd) {
        if (index >= middleware.size()) {
            return ctx -> {
                try {
                    return cmd.execute(ctx);
                } catch (RunException e) {
                    return Replies.error(e.getMessage());
                }
            };
        }
        Middleware m = middleware.get(index);
        Middleware.Chain rest = chain(index + 1, cmd);
        return ctx -> m.apply(ctx, cmd, rest);
    }

    /** Adds or replaces a command (the simulator registers {@code rehearse} and {@code postmortem}). */
    public void registerCommand(Command command) {
        registry.register(command);
    }

    /** Adds a middleware after the built-in ones (just in front of the command). */
    public void addMiddleware(Middleware m) {
        middleware.add(m);
    }

    public CommandRegistry commands() {
        return registry;
    }

    // ------------------------------------------------------------------ runs

    /** Rebuilds every unfinished run from the store, re-arms it, and re-sends undelivered notifications. */
    public List<RunState> resume() {
        List<RunState> resumed = runs.resume();
        for (RunState st : resumed) {
            runs.run(st.runId()).ifPresent(r -> publisher.resume(r, store));
        }
        int team = publisher.redeliverPending(runs);
        if (team > 0) log.info("re-sending {} undelivered team message(s)", team);
        if (notifications != null) {
            int n = notifications.redeliverPending();
            if (n > 0) log.info("re-sending {} undelivered notification(s)", n);
        }
        return resumed;
    }

    /** The state of the channel's active run. Read it on the caller's risk: the run's actor may be changing it. */
    public Optional<RunState> activeRun(String channel) {
        return runs.active(channel).map(RunEngine::state);
    }

    /** Reads the channel's active run on its actor (never interleaved with a change); empty when none. */
    public <T> Optional<T> inspect(String channel, java.util.function.Function<RunState, T> reader) {
        return runs.active(channel).map(r -> r.actor().call(() -> reader.apply(r.state())));
    }

    /** The run manager (runs by channel and id, runbook catalog). */
    public RunManager runs() {
        return runs;
    }

    /**
     * A check result from outside (an agent, a feed, the simulator) for a run; applied on the run's actor.
     * This is the boundary such results cross: it is {@link CheckResult#redacted() redacted} here, once
     * (target, message, text observations), as {@code CheckRunner} does for results of the bot's own checks,
     * so what the log, rules, chat and exports see never carries a secret.
     */
    public void submitResult(String runId, CheckResult result) {
        CheckResult safe = result.redacted();
        runs.run(runId).ifPresent(r -> r.actor().tell(() -> r.onSubmittedResult(safe)));
    }

    /** Lets the rules re-evaluate windows and staleness of every active run without new input. */
    public void tick() {
        runs.activeRuns().forEach(r -> r.actor().tell(r::tick));
    }

    public void addListener(RunListener listener) {
        listeners.add(listener);
    }

    public EventStore store() {
        return store;
    }

    public ChatBackend backend() {
        return backend;
    }

    /** Starts the backend with this bot as its handler. */
    public void start() {
        if (backend != null) backend.start(this);
    }

    // ------------------------------------------------------------------ completion

    /** Runbook ids, for {@code start <TAB>}. */
    public List<String> runbookIds() {
        return runs.runbooks().stream().map(Runbook::id).toList();
    }

    /** Step ids of the channel's active run (every step, rollback steps included). */
    public List<String> stepIds(String channel) {
        return runs.active(channel).map(r -> r.runbook().allSteps().map(Step::id).toList()).orElse(List.of());
    }

    /**
     * Candidates for the last word of {@code line} as typed so far in {@code channel}: command names for the
     * first word, then what the command accepts there (runbook ids, step ids of the current run, check ids,
     * audiences, command names). Only candidates starting with the partial word are returned.
     */
    @Override
    public List<String> completions(String channel, String line) {
        String text = line == null ? "" : line;
        boolean trailingBlank = text.isEmpty() || Character.isWhitespace(text.charAt(text.length() - 1));
        List<String> words;
        try {
            words = new ArrayList<>(Tokenizer.tokenize(text).stream().map(t -> t.text()).toList());
        } catch (CommandException e) {
            return List.of();
        }
        String partial = trailingBlank || words.isEmpty() ? "" : words.remove(words.size() - 1);
        List<String> candidates;
        if (words.isEmpty()) {
            candidates = registry.all().stream().map(Command::name).toList();
        } else {
            Optional<Command> cmd = registry.find(words.get(0));
            if (cmd.isEmpty()) return List.of();
            Invocation inv = new Invocation(text, words.get(0).toLowerCase(), words.subList(1, words.size()), false);
            Interaction in = new Interaction.TypedCommand(text, null, channel, null, null);
            CommandContext ctx = new CommandContext(in, inv, runs, registry, runs.active(channel).orElse(null));
            candidates = cmd.get().candidates(ctx, words.size() - 1);
        }
        String p = partial.toLowerCase();
        return candidates.stream().filter(c -> c.toLowerCase().startsWith(p)).distinct().sorted().toList();
    }

    /** Stops the runs' timers and what the bot created itself (scheduler, check threads); not the store or the backend. */
    @Override
    public void close() {
        runs.close();
        if (ownedScheduler != null) ownedScheduler.close();
        ownedExecutors.forEach(ExecutorService::shutdownNow);
    }

    // ------------------------------------------------------------------ builder

    private static ExecutorService daemonPool(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public static final class Builder {
        private Supplier<? extends Collection<Runbook>> catalog = List::of;
        private EventStore store;
        private Clock clock;
        private Scheduler scheduler;
        private DecisionEngine decisionEngine;
        private CheckProviders checkProviders;
        private CheckEnvironment checkEnvironment = CheckEnvironment.defaults();
        private ExecutorService checkExecutor;
        private final List<Notifier> notifiers = new ArrayList<>();
        private ChatBackend backend;
        private final List<RunListener> listeners = new ArrayList<>();
        private ExecutorService runExecutor;
        private Retry retry = Retry.defaults();

        private Builder() {
        }

        public Builder runbooks(Collection<Runbook> runbooks) {
            List<Runbook> copy = List.copyOf(runbooks);
            this.catalog = () -> copy;
            return this;
        }

        /** A live catalog (re-read on every use, so reloaded runbooks show up). */
        public Builder runbooks(Supplier<? extends Collection<Runbook>> catalog) {
            this.catalog = catalog;
            return this;
        }

        /** The runbooks of a catalog (the loader's {@code RunbookCatalog}). */
        public Builder runbooks(dev.switchman.core.runbook.RunbookCatalog catalog) {
            return runbooks(catalog::all);
        }

        public Builder store(EventStore store) { this.store = store; return this; }
        public Builder clock(Clock clock) { this.clock = clock; return this; }
        public Builder scheduler(Scheduler scheduler) { this.scheduler = scheduler; return this; }
        public Builder decisionEngine(DecisionEngine engine) { this.decisionEngine = engine; return this; }
        public Builder checkProviders(CheckProviders providers) { this.checkProviders = providers; return this; }
        public Builder checkEnvironment(CheckEnvironment env) { this.checkEnvironment = env; return this; }

        /** Where checks and notification deliveries run; {@code DirectExecutorService} makes runs deterministic. */
        public Builder checkExecutor(ExecutorService executor) { this.checkExecutor = executor; return this; }

        /**
         * Where the runs' serial executors and chat deliveries run (default: a pool of their own, or the check
         * executor when that is a {@code DirectExecutorService}). A
         * {@code DirectExecutorService} applies every command in the calling thread (tests, the simulator).
         */
        public Builder runExecutor(ExecutorService executor) { this.runExecutor = executor; return this; }

        /** How often a refused team message or status edit is retried before it is recorded as failed. */
        public Builder retry(Retry r) { this.retry = r; return this; }

        public Builder notifiers(List<Notifier> notifiers) { this.notifiers.addAll(notifiers); return this; }
        public Builder backend(ChatBackend backend) { this.backend = backend; return this; }
        public Builder listener(RunListener listener) { this.listeners.add(listener); return this; }

        public Bot build() {
            Clock c = clock != null ? clock : scheduler != null ? scheduler.clock() : Clock.systemUTC();
            Scheduler s = scheduler != null ? scheduler : Scheduler.system(c);
            EventStore st = store != null ? store : new InMemoryEventStore();
            List<ExecutorService> owned = new ArrayList<>();
            ExecutorService exec = checkExecutor;
            if (exec == null) {
                exec = daemonPool("switchman-check-");
                owned.add(exec);
            }
            // commands wait on nobody's checks: runs get their own threads unless everything is direct (tests, simulator)
            ExecutorService work = runExecutor != null ? runExecutor : exec instanceof DirectExecutorService ? exec : null;
            if (work == null) {
                work = daemonPool("switchman-run-");
                owned.add(work);
            }
            CheckRunner runner = new CheckRunner(checkProviders != null ? checkProviders : CheckProviders.load(), exec, c, checkEnvironment);
            List<Notifier> all = new ArrayList<>(notifiers);
            if (backend != null && all.stream().noneMatch(x -> x.sinkKind().equals("chat"))) {
                all.add(new ChatNotifier(backend));
            }
            Outbox outbox = st instanceof Outbox o ? o : new InMemoryEventStore();
            Supplier<? extends Collection<Runbook>> runbooks = catalog;
            // the outbox keeps sink references; delivery finds the real sink (credentials and all) in the runbooks
            OutboxDispatcher dispatcher = new OutboxDispatcher(outbox, all, s, exec).ignoring(TeamMessages.SINK_KIND)
                    .configuredSinks(() -> runbooks.get().stream().flatMap(r -> r.stakeholders().stream())
                            .map(dev.switchman.core.runbook.Stakeholder::sink).toList());
            List<RunListener> ls = new CopyOnWriteArrayList<>(listeners);
            ChatPublisher publisher = new ChatPublisher(backend, st, outbox, s, work, retry);
            RunContext ctx = new RunContext(st, c, s, runner, decisionEngine != null ? decisionEngine : new BasicDecisionEngine(),
                    backend, dispatcher, ls, work, publisher);
            return new Bot(this, ls, dispatcher, ctx, publisher, owned, scheduler == null ? s : null);
        }
    }
}
