package dev.switchman.core.decision;

/** What the rules say. HOLD also stands for "inconclusive: ask a human". */
public enum DecisionKind {
    GO, NO_GO, HOLD, ROLLBACK, FIX_FORWARD, ADVISE
}
