package dev.switchman.core.run;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Instants as people read them in chat: {@code 2026-11-22 10:05:00Z}. */
public final class TimeText {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private TimeText() {
    }

    public static String of(Instant t) {
        return t == null ? "—" : FORMAT.format(t);
    }
}
