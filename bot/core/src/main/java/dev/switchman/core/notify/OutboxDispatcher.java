package dev.switchman.core.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchman.core.event.Outbox;
import dev.switchman.core.event.OutboxEntry;
import dev.switchman.core.runbook.Stakeholder;
import dev.switchman.core.secret.Secrets;
import dev.switchman.core.time.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Collection;
import java.util.Set;
import java.util.function.Supplier;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers outbox entries through the {@link Notifier} for their sink kind (the prefix of the sink:
 * {@code chat}, {@code email}, {@code webhook}, {@code statuspage}). A failed delivery stays in the
 * outbox and is retried after a back-off (1 min, doubling, at most 30 min) on the scheduler; on start-up
 * {@link #redeliverPending()} sends whatever a crash left behind.
 *
 * <p>The outbox never holds a sink's credentials: an entry keeps the sink's {@link #reference reference}
 * (the sink {@link Secrets#redact redacted}: {@code webhook:https://hook:***@host/x}), and delivery
 * resolves it to the real sink from the configuration ({@link #configuredSinks}: the stakeholders of
 * the runbooks the bot has) at send time. An entry whose sink is no longer configured is marked failed
 * with that reason and kept, not retried (a restart with the sink configured again delivers it).
 */
public final class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Outbox outbox;
    private final Map<String, Notifier> bySink = new HashMap<>();
    private final Scheduler scheduler;
    private final Executor executor;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final Set<String> ignored = ConcurrentHashMap.newKeySet();
    /** Sinks handed to {@link #send} since start-up, by reference (the configuration may have changed since). */
    private final Map<String, String> sent = new ConcurrentHashMap<>();
    private volatile Supplier<? extends Collection<String>> configured = List::of;

    public OutboxDispatcher(Outbox outbox, List<Notifier> notifiers, Scheduler scheduler, Executor executor) {
        this.outbox = outbox;
        this.scheduler = scheduler;
        this.executor = executor;
        for (Notifier n : notifiers) {
            bySink.putIfAbsent(n.sinkKind(), n);
        }
    }

    /** Leaves outbox entries of these sink kinds to their own sender (the bot's team messages: {@code team}). */
    public OutboxDispatcher ignoring(String... sinkKinds) {
        ignored.addAll(java.util.Arrays.asList(sinkKinds));
        return this;
    }

    /**
     * Where delivery finds the real sinks behind the references the outbox keeps (re-read at every
     * delivery, so a reloaded runbook's sinks are found): the bot gives its runbooks' stakeholder sinks.
     */
    public OutboxDispatcher configuredSinks(Supplier<? extends Collection<String>> sinks) {
        this.configured = sinks;
        return this;
    }

    /**
     * What the outbox keeps for a sink: the sink with every credential masked ({@link Secrets#redact}),
     * so {@code webhook:https://hook:pw@host/x} is kept as {@code webhook:https://hook:***@host/x}; a sink
     * without credentials is its own reference.
     */
    public static String reference(String sink) {
        return Secrets.redact(sink);
    }

    /**
     * The real sink behind a {@link #reference}: itself when it carries no credentials, else the one
     * configured (or sent to since start-up) sink with that reference; empty when there is none, or
     * when two configured sinks differ only in their credentials.
     */
    public java.util.Optional<String> resolve(String reference) {
        String known = sent.get(reference);
        if (known != null) {
            return java.util.Optional.of(known);
        }
        List<String> matches = configured.get().stream().filter(x -> x != null && reference(x).equals(reference)).distinct().toList();
        if (matches.size() == 1) {
            return java.util.Optional.of(matches.get(0));
        }
        return matches.isEmpty() && reference(reference).equals(reference) && !reference.contains(Secrets.MASK)
                ? java.util.Optional.of(reference) : java.util.Optional.empty();
    }

    public boolean supports(String sink) {
        return bySink.containsKey(kindOf(sink));
    }

    public Set<String> sinkKinds() {
        return bySink.keySet();
    }

    static String kindOf(String sink) {
        int i = sink.indexOf(':');
        return i < 0 ? sink : sink.substring(0, i);
    }

    /** Payload of an outbox entry for a notification. */
    public static String payload(Stakeholder s, Notification n) {
        ObjectNode o = JSON.createObjectNode();
        o.put("audience", s.audience());
        o.put("sink", s.sink());
        o.put("runId", n.runId());
        o.put("subject", n.subject());
        o.put("body", n.body());
        o.put("at", n.at().toString());
        return o.toString();
    }

    /**
     * Enqueues and delivers asynchronously. The entry keeps the sink's {@link #reference} and the
     * payload and dedupe key redacted; {@code s.sink()} may be the real sink or already a reference
     * (a notification re-derived from the event log).
     */
    public OutboxEntry send(String runId, String dedupeKey, Stakeholder s, Notification n, Instant at) {
        String ref = reference(s.sink());
        if (!ref.equals(s.sink())) {
            sent.put(ref, s.sink());
        }
        OutboxEntry e = outbox.enqueue(runId, Secrets.redact(dedupeKey), ref, Secrets.redact(payload(s, n)), at);
        if (!e.delivered()) {
            dispatch(e, 0);
        }
        return e;
    }

    /** Delivers everything still pending (start-up). */
    public int redeliverPending() {
        List<OutboxEntry> pending = outbox.pending().stream().filter(e -> !ignored.contains(kindOf(e.sink()))).toList();
        pending.forEach(e -> dispatch(e, e.attempts()));
        return pending.size();
    }

    private void dispatch(OutboxEntry e, int attempt) {
        if (!inFlight.add(e.id())) {
            return;
        }
        executor.execute(() -> deliver(e, attempt));
    }

    private void deliver(OutboxEntry e, int attempt) {
        Clock clock = scheduler.clock();
        Notifier n = bySink.get(kindOf(e.sink()));
        if (n == null) {
            // configuration, not a transient failure: kept in the outbox (a restart with the notifier delivers it), not retried
            String why = "no notifier for sink kind '" + kindOf(e.sink()) + "' (this bot has " + new java.util.TreeSet<>(bySink.keySet()) + ")";
            log.warn("outbox entry {} for run {} not delivered: {}", e.id(), e.runId(), why);
            outbox.markFailed(e.id(), why);
            inFlight.remove(e.id());
            return;
        }
        String sink = resolve(e.sink()).orElse(null);
        if (sink == null) {
            String why = "sink " + e.sink() + " is not in the configuration any more (or two configured sinks differ only in "
                    + "their credentials): configure it in a runbook's stakeholders and restart to deliver";
            log.warn("outbox entry {} for run {} not delivered: {}", e.id(), e.runId(), why);
            outbox.markFailed(e.id(), why);
            inFlight.remove(e.id());
            return;
        }
        try {
            JsonNode p = JSON.readTree(e.payload());
            Stakeholder s = new Stakeholder(p.path("audience").asText(), sink, null, null);
            Notification note = new Notification(e.runId(), p.path("audience").asText(), p.path("subject").asText(),
                    p.path("body").asText(), Instant.parse(p.path("at").asText()));
            n.deliver(s, note);
            outbox.markDelivered(e.id(), clock.instant());
            inFlight.remove(e.id());
        } catch (Exception ex) {
            String why = ex.getClass().getSimpleName() + ": " + Secrets.message(ex);
            log.warn("delivery of outbox entry {} to {} failed (attempt {}): {}", e.id(), kindOf(e.sink()), attempt + 1, why);
            outbox.markFailed(e.id(), why);
            inFlight.remove(e.id());
            long minutes = Math.min(30, 1L << Math.min(attempt, 5));
            scheduler.schedule(clock.instant().plus(Duration.ofMinutes(minutes)), () -> dispatch(e, attempt + 1));
        }
    }
}
