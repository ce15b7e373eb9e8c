package dev.switchman.core.run;

import dev.switchman.core.chat.ChatBackend;
import dev.switchman.core.check.CheckRunner;
import dev.switchman.core.decision.DecisionEngine;
import dev.switchman.core.event.EventStore;
import dev.switchman.core.notify.OutboxDispatcher;
import dev.switchman.core.time.Scheduler;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * What every run engine shares: store, time, checks, rules, chat, notifications, listeners, the
 * executor the runs' serial {@link RunActor}s run on, and the {@link TeamOutput} their messages and
 * status go through.
 */
public record RunContext(EventStore store, Clock clock, Scheduler scheduler, CheckRunner checkRunner,
                         DecisionEngine decisionEngine, ChatBackend backend, OutboxDispatcher notifications,
                         List<RunListener> listeners, Executor runExecutor, TeamOutput team) {
}
