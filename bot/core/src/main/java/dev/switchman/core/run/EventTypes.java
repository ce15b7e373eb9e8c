package dev.switchman.core.run;

/**
 * The types of run events. Every state change of a run is one of these, appended before it is acted
 * on; {@link RunState} is a fold over them and nothing else.
 */
public final class EventTypes {
    public static final String COMMAND = "COMMAND";
    public static final String REFUSED = "REFUSED";
    public static final String RUN_STARTED = "RUN_STARTED";
    public static final String STEP_STARTED = "STEP_STARTED";
    public static final String STEP_COMPLETED = "STEP_COMPLETED";
    public static final String APPROVED = "APPROVED";
    public static final String CHECK_RESULT = "CHECK_RESULT";
    public static final String DECISION = "DECISION";
    public static final String HELD = "HELD";
    public static final String RESUMED = "RESUMED";
    public static final String PHASE_COMPLETED = "PHASE_COMPLETED";
    public static final String CUTOVER = "CUTOVER";
    public static final String NOTIFIED = "NOTIFIED";
    public static final String ROLLBACK_STARTED = "ROLLBACK_STARTED";
    /** The rollback authority completed a blocked verify step or gate: reason and the blockers of the moment. */
    public static final String OVERRIDDEN = "OVERRIDDEN";
    /** Every phase is done; the run watches until the rollback window closes ({@code until}). */
    public static final String WATCHING = "WATCHING";
    public static final String RUN_COMPLETED = "RUN_COMPLETED";
    public static final String RUN_ROLLED_BACK = "RUN_ROLLED_BACK";
    public static final String RUN_ABORTED = "RUN_ABORTED";

    /** Buttons drawn on a message: action ids with the step and status revision they were drawn for. */
    public static final String BUTTONS = "BUTTONS";
    /** The run's status message (backend, channel, id), edited in place from then on, also after a restart. */
    public static final String STATUS_MESSAGE = "STATUS_MESSAGE";
    /** A team message or status edit that failed for good after its retries: what, where, why. */
    public static final String MESSAGE_FAILED = "MESSAGE_FAILED";

    /** Chat bookkeeping: recorded for the audit trail and restarts, no change to the run's progress. */
    public static boolean chatBookkeeping(String type) {
        return BUTTONS.equals(type) || STATUS_MESSAGE.equals(type) || MESSAGE_FAILED.equals(type);
    }

    private EventTypes() {
    }
}
