package dev.switchman.core.run;

import dev.switchman.core.check.CheckResult;
import dev.switchman.core.event.Event;
import dev.switchman.core.event.NewEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's side of the event log: every state transition is recorded as ONE atomic append.
 * <p>Inside {@link #transition} each {@link #emit} is applied to the {@link RunState} at once (the walk
 * reads its own changes) and staged; when the outermost transition ends, the staged events are committed
 * with one {@link dev.switchman.core.event.EventStore#appendAll}, and only then do the transition's side
 * effects run (team messages, notifications, listeners), in the order they were asked for. If the work
 * fails, or the commit does, the state goes back to what it was before the transition, the staged events
 * and the side effects are dropped, and the exception is rethrown: the log and the state only ever hold
 * whole transitions. A {@link RunException} thrown by the work is a refusal, not a failure: what was
 * staged before it (the command, a decision) is committed, then the refusal is rethrown.
 * <p>A check result that opens a turn is appended on its own, before anything reacts to it (it is a fact
 * that arrived, not a transition), through {@code appendDeferred} so the rehearsal's compacting store can
 * skip writing superseded results. Used on the run's actor only.
 */
final class RunLog {

    private static final Logger log = LoggerFactory.getLogger(RunLog.class);

    private final RunContext ctx;
    private final RunState state;
    private final List<NewEvent> staged = new ArrayList<>();
    private final List<Event> provisional = new ArrayList<>();
    private final List<Runnable> effects = new ArrayList<>();
    private RunState before;
    private int depth;
    private boolean wrote;
    private boolean lostDecisions;
    /** Set by a change the status message shows / the rules' run facts carry; cleared by whoever acts on it. */
    boolean statusDirty;
    boolean factsDirty;

    RunLog(RunContext ctx, RunState state) {
        this.ctx = ctx;
        this.state = state;
    }

    /** True if the last transition appended anything (the store accepted a write). */
    boolean wrote() {
        return wrote;
    }

    boolean inTransition() {
        return depth > 0;
    }

    /**
     * Runs {@code work} as one transition (nested calls join the outer one). See the class comment for
     * what is committed when and what happens on failure.
     */
    <T> T transition(Supplier<T> work) {
        if (depth > 0) {
            return work.get();
        }
        depth = 1;
        wrote = false;
        T result = null;
        RunException refusal = null;
        try {
            try {
                result = work.get();
            } catch (RunException e) {
                refusal = e;
            }
            commit();
        } catch (RuntimeException e) {
            abandon();
            throw e;
        } finally {
            depth = 0;
        }
        runEffects();
        if (refusal != null) {
            throw refusal;
        }
        return result;
    }

    /** Runs {@code effect} once the current transition is committed (at once outside a transition). */
    void afterCommit(Runnable effect) {
        if (depth > 0) {
            effects.add(effect);
        } else {
            effect.run();
        }
    }

    /** Stages (and applies) one event of the current transition; outside a transition it is a transition of its own. */
    Event emit(String type, String payload, String actorId, String idempotencyKey) {
        return emit(type, payload, actorId, idempotencyKey, null);
    }

    private Event emit(String type, String payload, String actorId, String idempotencyKey, CheckResult result) {
        if (depth == 0) {
            return transition(() -> emit(type, payload, actorId, idempotencyKey, result));
        }
        if (before == null) {
            before = state.snapshot();
        }
        Instant at = ctx.clock().instant();
        NewEvent n = new NewEvent(type, payload == null ? "{}" : payload, actorId, at, idempotencyKey);
        Event e = new Event(state.runId(), state.lastSequence() + 1, type, n.payload(), actorId, at.truncatedTo(ChronoUnit.MICROS), idempotencyKey);
        staged.add(n);
        provisional.add(e);
        if (result != null) {
            state.applyResult(e, result);
        } else {
            state.apply(e);
        }
        if (!EventTypes.CHECK_RESULT.equals(type) && !EventTypes.DECISION.equals(type) && !EventTypes.COMMAND.equals(type)) {
            statusDirty = true;
            factsDirty = true;
        }
        for (RunListener l : ctx.listeners()) {
            afterCommit(() -> l.onEvent(state, e));
        }
        return e;
    }

    /** A result's event; its payload is written only if a listener or the store needs it. */
    void emitResult(CheckResult r) {
        String actorId = "check:" + r.kind();
        if (!staged.isEmpty() || ctx.listeners().stream().anyMatch(RunListener::wantsResultEvents)) {
            emit(EventTypes.CHECK_RESULT, Payloads.checkResult(r), actorId, null, r);
            return;
        }
        Instant at = ctx.clock().instant();
        long seq = ctx.store().appendDeferred(state.runId(), EventTypes.CHECK_RESULT, r.checkId(), () -> Payloads.checkResult(r), actorId, at);
        wrote = true;
        if (seq <= state.lastSequence()) {
            return;
        }
        if (seq == state.lastSequence() + 1) {
            state.applyResult(seq, r);
        } else {
            state.apply(new Event(state.runId(), seq, EventTypes.CHECK_RESULT, Payloads.checkResult(r), actorId, at, null));
        }
    }

    private void commit() {
        if (staged.isEmpty()) {
            before = null;
            return;
        }
        List<Event> stored = ctx.store().appendAll(state.runId(), List.copyOf(staged));
        boolean same = stored.size() == provisional.size();
        for (int i = 0; same && i < stored.size(); i++) {
            same = stored.get(i).sequence() == provisional.get(i).sequence();
        }
        if (!same) {
            // a key recorded before (a redelivery) or another writer on the run: the log wins
            state.restore(before);
            stored.forEach(state::apply);
            log.warn("run {}: the store recorded {} of {} staged events (idempotency key seen before, or another writer); "
                    + "the run follows the log", state.runId(), stored.size(), staged.size());
            clear();
            effects.clear();
            statusDirty = true;
            factsDirty = true;
            throw new RunException("already recorded: this was applied before, nothing is applied twice");
        }
        wrote = true;
        clear();
    }

    /** True (once) if a transition that carried decisions was undone since the last call. */
    boolean takeLostDecisions() {
        boolean lost = lostDecisions;
        lostDecisions = false;
        return lost;
    }

    private void abandon() {
        lostDecisions |= staged.stream().anyMatch(n -> EventTypes.DECISION.equals(n.type()));
        if (before != null) {
            state.restore(before);
        }
        clear();
        effects.clear();
        statusDirty = true;
        factsDirty = true;
    }

    private void clear() {
        staged.clear();
        provisional.clear();
        before = null;
    }

    private void runEffects() {
        while (!effects.isEmpty()) {
            List<Runnable> now = new ArrayList<>(effects);
            effects.clear();
            for (Runnable r : now) {
                try {
                    r.run();
                } catch (RuntimeException ex) {
                    log.warn("run {}: a side effect failed: {}", state.runId(), ex.toString());
                }
            }
        }
    }
}
