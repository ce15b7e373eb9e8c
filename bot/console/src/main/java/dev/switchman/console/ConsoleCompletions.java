package dev.switchman.console;

import java.util.List;

/**
 * Completion candidates for the argument being typed after a chat command, supplied by whoever
 * wires the console to the bot (runbook ids after {@code start}, step ids after {@code done}, ...).
 */
@FunctionalInterface
public interface ConsoleCompletions {

    /**
     * @param command the chat command ({@code start}, {@code done}, ...)
     * @param previous the arguments already typed before the current word
     * @param prefix what is typed of the current word so far
     */
    List<String> complete(String command, List<String> previous, String prefix);

    static ConsoleCompletions none() {
        return (command, previous, prefix) -> List.of();
    }
}
