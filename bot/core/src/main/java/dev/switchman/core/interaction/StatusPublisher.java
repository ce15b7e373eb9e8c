package dev.switchman.core.interaction;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchman.core.chat.ChatBackend;
import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.chat.MessageRef;
import dev.switchman.core.event.Event;
import dev.switchman.core.run.EventTypes;
import dev.switchman.core.run.Payloads;
import dev.switchman.core.run.RunEngine;
import dev.switchman.core.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each run's status message current, at the platform's pace. The status is state derived from the
 * log: it is rendered from the run at the moment of each edit, never queued as stale copies. Changes are
 * coalesced: the first edit after a quiet spell goes out at once, the changes that follow within the
 * platform's {@link dev.switchman.core.chat.Capabilities#minEditInterval()} become one edit at the end of the
 * interval (on the injected scheduler, never a sleep), so 500 results in a minute make about 60 edits at
 * most and the last one shows the last result. One edit per message is in flight at a time. A refused edit
 * is retried with back-off ({@link Retry}); after the last attempt it is recorded as {@code MESSAGE_FAILED}
 * and the next change tries again. The message's reference is recorded ({@code STATUS_MESSAGE}), so after a
 * restart the same message is edited.
 */
public final class StatusPublisher {

    private static final Logger log = LoggerFactory.getLogger(StatusPublisher.class);

    private final ChatBackend backend;
    private final Scheduler scheduler;
    private final Executor executor;
    private final ButtonRegistry buttons;
    private final Retry retry;
    private final Map<String, Tracked> tracked = new ConcurrentHashMap<>();

    public StatusPublisher(ChatBackend backend, Scheduler scheduler, Executor executor, ButtonRegistry buttons, Retry retry) {
        this.backend = backend;
        this.scheduler = scheduler;
        this.executor = executor;
        this.buttons = buttons;
        this.retry = retry;
    }

    /** One status message and its pacing; guarded by itself. */
    private static final class Tracked {
        final MessageRef ref;
        long revision;
        Instant lastEdit;
        boolean dirty;
        boolean inFlight;
        Scheduler.Cancellable timer;
        int failures;
        /** The last edit's failure, if it failed: a 429's Retry-After sets the next wait. */
        RuntimeException lastError;

        Tracked(MessageRef ref, long revision, Instant lastEdit) {
            this.ref = ref;
            this.revision = revision;
            this.lastEdit = lastEdit;
        }
    }

    /** The status message's current revision (0 before the first), for buttons drawn on it. */
    public long revision(String runId) {
        Tracked t = tracked.get(runId);
        if (t == null) return 0;
        synchronized (t) {
            return t.revision;
        }
    }

    /** From now on {@code ref} (just sent with the run's status) is the run's status message. On the run's actor. */
    public void track(RunEngine run, MessageRef ref) {
        track(run, ref, null);
    }

    /**
     * As {@link #track(RunEngine, MessageRef)}; when the run has moved on since {@code shown} was drawn (a
     * button pressed on the answer before the bot got to track it), the message is brought up to date.
     */
    public void track(RunEngine run, MessageRef ref, ChatMessage shown) {
        if (!backend.capabilities().messageEdits()) return;
        Tracked old = tracked.get(run.runId());
        if (old != null && old.ref.equals(ref)) return;
        run.emit(EventTypes.STATUS_MESSAGE, Payloads.of("backend", ref.backend(), "channel", ref.channel(), "id", ref.id()), RunEngine.BOT, null);
        Tracked t = new Tracked(ref, old == null ? 1 : revisionOf(old) + 1, scheduler.clock().instant());
        Tracked previous = tracked.put(run.runId(), t);
        if (previous != null) cancel(previous);
        if (shown != null && !run.status().plain().equals(shown.plain())) {
            statusChanged(run);
        }
    }

