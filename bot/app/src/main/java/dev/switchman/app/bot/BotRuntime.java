package dev.switchman.app.bot;

import dev.switchman.console.ConsoleCompletions;

/** The running bot as the console sees it: its completions, a one-line description, shutdown. */
public interface BotRuntime extends AutoCloseable {

    ConsoleCompletions completions();

    /** One line for the console banner: store, runbooks. */
    String describe();

    @Override
    void close();
}
