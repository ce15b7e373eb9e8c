package dev.switchman.core.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchman.core.event.Outbox;
import dev.switchman.core.event.OutboxEntry;
import dev.switchman.core.runbook.Stakeholder;
import dev.switchman.core.time.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers outbox entries through the {@link Notifier} for their sink kind (the prefix of the sink:
 * {@code chat}, {@code email}, {@code webhook}, {@code statuspage}). A failed delivery stays in the
 * outbox and is retried after a back-off (1 min, doubling, at most 30 min) on the scheduler; on start-up
 * {@link #redeliverPending()} sends whatever a crash left behind.
 */
public final class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Outbox outbox;
    private final Map<String, Notifier> bySink = new HashMap<>();
    private final Scheduler scheduler;
    private final Executor executor;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();

    public OutboxDispatcher(Outbox outbox, List<Notifier> notifiers, Scheduler scheduler, Executor executor) {
        this.outbox = outbox;
        this.scheduler = scheduler;
        this.executor = executor;
        for (Notifier n : notifiers) {
            bySink.putIfAbsent(n.sinkKind(), n);
        }
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

    /** Enqueues and delivers asynchronously. */
    public OutboxEntry send(String runId, String dedupeKey, Stakeholder s, Notification n, Instant at) {
        // the payload is what the table shows; a sink's credentials stay only in the sink column delivery reads
        OutboxEntry e = outbox.enqueue(runId, dedupeKey, s.sink(), dev.switchman.core.secret.Secrets.redact(payload(s, n)), at);
        if (!e.delivered()) {
            dispatch(e, 0);
        }
        return e;
    }

    /** Delivers everything still pending (start-up). */
    public int redeliverPending() {
        List<OutboxEntry> pending = outbox.pending();
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
        try {
            JsonNode p = JSON.readTree(e.payload());
            Stakeholder s = new Stakeholder(p.path("audience").asText(), e.sink(), null, null);
            Notification note = new Notification(e.runId(), p.path("audience").asText(), p.path("subject").asText(),
                    p.path("body").asText(), Instant.parse(p.path("at").asText()));
            n.deliver(s, note);
            outbox.markDelivered(e.id(), clock.instant());
            inFlight.remove(e.id());
        } catch (Exception ex) {
            String why = ex.getClass().getSimpleName() + ": " + dev.switchman.core.secret.Secrets.message(ex);
            log.warn("delivery of outbox entry {} to {} failed (attempt {}): {}", e.id(), kindOf(e.sink()), attempt + 1, why);
            outbox.markFailed(e.id(), why);
            inFlight.remove(e.id());
            long minutes = Math.min(30, 1L << Math.min(attempt, 5));
            scheduler.schedule(clock.instant().plus(Duration.ofMinutes(minutes)), () -> dispatch(e, attempt + 1));
        }
    }
}
