package dev.switchman.core.run;

import dev.switchman.core.chat.ChatUser;
import dev.switchman.core.event.Event;
import dev.switchman.core.runbook.Runbook;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runs of a bot: at most one active run per channel, started from the runbook catalog, rebuilt
 * from the store at start-up. Thread-safe.
 */
public final class RunManager {

    private static final Logger log = LoggerFactory.getLogger(RunManager.class);
    private static final DateTimeFormatter RUN_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    /** Finished runs younger than this get their notifications re-enqueued at start-up (the outbox deduplicates). */
    private static final java.time.Duration RECENTLY_FINISHED = java.time.Duration.ofDays(7);

    private final RunContext ctx;
    private final Supplier<? extends Collection<Runbook>> catalog;
    private final Map<String, RunEngine> byChannel = new ConcurrentHashMap<>();
    private final Map<String, RunEngine> byId = new ConcurrentHashMap<>();
    private final Map<String, RunEngine> latestByChannel = new ConcurrentHashMap<>();

    public RunManager(RunContext ctx, Supplier<? extends Collection<Runbook>> catalog) {
        this.ctx = ctx;
        this.catalog = catalog;
    }

    public RunContext context() {
        return ctx;
    }

    public List<Runbook> runbooks() {
        return List.copyOf(catalog.get());
    }

    public Optional<Runbook> runbook(String id) {
        return catalog.get().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The channel's run if it is still going. */
    public Optional<RunEngine> active(String channel) {
        RunEngine e = byChannel.get(channel);
        if (e != null && e.state().status().finished()) {
            byChannel.remove(channel, e);
            return Optional.empty();
        }
        return Optional.ofNullable(e);
    }

    /** The channel's active run, else the last one it had since start-up (for {@code timeline}). */
    public Optional<RunEngine> latest(String channel) {
        return active(channel).or(() -> Optional.ofNullable(latestByChannel.get(channel)));
    }

    /** A run this bot knows (active or finished since start-up). */
    public Optional<RunEngine> run(String runId) {
        return Optional.ofNullable(byId.get(runId));
    }

    public List<RunEngine> activeRuns() {
        return byChannel.values().stream().filter(e -> !e.state().status().finished()).toList();
    }

    /**
     * Starts a run of {@code runbook} in {@code channel}: records the command (with its idempotency key)
     * and RUN_STARTED, then walks to the first step. Fails if the channel has an active run.
     */
    public synchronized RunEngine start(Runbook runbook, ChatUser user, String channel, String commandText, String idempotencyKey) {
        Optional<RunEngine> existing = active(channel);
        if (existing.isPresent()) {
            throw new RunException("channel " + channel + " already has an active run: " + existing.get().runId()
                    + " (" + existing.get().runbook().id() + "); `abort` it first or use another channel");
        }
        String runId = newRunId(runbook.id());
        RunEngine engine = new RunEngine(ctx, runbook, new RunState(runId));
        byChannel.put(channel, engine);
        latestByChannel.put(channel, engine);
        byId.put(runId, engine);
        try {
            engine.actor().call(() -> {
                engine.begin(user, channel, commandText, idempotencyKey);
                return null;
            });
        } catch (RuntimeException e) {
            // nothing of the run was recorded: it does not exist
            byChannel.remove(channel, engine);
            latestByChannel.remove(channel, engine);
            byId.remove(runId, engine);
            engine.actor().call(() -> {
                engine.close();
                return null;
            });
            throw e;
        }
        log.info("run {} of {} started in {} by {}", runId, runbook.id(), channel, user.qualifiedId());
        return engine;
    }

    private String newRunId(String runbookId) {
        String base = runbookId + "-" + RUN_STAMP.format(ctx.clock().instant());
        List<String> known = ctx.store().runs();
        String id = base;
        for (int i = 2; known.contains(id) || byId.containsKey(id); i++) {
            id = base + "-" + i;
        }
        return id;
    }

    /** Rebuilds every unfinished run from the store and re-arms it; returns the resumed runs. */
    public synchronized List<RunState> resume() {
        List<RunState> resumed = new ArrayList<>();
        for (String runId : ctx.store().runs()) {
            if (byId.containsKey(runId)) continue;
            List<Event> events = ctx.store().read(runId);
            RunState state;
            try {
                state = RunState.replay(runId, events);
            } catch (RuntimeException e) {
                log.error("run {} cannot be rebuilt from its log ({} events); not resumed: {}", runId, events.size(), e.toString());
                continue;
            }
            if (state.status().finished() && !events.isEmpty()
                    && events.get(events.size() - 1).at().isAfter(ctx.clock().instant().minus(RECENTLY_FINISHED))) {
                // a crash between the final transition's commit and its outbox entries loses no notification
                Stakeholders.heal(ctx, state, events);
            }
            if (state.status().finished() || state.runbookId() == null || state.runbookId().isEmpty()) {
                continue;
            }
            Optional<Runbook> rb = runbook(state.runbookId());
            if (rb.isEmpty()) {
                log.warn("run {} uses runbook {} which is not in the catalog; not resumed", runId, state.runbookId());
                continue;
            }
            if (active(state.channel()).isPresent()) {
                log.warn("run {} and {} are both active in channel {}; resuming only the first", active(state.channel()).get().runId(), runId, state.channel());
                continue;
            }
            RunEngine engine;
            try {
                engine = new RunEngine(ctx, rb.get(), state);
            } catch (RuntimeException e) {
                log.error("run {} of {} cannot be opened; not resumed: {}", runId, state.runbookId(), e.toString());
                continue;
            }
            byChannel.put(state.channel(), engine);
            latestByChannel.put(state.channel(), engine);
            byId.put(runId, engine);
            engine.actor().call(() -> {
                engine.resume(events);
                return null;
            });
            resumed.add(state);
            if (engine.quarantine() != null) {
                log.warn("run {} of {} in {} is quarantined: {}", runId, state.runbookId(), state.channel(), engine.quarantine());
            } else {
                log.info("resumed run {} of {} in {} at event {}", runId, state.runbookId(), state.channel(), state.lastSequence());
            }
        }
        return resumed;
    }

    /** Active runs that could not resume and wait for {@code abort} (their channel and {@code status} say why). */
    public List<RunEngine> quarantined() {
        return activeRuns().stream().filter(e -> e.quarantine() != null).toList();
    }

    public void close() {
        byId.values().forEach(e -> e.actor().call(() -> {
            e.close();
            return null;
        }));
    }
}