    /** After a restart: adopts the status message the log names, and brings it up to date. On the run's actor. */
    public void adopt(RunEngine run, List<Event> events) {
        MessageRef ref = null;
        for (Event e : events) {
            if (EventTypes.STATUS_MESSAGE.equals(e.type())) {
                JsonNode p = Payloads.read(e.payload());
                ref = new MessageRef(Payloads.text(p, "backend"), Payloads.text(p, "channel"), Payloads.text(p, "id"));
            }
        }
        if (ref == null || backend == null || !ref.backend().equals(backend.name())) {
            return;
        }
        tracked.put(run.runId(), new Tracked(ref, 1, Instant.MIN));
        statusChanged(run);
    }

    /** The run changed: edit now if the pace allows, else once at the end of the interval. On the run's actor. */
    public void statusChanged(RunEngine run) {
        Tracked t = tracked.get(run.runId());
        if (t == null) return;
        synchronized (t) {
            t.dirty = true;
            maybeStart(run, t);
        }
        if (run.state().status().finished()) {
            // the final state is drawn (or waits for its slot); nothing changes afterwards
            tracked.remove(run.runId(), t);
        }
    }

    private void maybeStart(RunEngine run, Tracked t) {
        if (!t.dirty || t.inFlight || t.timer != null) return;
        Duration wait = backend.capabilities().minEditInterval();
        if (t.failures > 0) {
            Duration b = retry.backoff(t.failures, t.lastError);
            if (b.compareTo(wait) > 0) wait = b;
        }
        Instant now = scheduler.clock().instant();
        Instant due = t.lastEdit == Instant.MIN ? now : t.lastEdit.plus(wait);
        if (now.isBefore(due)) {
            t.timer = scheduler.schedule(due, () -> run.actor().tell(() -> {
                synchronized (t) {
                    t.timer = null;
                    maybeStart(run, t);
                }
            }));
            return;
        }
        t.dirty = false;
        t.inFlight = true;
        t.revision++;
        t.lastEdit = now;
        long revision = t.revision;
        ChatMessage m = buttons.draw(run, run.status(), revision, now);
        executor.execute(() -> edit(run, t, m));
    }

    private void edit(RunEngine run, Tracked t, ChatMessage m) {
        String why = null;
        RuntimeException error = null;
        try {
            backend.update(t.ref, m);
        } catch (RuntimeException e) {
            error = e;
            why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        boolean again;
        synchronized (t) {
            t.inFlight = false;
            t.lastError = error;
            if (why == null) {
                t.failures = 0;
            } else {
                t.failures++;
                if (t.failures >= retry.attempts()) {
                    recordFailed(run, t, why);
                    t.failures = 0;
                } else {
                    t.dirty = true;
                    log.info("status edit of {} failed (attempt {} of {}): {}", t.ref.id(), t.failures, retry.attempts(), why);
                }
            }
            again = t.dirty;
        }
        if (again) {
            run.actor().tell(() -> {
                synchronized (t) {
                    maybeStart(run, t);
                }
            });
        }
    }

    private void recordFailed(RunEngine run, Tracked t, String why) {
        log.warn("status message {} of run {} could not be edited after {} attempts: {}", t.ref.id(), run.runId(), t.failures, why);
        String payload = Payloads.of("kind", "status", "channel", t.ref.channel(), "message", t.ref.id(), "revision", t.revision,
                "title", "status", "attempts", t.failures, "error", why);
        run.actor().tell(() -> run.emit(EventTypes.MESSAGE_FAILED, payload, RunEngine.BOT, null));
    }

    private static long revisionOf(Tracked t) {
        synchronized (t) {
            return t.revision;
        }
    }

    private static void cancel(Tracked t) {
        synchronized (t) {
            if (t.timer != null) t.timer.cancel();
            t.timer = null;
            t.dirty = false;
        }
    }

    /** Stops pacing a run's status (the run is over or the bot closes). */
    public void forget(String runId) {
        Tracked t = tracked.remove(runId);
        if (t != null) cancel(t);
    }
}
