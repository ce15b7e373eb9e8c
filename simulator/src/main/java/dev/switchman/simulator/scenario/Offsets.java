package dev.switchman.simulator.scenario;

import dev.switchman.core.time.Durations;
import java.time.Duration;

/** Offsets from a scenario's start as written in timelines: {@code +2h5m} (the plus is optional). */
public final class Offsets {

    private Offsets() {
    }

    public static Duration parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("expected an offset such as +2h5m, got nothing");
        }
        String s = text.trim();
        if (s.startsWith("+")) {
            s = s.substring(1);
        }
        try {
            return Durations.parse(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected an offset such as +2h5m or +90s, got '" + text + "'");
        }
    }

    public static String format(Duration d) {
        return "+" + Durations.format(d);
    }
}
