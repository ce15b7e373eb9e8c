package dev.switchman.app.bot;

import dev.switchman.console.ConsoleCompletions;

/** The running bot as the console sees it: its completions, a one-line description, shutdown. */
public interface BotRuntime extends AutoCloseable {

    ConsoleCompletions completions();

    /** The chat commands the bot understands, as the console offers them. */
    java.util.List<dev.switchman.console.ChatCommandSpec> commands();

    /** One line for the console banner: store, runbooks. */
    String describe();

    /** Starts background work that makes the first commands fast (compiling the rule packs). */
    default void warmUp() {
    }

    @Override
    void close();
}
