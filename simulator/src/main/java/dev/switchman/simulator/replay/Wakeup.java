package dev.switchman.simulator.replay;

/**
 * A flag one thread waits on and others raise: a command typed in a game day, a stop, a paced due time
 * reached. A raise before the wait is not lost; one wait consumes it.
 */
public final class Wakeup {

    private boolean raised;

    /** Wakes the waiting thread (or the next one to wait). */
    public synchronized void raise() {
        raised = true;
        notifyAll();
    }

    /** Waits until raised, then lowers the flag. */
    synchronized void await() throws InterruptedException {
        while (!raised) {
            wait();
        }
        raised = false;
    }
}
