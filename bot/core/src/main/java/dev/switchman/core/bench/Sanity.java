package dev.switchman.core.bench;

/**
 * Whether a benchmark's peer behaved like itself: a comparison with a peer that no longer agrees with
 * the reference (answers nothing, asks the wrong server, lost queries) is not a win but a failed
 * benchmark. {@code evidence} says what was checked, in a sentence ("pyspf agrees with the suite on
 * 408 of 410 cases, at least 408 expected"); it is the failure's reason when {@code sane} is false.
 */
public record Sanity(boolean sane, String evidence) {

    public Sanity {
        if (evidence == null || evidence.isBlank()) {
            throw new IllegalArgumentException("a sanity verdict needs its evidence");
        }
    }

    public static Sanity ok(String evidence) {
        return new Sanity(true, evidence);
    }

    public static Sanity broken(String reason) {
        return new Sanity(false, reason);
    }

    /** Sane when both are; the first broken one's reason otherwise. */
    public Sanity and(Sanity other) {
        if (!sane) {
            return this;
        }
        return other.sane ? ok(evidence + "; " + other.evidence) : other;
    }
}
