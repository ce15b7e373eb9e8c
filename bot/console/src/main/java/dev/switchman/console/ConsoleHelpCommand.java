package dev.switchman.console;

import java.util.Comparator;
import java.util.List;
import org.springframework.shell.core.command.AbstractCommand;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.completion.CompletionProposal;

/** {@code help [command]}: every command with its usage, or one command in detail. */
public final class ConsoleHelpCommand extends AbstractCommand {

    public ConsoleHelpCommand(java.util.function.Supplier<java.util.Collection<String>> commandNames) {
        super("help", "List the commands, or explain one: help [command]", AsCommand.GROUP,
                "usage: help [command]", false);
        setCompletionProvider(context -> context.getWordIndex() != 1 ? List.of()
                : commandNames.get().stream().sorted()
                        .filter(n -> n.startsWith(context.currentWordUpToCursor() == null ? "" : context.currentWordUpToCursor()))
                        .map(CompletionProposal::new).toList());
    }

    @Override
    public ExitStatus doExecute(CommandContext context) {
        String name = RawLineParser.rest(context.parsedInput()).strip();
        if (!name.isEmpty()) {
            Command command = context.commandRegistry().getCommandByName(name);
            if (command == null) {
                println("no command '" + name + "'; type help to list them", context);
                return ExitStatus.USAGE_ERROR;
            }
            String help = command.getHelp() == null || command.getHelp().isBlank() ? command.getDescription() : command.getHelp();
            println(help, context);
            return ExitStatus.OK;
        }
        StringBuilder b = new StringBuilder();
        List<Command> commands = context.commandRegistry().getCommands().stream()
                .filter(c -> !c.isHidden())
                .sorted(Comparator.comparing(Command::getGroup).thenComparing(Command::getName))
                .toList();
        String group = null;
        for (Command c : commands) {
            if (!c.getGroup().equals(group)) {
                group = c.getGroup();
                b.append(group.isEmpty() ? "Other" : group).append('\n');
            }
            b.append("  ").append(pad(c.getName(), 12)).append(c.getDescription()).append('\n');
        }
        b.append("Type help <command> for its usage; Tab completes commands, runbook ids and step ids.");
        println(b.toString(), context);
        return ExitStatus.OK;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}
