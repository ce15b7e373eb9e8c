package dev.switchman.rules.fact;

/**
 * A DNS TTL seen to drop from {@code fromTtl} to {@code toTtl} seconds at {@code atMs}: resolvers may
 * keep the old record for {@code fromTtl} seconds, so the lowering has propagated at {@link #getSafeAtMs()}.
 */
public final class TtlLowering {
    private final String checkId;
    private final long fromTtl;
    private final long toTtl;
    private final long atMs;

    public TtlLowering(String checkId, long fromTtl, long toTtl, long atMs) {
        this.checkId = checkId;
        this.fromTtl = fromTtl;
        this.toTtl = toTtl;
        this.atMs = atMs;
    }

    public String getCheckId() {
        return checkId;
    }

    public long getFromTtl() {
        return fromTtl;
    }

    public long getToTtl() {
        return toTtl;
    }

    public long getAtMs() {
        return atMs;
    }

    public long getSafeAtMs() {
        return atMs + fromTtl * 1000L;
    }

    @Override
    public String toString() {
        return "TtlLowering[" + checkId + " " + fromTtl + "->" + toTtl + " @" + atMs + "]";
    }
}
