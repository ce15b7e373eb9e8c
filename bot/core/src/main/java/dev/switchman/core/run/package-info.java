/**
 * Runs: the engine that walks a runbook's phases and steps, and the state it keeps.
 * <p>{@link dev.switchman.core.run.RunManager} holds the runs of a bot (one active run per channel,
 * rebuilt from the event store at start-up). {@link dev.switchman.core.run.RunEngine} is one run: the
 * walk over phases and steps; its parts are package-private classes with one job each:
 * <ul>
 *   <li>{@code StepHandler}, one per step kind ({@code ManualStepHandler}, {@code VerifyStepHandler},
 *       {@code WaitStepHandler}, {@code GateStepHandler}, {@code ApprovalStepHandler},
 *       {@code NotifyStepHandler}): arming, reacting to results, {@code done}/override rules, status lines;</li>
 *   <li>{@code CheckMonitor} (which checks run when; the monitored set the rules judge staleness on),
 *       {@code DecisionHandler} (the rules' session; HOLD, ROLLBACK advice), {@code RollbackWindow}
 *       (watching, point of no return), {@code Stakeholders} (notifications through the outbox, cadence),
 *       {@code RunCommands} (what {@code done}, {@code approve}, {@code go}, {@code rollback} ... do);</li>
 *   <li>{@code RunLog} (each turn is one transition: one atomic {@code EventStore.appendAll}, side
 *       effects after the commit), {@code RunRecovery} (store failures said and retried, failing runs
 *       quarantined), {@code TeamChannel} (the one seam for team messages and the status message),
 *       {@code RunMessages} (every sentence a run says).</li>
 * </ul>
 * {@link dev.switchman.core.run.RunState} is a pure fold over {@link dev.switchman.core.run.EventTypes}
 * events. This package uses {@code core.chat}, {@code core.check}, {@code core.decision},
 * {@code core.event}, {@code core.notify}, {@code core.runbook} and {@code core.time}; {@code core.bot}
 * and {@code core.command} use it.
 */
package dev.switchman.core.run;
