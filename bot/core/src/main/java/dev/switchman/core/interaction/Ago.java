package dev.switchman.core.interaction;

import java.time.Duration;

/** "4 minutes ago", "just now": how long ago something happened, as people say it. */
final class Ago {

    private Ago() {
    }

    static String of(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 5) return "just now";
        if (s < 60) return s + " seconds ago";
        if (s < 3600) return plural(s / 60, "minute") + " ago";
        if (s < 172_800) return plural(s / 3600, "hour") + " ago";
        return plural(s / 86_400, "day") + " ago";
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
