package dev.switchman.core.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchman.core.event.Event;
import dev.switchman.core.notify.Notification;
import dev.switchman.core.runbook.Stakeholder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Notifications of a run through the outbox: the NOTIFIED event is part of the transition that
 * decided to tell (its key makes it once-only across restarts), and the outbox entries are written
 * only after that transition is committed. On resume, {@link #heal} re-derives the outbox entries of
 * every NOTIFIED event (the outbox deduplicates), so a crash between the commit and the enqueue loses
 * nothing. Also the stakeholders' routine updates at their cadence. Used on the run's actor only.
 */
final class Stakeholders {

    private final RunEngine run;

    Stakeholders(RunEngine run) {
        this.run = run;
    }

    /**
     * Tells every stakeholder audience (not the team: the channel sees it anyway) about a phase change,
     * the cutover, a rollback or the end of the run. {@code key} makes it once-only across restarts.
     */
    void update(String key, String text) {
        run.runbook().stakeholders().stream().map(Stakeholder::audience).distinct()
                .forEach(audience -> send(key + ":" + audience, audience, text, RunEngine.BOT));
    }

    /** Sends {@code text} to an audience through the outbox; returns the sinks it goes to. */
    List<String> send(String key, String audience, String text, String actorId) {
        List<Stakeholder> targets = targets(audience);
        List<String> sinks = targets.stream().map(Stakeholder::sink).toList();
        Event e = run.runLog().emit(EventTypes.NOTIFIED, Payloads.of("key", key, "audience", audience, "text", text, "sinks", sinks), actorId, null);
        run.runLog().afterCommit(() -> enqueue(key, audience, text, sinks, e.at()));
        return sinks;
    }

    private List<Stakeholder> targets(String audience) {
        List<Stakeholder> targets = new ArrayList<>();
        if ("team".equals(audience)) {
            targets.add(new Stakeholder("team", "chat:" + run.state().channel(), null, null));
        } else {
            run.runbook().stakeholders().stream().filter(x -> x.audience().equals(audience)).forEach(targets::add);
        }
        return targets;
    }

    private void enqueue(String key, String audience, String text, List<String> sinks, Instant at) {
        enqueue(run.context(), run.runId(), run.runbook().title(), key, audience, text, sinks, at);
    }

    private static void enqueue(RunContext ctx, String runId, String title, String key, String audience, String text, List<String> sinks, Instant at) {
        if (ctx.notifications() == null) return;
        for (int i = 0; i < sinks.size(); i++) {
            Notification n = new Notification(runId, audience, RunMessages.notificationSubject(title, audience), text, at);
            ctx.notifications().send(runId, key + "#" + i, new Stakeholder(audience, sinks.get(i), null, null), n, at);
        }
    }

    /**
     * Re-enqueues the notifications of a run's NOTIFIED events (resume, and runs that finished lately);
     * those already in the outbox are not sent again.
     */
    static void heal(RunContext ctx, RunState state, List<Event> events) {
        for (Event e : events) {
            if (!EventTypes.NOTIFIED.equals(e.type())) continue;
            JsonNode p = Payloads.read(e.payload());
            List<String> sinks = new ArrayList<>();
            p.path("sinks").forEach(n -> sinks.add(n.asText()));
            enqueue(ctx, state.runId(), state.title(), Payloads.text(p, "key"), Payloads.text(p, "audience"), Payloads.text(p, "text"), sinks, e.at());
        }
    }

    /** Routine updates at each stakeholder's cadence, while the run lasts. */
    void scheduleCadence() {
        for (Stakeholder st : run.runbook().stakeholders()) {
            if (st.cadence() == null || st.cadence().isZero() || st.cadence().isNegative()) continue;
            String timer = "cadence:" + st.audience() + ":" + dev.switchman.core.notify.OutboxDispatcher.reference(st.sink());
            if (run.timers().has(timer)) continue;
            Instant at = run.context().clock().instant().plus(st.cadence());
            run.timers().schedule(timer, at, () -> {
                if (run.closed() || run.state().status().finished()) return;
                Instant now = run.context().clock().instant();
                Notification n = new Notification(run.runId(), st.audience(), RunMessages.notificationSubject(run.runbook().title(), st.audience()), summary(), now);
                if (run.context().notifications() != null) {
                    run.context().notifications().send(run.runId(), timer + ":" + at, st, n, now);
                }
                scheduleCadence();
            });
        }
    }

    /** One paragraph for stakeholders: where the run stands. */
    String summary() {
        RunState state = run.state();
        String where = state.current().map(ps -> RunMessages.where(ps.rollback(),
                run.runbook().phase(ps.phaseId()).map(p -> p.title() == null ? p.id() : p.title()).orElse(ps.phaseId()),
                run.plan().step(ps).label())).orElse(null);
        return RunMessages.summary(state, run.runbook().title(), where, state.status() == RunStatus.HELD ? state.holdReason() : null);
    }
}
