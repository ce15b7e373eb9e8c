package dev.switchman.core.run;

import dev.switchman.core.check.CheckResult;
import dev.switchman.core.decision.Decision;
import dev.switchman.core.decision.DecisionSession;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The run's side of the rules: feeds the {@link DecisionSession} results, run facts and the monitored
 * checks; records every decision it gets back (DECISION events) and acts on it: HOLD pauses the run,
 * ROLLBACK is recommended to the rollback authority (never ordered by the bot), FIX_FORWARD and
 * ADVISE are said once each. Used on the run's actor only.
 */
final class DecisionHandler {

    private final RunEngine run;
    private DecisionSession session;
    private final Set<String> advised = new HashSet<>();

    DecisionHandler(RunEngine run, DecisionSession session) {
        this.run = run;
        this.session = session;
    }

    DecisionSession session() {
        return session;
    }

    void onResult(CheckResult r) {
        handle(session.onResult(r));
    }

    /** Feeds a result the log already holds (resume): decisions it causes are not acted on. */
    void replay(CheckResult r) {
        session.onResult(r);
    }

    void tick() {
        handle(session.tick());
    }

    void onMonitoring(Set<String> checks) {
        handle(session.onMonitoring(checks));
    }

    /** Tells the rules the run's state if it changed since they last heard. */
    void syncFacts() {
        int guard = 0;
        RunLog runLog = run.runLog();
        while (runLog.factsDirty && !run.closed() && guard++ < 10) {
            runLog.factsDirty = false;
            handle(session.onRunFacts(run.state().facts()));
            run.monitor().sync();
        }
        if (!run.monitor().synced()) {
            run.monitor().sync();
        }
    }

    void replayFacts() {
        session.onRunFacts(run.state().facts());
    }

    List<Decision> evaluateGate(String phaseId, List<String> checks) {
        syncFacts();
        return session.evaluateGate(phaseId, checks);
    }

    void record(Decision d, String gateStep) {
        run.runLog().emit(EventTypes.DECISION, Payloads.of("decision", d, "gate", gateStep), "rules:" + d.ruleId(), null);
        for (RunListener l : run.context().listeners()) {
            run.runLog().afterCommit(() -> l.onDecision(run.state(), d));
        }
    }

    void handle(List<Decision> decisions) {
        RunState state = run.state();
        for (Decision d : decisions) {
            if (state.status().finished()) return;
            record(d, null);
            switch (d.kind()) {
                case ROLLBACK -> recommendRollback(d);
                case HOLD -> {
                    if (state.status() == RunStatus.ACTIVE && !state.rollingBack()) {
                        run.runLog().emit(EventTypes.HELD, Payloads.of("reason", d.reason(), "rule", d.ruleId()), "rules:" + d.ruleId(), null);
                        run.channel().say(RunMessages.hold(d, run.plan().authority()));
                    }
                }
                case FIX_FORWARD, ADVISE -> {
                    if (advised.add(d.kind() + "|" + d.ruleId() + "|" + d.reason())) {
                        run.channel().say(RunMessages.advice(d));
                    }
                }
                default -> { }
            }
        }
    }

    private void recommendRollback(Decision d) {
        RunState state = run.state();
        if (state.rollingBack() || state.status().finished()) return;
        if (!advised.add("ROLLBACK|" + d.ruleId() + "|" + d.reason())) return; // said once; the log has every decision
        if (run.window().pastPointOfNoReturn()) {
            run.channel().say(RunMessages.rollbackRecommendedTooLate(d, state.cutoverAt(), run.window().pointOfNoReturn()));
            return;
        }
        run.channel().say(RunMessages.rollbackRecommended(d, state.cutoverAt(), run.plan().authority()));
    }

    /**
     * A new session fed what the log holds (as after a restart): used when decisions were lost with a
     * transition that could not be recorded, so the rules decide them again.
     */
    void reopen() {
        close();
        session = run.context().decisionEngine().open(run.runbook(), run.context().clock());
        for (CheckResult r : run.state().latestResults().values()) {
            session.onResult(r);
        }
        session.onRunFacts(run.state().facts());
        run.monitor().resync();
    }

    void close() {
        try {
            session.close();
        } catch (RuntimeException e) {
            RunEngine.log.debug("closing decision session: {}", e.toString());
        }
    }
}
