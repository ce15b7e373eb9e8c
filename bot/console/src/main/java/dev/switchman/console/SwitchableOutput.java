package dev.switchman.console;

import java.util.Objects;

/** A {@link ConsoleOutput} whose target is chosen once the terminal exists (stdout until then). */
public final class SwitchableOutput implements ConsoleOutput {

    private volatile ConsoleOutput target;

    public SwitchableOutput(ConsoleOutput initial) {
        this.target = Objects.requireNonNull(initial, "initial");
    }

    public void switchTo(ConsoleOutput next) {
        this.target = Objects.requireNonNull(next, "next");
    }

    @Override
    public void print(String text) {
        target.print(text);
    }
}
