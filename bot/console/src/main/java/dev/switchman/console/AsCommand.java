package dev.switchman.console;

import org.springframework.shell.core.command.AbstractCommand;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.ExitStatus;

/** {@code as <user>}: act as another console user ({@code console:<user>}); {@code as} alone says who you are. */
public final class AsCommand extends AbstractCommand {

    public static final String GROUP = "Console";

    private final ConsoleSession session;

    public AsCommand(ConsoleSession session) {
        super("as", "Act as another user (console:<user>); without a name, show who you are", GROUP,
                "usage: as [user]\n  Commands you type afterwards come from console:<user>; roles in runbooks name these ids.", false);
        this.session = session;
    }

    @Override
    public ExitStatus doExecute(CommandContext context) {
        String name = RawLineParser.rest(context.parsedInput()).strip();
        if (name.isEmpty()) {
            println("you are " + session.user().qualifiedId(), context);
            return ExitStatus.OK;
        }
        if (!ConsoleSession.isValidName(name)) {
            println("not a user name: '" + name + "' (expected letters, digits, . _ @ -)", context);
            return ExitStatus.USAGE_ERROR;
        }
        println("you are now " + session.actAs(name).qualifiedId(), context);
        return ExitStatus.OK;
    }
}
