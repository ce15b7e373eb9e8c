package dev.switchman.console;

import java.util.List;
import org.springframework.shell.core.command.AbstractCommand;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.completion.CompletionProposal;

/** A chat command as a shell command: the typed text goes to the bot as is. */
public final class ChatShellCommand extends AbstractCommand {

    public static final String GROUP = "Chat commands (same as in Slack and Discord)";

    private final ConsoleSession session;

    public ChatShellCommand(ChatCommandSpec spec, ConsoleSession session, ConsoleCompletions completions) {
        super(spec.name(), spec.summary(), GROUP, "usage: " + spec.usage() + "\n  " + spec.summary(), false);
        this.session = session;
        setCompletionProvider(context -> {
            List<String> words = context.getWords();
            int index = context.getWordIndex();
            List<String> previous = index > 1 ? words.subList(1, Math.min(index, words.size())) : List.of();
            String prefix = context.currentWordUpToCursor() == null ? "" : context.currentWordUpToCursor();
            return completions.complete(spec.name(), previous, prefix).stream()
                    .filter(c -> c.startsWith(prefix))
                    .map(CompletionProposal::new)
                    .toList();
        });
    }

    @Override
    public ExitStatus doExecute(CommandContext context) {
        String rest = RawLineParser.rest(context.parsedInput());
        session.execute(rest.isEmpty() ? getName() : getName() + " " + rest);
        return ExitStatus.OK;
    }
}
