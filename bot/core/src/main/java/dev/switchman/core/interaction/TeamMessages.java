package dev.switchman.core.interaction;

import dev.switchman.core.chat.ChatBackend;
import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.event.Event;
import dev.switchman.core.event.EventStore;
import dev.switchman.core.event.Outbox;
import dev.switchman.core.event.OutboxEntry;
import dev.switchman.core.run.EventTypes;
import dev.switchman.core.run.Payloads;
import dev.switchman.core.run.RunEngine;
import dev.switchman.core.run.RunManager;
import dev.switchman.core.time.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every message a run posts to its team goes through the outbox: enqueued (sink {@code team:<channel>},
 * the message as JSON) on the run's actor, then sent in order per channel on the delivery executor. A send
 * the platform refuses is retried after a back-off on the injected scheduler (later messages to that
 * channel wait, so the channel reads in order); one that fails every attempt is recorded in the run's log
 * as {@code MESSAGE_FAILED} (shown by {@code timeline}) and the channel moves on. Nothing is dropped
 * silently; after a restart {@link #redeliverPending} sends what was not delivered and not given up on.
 */
public final class TeamMessages {

    private static final Logger log = LoggerFactory.getLogger(TeamMessages.class);

    /** The sink kind of team messages in the outbox. */
    public static final String SINK_KIND = "team";

    private final Outbox outbox;
    private final EventStore store;
    private final ChatBackend backend;
    private final Scheduler scheduler;
    private final Executor executor;
    private final Retry retry;
    private final Map<String, ChannelQueue> channels = new ConcurrentHashMap<>();
    /** Per run: the sequence of the last post and how many posts were made at it (dedupe keys). */
    private final Map<String, long[]> counters = new ConcurrentHashMap<>();

    public TeamMessages(Outbox outbox, EventStore store, ChatBackend backend, Scheduler scheduler, Executor executor, Retry retry) {
        this.outbox = outbox;
        this.store = store;
        this.backend = backend;
        this.scheduler = scheduler;
        this.executor = executor;
        this.retry = retry;
    }

    private static final class Delivery {
        final OutboxEntry entry;
        final RunEngine run;
        final ChatMessage message;
        int failures;

        Delivery(OutboxEntry entry, RunEngine run, ChatMessage message, int failures) {
            this.entry = entry;
            this.run = run;
            this.message = message;
            this.failures = failures;
        }
    }

    private static final class ChannelQueue {
        final String channel;
        final Deque<Delivery> queue = new ArrayDeque<>();
        boolean busy;

        ChannelQueue(String channel) {
            this.channel = channel;
        }
    }

    /** Enqueues {@code m} for the run's channel and starts its delivery. On the run's actor. */
    public void post(RunEngine run, ChatMessage m) {
        String channel = run.state().channel();
        long seq = run.state().lastSequence();
        long[] c = counters.computeIfAbsent(run.runId(), k -> new long[] {-1, 0});
        if (c[0] != seq) {
            c[0] = seq;
            c[1] = 0;
        }
        String key = "team:" + seq + ":" + (c[1]++);
        String sink = SINK_KIND + ":" + (channel == null ? "" : channel);
        OutboxEntry e;
        try {
            e = outbox.enqueue(run.runId(), key, sink, ChatMessageJson.write(m), scheduler.clock().instant());
        } catch (RuntimeException ex) {
            // the store is down (a message saying so, typically): sent unrecorded rather than not at all
            log.warn("outbox unavailable ({}); sending \"{}\" to {} without a record", ex.toString(), m.title(), channel);
            e = new OutboxEntry(-1, run.runId(), key, sink, "", scheduler.clock().instant(), null, 0, null);
        }
        if (!e.delivered()) {
            submit(new Delivery(e, run, m, 0));
        }
    }

    /** Sends team messages a crash left undelivered, except those already recorded as failed for good; returns how many. */
    public int redeliverPending(RunManager runs) {
        int n = 0;
        Map<String, Set<Long>> givenUp = new ConcurrentHashMap<>();
        for (OutboxEntry e : outbox.pending()) {
            if (!e.sink().startsWith(SINK_KIND + ":")) continue;
            Set<Long> failed = givenUp.computeIfAbsent(e.runId(), this::failedEntries);
            if (failed.contains(e.id())) continue;
            ChatMessage m;
            try {
                m = ChatMessageJson.read(e.payload());
            } catch (IllegalArgumentException ex) {
                log.warn("outbox entry {} of run {} is not a chat message: {}", e.id(), e.runId(), ex.getMessage());
                continue;
            }
            submit(new Delivery(e, runs.run(e.runId()).orElse(null), m, Math.min(e.attempts(), retry.attempts() - 1)));
            n++;
        }
        return n;
    }

    private Set<Long> failedEntries(String runId) {
        Set<Long> out = new HashSet<>();
        for (Event ev : store.read(runId)) {
            if (EventTypes.MESSAGE_FAILED.equals(ev.type())) {
                long id = Payloads.read(ev.payload()).path("outbox").asLong(-1);
                if (id >= 0) out.add(id);
            }
        }
        return out;
    }

    private void submit(Delivery d) {
        String channel = d.entry.sink().substring(SINK_KIND.length() + 1);
        ChannelQueue q = channels.computeIfAbsent(channel, ChannelQueue::new);
        synchronized (q) {
            q.queue.add(d);
            if (q.busy) return;
            q.busy = true;
        }
        executor.execute(() -> pump(q));
    }

    /** Delivers the channel's queue in order; on a refusal schedules a retry and keeps the channel busy. */
    private void pump(ChannelQueue q) {
        Clock clock = scheduler.clock();
        while (true) {
            Delivery d;
            synchronized (q) {
                d = q.queue.peek();
                if (d == null) {
                    q.busy = false;
                    return;
                }
            }
            try {
                backend.send(q.channel.isEmpty() ? null : q.channel, d.message);
                long id = d.entry.id();
                record(() -> outbox.markDelivered(id, clock.instant()), id);
                synchronized (q) {
                    q.queue.poll();
                }
            } catch (RuntimeException ex) {
                d.failures++;
                String why = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
                long id = d.entry.id();
                record(() -> outbox.markFailed(id, why), id);
                if (d.failures >= retry.attempts()) {
                    synchronized (q) {
                        q.queue.poll();
                    }
                    recordFailed(d, why);
                    continue;
                }
                Duration wait = retry.backoff(d.failures, ex);
                log.info("send to {} failed (attempt {} of {}), retrying in {}: {}", q.channel, d.failures, retry.attempts(), wait, why);
                scheduler.schedule(clock.instant().plus(wait), () -> executor.execute(() -> pump(q)));
                return;
            }
        }
    }

    /** Notes a delivery outcome in the outbox; a store that is down does not turn a delivered message into a failed one. */
    private static void record(Runnable mark, long id) {
        if (id < 0) return;
        try {
            mark.run();
        } catch (RuntimeException e) {
            log.warn("outbox entry {}: the outcome could not be recorded: {}", id, e.toString());
        }
    }

    private void recordFailed(Delivery d, String why) {
        String channel = d.entry.sink().substring(SINK_KIND.length() + 1);
        log.warn("message \"{}\" to {} of run {} failed for good after {} attempts: {}", d.message.title(), channel, d.entry.runId(),
                d.failures, why);
        String payload = Payloads.of("outbox", d.entry.id(), "kind", "message", "channel", channel, "title",
                d.message.title().isEmpty() ? firstLine(d.message.text()) : d.message.title(), "attempts", d.failures, "error", why);
        String key = "message-failed:" + d.entry.id();
        if (d.run != null) {
            d.run.actor().tell(() -> d.run.emit(EventTypes.MESSAGE_FAILED, payload, RunEngine.BOT, key));
        } else {
            store.append(d.entry.runId(), EventTypes.MESSAGE_FAILED, payload, RunEngine.BOT, scheduler.clock().instant(), key);
        }
    }

    static String firstLine(String text) {
        List<String> lines = text.lines().toList();
        String l = lines.isEmpty() ? "" : lines.get(0);
        return l.length() > 80 ? l.substring(0, 79) + "…" : l;
    }

    /** Forgets a finished run's dedupe counter. */
    public void forget(String runId) {
        counters.remove(runId);
    }
}
