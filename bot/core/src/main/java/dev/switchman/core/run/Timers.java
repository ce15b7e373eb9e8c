package dev.switchman.core.run;

import dev.switchman.core.time.Scheduler;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A run's named timers (a check's next run, a wait, the end of the rollback window, a stakeholder
 * cadence) on the injected {@link Scheduler}. A due timer is handed to {@code onActor}, which runs it
 * as one turn of the run; the name is free again when the task starts. Used on the run's actor only.
 */
final class Timers {

    private final Scheduler scheduler;
    private final Consumer<Runnable> onActor;
    private final Map<String, Scheduler.Cancellable> pending = new HashMap<>();

    Timers(Scheduler scheduler, Consumer<Runnable> onActor) {
        this.scheduler = scheduler;
        this.onActor = onActor;
    }

    boolean has(String name) {
        return pending.containsKey(name);
    }

    /** Schedules {@code task} at {@code at} under {@code name}, replacing a timer of that name. */
    void schedule(String name, Instant at, Runnable task) {
        cancel(name);
        pending.put(name, scheduler.schedule(at, () -> onActor.accept(() -> {
            pending.remove(name);
            task.run();
        })));
    }

    void cancel(String name) {
        Scheduler.Cancellable t = pending.remove(name);
        if (t != null) t.cancel();
    }

    void cancelAll() {
        pending.values().forEach(Scheduler.Cancellable::cancel);
        pending.clear();
    }
}
