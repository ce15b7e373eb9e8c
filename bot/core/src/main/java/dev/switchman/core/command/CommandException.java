package dev.switchman.core.command;

/**
 * Bad input: an unknown command, a missing, extra or unknown argument, bad quoting. The message
 * names the command and the argument and says what was expected (with a did-you-mean when one is close).
 */
public class CommandException extends RuntimeException {

    private final String command;
    private final String argument;

    public CommandException(String command, String argument, String message) {
        super(message);
        this.command = command;
        this.argument = argument;
    }

    public String command() {
        return command;
    }

    public String argument() {
        return argument;
    }
}
