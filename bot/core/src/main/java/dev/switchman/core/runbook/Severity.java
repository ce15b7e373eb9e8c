package dev.switchman.core.runbook;

import java.util.Locale;
import java.util.Optional;

/**
 * How much a failing check weighs after cutover (runbook key {@code severity:} per check). CRITICAL: a
 * rollback is recommended at once (the rollback authority still confirms); MAJOR: the run holds and asks
 * the rollback authority, escalating if it persists; MINOR: advice only. A check without {@code severity:}
 * gets its kind's default, chosen by the decision engine (docs/rules.md, "Severity").
 */
public enum Severity {
    CRITICAL, MAJOR, MINOR;

    /** The name as written in a runbook: critical, major, minor. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses critical, major or minor (case-insensitive); empty for anything else. */
    public static Optional<Severity> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        for (Severity v : values()) {
            if (v.word().equals(s.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
