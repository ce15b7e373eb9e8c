package dev.switchman.rules.fact;

import dev.switchman.core.decision.DecisionKind;
import dev.switchman.core.decision.Evidence;
import java.util.List;
import java.util.Objects;

/**
 * What a rule concluded, inserted logically ({@code insertLogical}) so it lives exactly as long as
 * the rule's conditions hold. The session turns each newly inserted finding with an {@code announce}
 * kind into a {@link dev.switchman.core.decision.Decision}; an equal finding re-asserted while the
 * first still holds is not new, so the same rule on the same state fires once. Identity is
 * (ruleId, subject, announce, blocksGate, signature); reason and evidence are payload.
 * {@code blocksGate}: a gate that covers {@code subject} (a check id) lists it as a blocker.
 */
public final class Finding {
    private final String ruleId;
    private final String subject;
    private final DecisionKind announce;
    private final boolean blocksGate;
    private final String signature;
    private final String reason;
    private final List<Evidence> evidence;

    public Finding(String ruleId, String subject, DecisionKind announce, boolean blocksGate, String signature,
                   String reason, List<Evidence> evidence) {
        this.ruleId = Objects.requireNonNull(ruleId);
        this.subject = subject == null ? "" : subject;
        this.announce = announce;
        this.blocksGate = blocksGate;
        this.signature = signature == null ? "" : signature;
        this.reason = reason == null ? "" : reason;
        this.evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** Announced as a decision of {@code kind} when it first holds. */
    public static Finding announce(DecisionKind kind, String ruleId, String subject, String reason, Evidence... evidence) {
        return new Finding(ruleId, subject, kind, false, "", reason, List.of(evidence));
    }

    /** Announced like {@link #announce}, and listed as a blocker by any gate covering {@code subject}. */
    public static Finding blocker(DecisionKind kind, String ruleId, String subject, String reason, Evidence... evidence) {
        return new Finding(ruleId, subject, kind, true, "", reason, List.of(evidence));
    }

    /** The same finding with a signature: a changed signature is a changed state and is announced again. */
    public Finding signed(String sig) {
        return new Finding(ruleId, subject, announce, blocksGate, sig, reason, evidence);
    }

    public String getRuleId() {
        return ruleId;
    }

    public String getSubject() {
        return subject;
    }

    public DecisionKind getAnnounce() {
        return announce;
    }

    public boolean isBlocksGate() {
        return blocksGate;
    }

    public String getSignature() {
        return signature;
    }

    public String getReason() {
        return reason;
    }

    public List<Evidence> getEvidence() {
        return evidence;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Finding f && f.ruleId.equals(ruleId) && f.subject.equals(subject)
                && f.announce == announce && f.blocksGate == blocksGate && f.signature.equals(signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ruleId, subject, announce, blocksGate, signature);
    }

    @Override
    public String toString() {
        return "Finding[" + ruleId + " " + subject + " " + announce + (blocksGate ? " blocks" : "") + " " + signature + "]";
    }
}
