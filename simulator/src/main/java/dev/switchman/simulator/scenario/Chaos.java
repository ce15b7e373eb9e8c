package dev.switchman.simulator.scenario;

/**
 * A perturbation: {@code STALE} drops the check's results (the engine sees nothing new: staleness);
 * {@code DELAY} delivers results {@code amount} late; {@code FLIP} turns PASS into FAIL and FAIL into
 * PASS; {@code CURVE} ramps observation {@code observation} linearly from {@code from} to {@code to}
 * over {@code over}, failing above {@code failAbove}; {@code RESOLVER_OLD} makes a DNS check's resolver
 * answer the old address; {@code KILL_BOT} kills the bot (it must resume from its log).
 */
public record Chaos(Kind kind, java.time.Duration amount, String observation, double from, double to, java.time.Duration over, double failAbove) {

    public enum Kind {
        STALE("stale"), DELAY("delay"), FLIP("flip"), CURVE("curve"), RESOLVER_OLD("resolver-old"), KILL_BOT("kill-bot");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    public static Chaos simple(Kind kind) {
        return new Chaos(kind, null, null, 0, 0, null, Double.NaN);
    }
}
