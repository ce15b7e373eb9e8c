package dev.switchman.rules.fact;

import java.time.Instant;

/** The session's time as a fact, so rules can compare against it (updated on each call, at most once a second on results). */
public final class Now {
    private long ms;

    public Now(long ms) {
        this.ms = ms;
    }

    public long getMs() {
        return ms;
    }

    public void setMs(long ms) {
        this.ms = ms;
    }

    public Instant instant() {
        return Instant.ofEpochMilli(ms);
    }

    @Override
    public String toString() {
        return "Now[" + instant() + "]";
    }
}
