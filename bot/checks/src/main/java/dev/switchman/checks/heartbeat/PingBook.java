package dev.switchman.checks.heartbeat;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pings received per heartbeat check id, in memory: the latest success, start and failure signal
 * (healthchecks.io's {@code /ping/<id>}, {@code /start}, {@code /fail}). A restart forgets them: every
 * heartbeat then counts from {@link #since()}, so a job that stopped pinging is reported missed one
 * period and grace after the restart, never passed in the meantime.
 */
public final class PingBook {

    /** More ids than any runbook declares; beyond it new ids are refused (a flood cannot grow memory). */
    public static final int MAX_IDS = 10_000;

    /** What one check id has received. Instants are null until the first signal of that type. */
    public record Pings(Instant lastSuccess, Instant lastStart, Instant lastFailure) {

        /** The latest signal of any type. */
        public Instant latest() {
            Instant l = lastSuccess;
            for (Instant i : new Instant[] {lastStart, lastFailure}) {
                if (i != null && (l == null || i.isAfter(l))) {
                    l = i;
                }
            }
            return l;
        }
    }

    /** The signal a ping carries. */
    public enum Signal { SUCCESS, START, FAIL }

    private final Clock clock;
    private final Instant since;
    private final Map<String, Pings> pings = new ConcurrentHashMap<>();

    public PingBook(Clock clock) {
        this.clock = clock;
        this.since = clock.instant();
    }

    /** When this book started listening (the process start): heartbeats with no ping count from here. */
    public Instant since() {
        return since;
    }

    /** Records a signal for {@code checkId} now; false when the book is full and the id is new. */
    public boolean record(String checkId, Signal signal) {
        if (!pings.containsKey(checkId) && pings.size() >= MAX_IDS) {
            return false;
        }
        Instant now = clock.instant();
        pings.merge(checkId, of(signal, now), (old, x) -> new Pings(
                signal == Signal.SUCCESS ? now : old.lastSuccess(),
                signal == Signal.START ? now : old.lastStart(),
                signal == Signal.FAIL ? now : old.lastFailure()));
        return true;
    }

    private static Pings of(Signal s, Instant at) {
        return new Pings(s == Signal.SUCCESS ? at : null, s == Signal.START ? at : null, s == Signal.FAIL ? at : null);
    }

    /** What {@code checkId} has received, if anything. */
    public Optional<Pings> get(String checkId) {
        return Optional.ofNullable(pings.get(checkId));
    }
}
