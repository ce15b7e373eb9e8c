package dev.switchman.app.console;

import dev.switchman.app.bot.BotRuntime;
import dev.switchman.app.config.ConsoleOptions;
import dev.switchman.console.AnsiRenderer;
import dev.switchman.console.AsCommand;
import dev.switchman.console.ChatCommandSpec;
import dev.switchman.console.ChatShellCommand;
import dev.switchman.console.ConsoleBackend;
import dev.switchman.console.ConsoleHelpCommand;
import dev.switchman.console.ConsoleOutput;
import dev.switchman.console.ConsoleSession;
import dev.switchman.console.ConsoleShell;
import dev.switchman.console.RawLineParser;
import dev.switchman.console.SwitchableOutput;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.jline.reader.LineReader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;

/** The console bot: the terminal backend, the shell commands, and the runner that drives them. */
@Configuration(proxyBeanMethods = false)
public class ConsoleConfiguration {

    /** Spring Shell keeps the console history here: {@code $SWITCHMAN_HOME/history}. */
    @Bean
    org.springframework.shell.core.config.UserConfigPathProvider userConfigPathProvider(dev.switchman.app.config.Settings settings) {
        return settings::home;
    }

    @Bean
    SwitchableOutput consoleOutput() {
        return new SwitchableOutput(ConsoleOutput.of(System.out));
    }

    @Bean
    ConsoleBackend consoleBackend(SwitchableOutput output, ConsoleOptions options) {
        // colours only for a terminal: not for scripts, nor when input or output is redirected
        return new ConsoleBackend(output, new AnsiRenderer(options.interactive() && System.console() != null));
    }

    @Bean
    ConsoleSession consoleSession(ConsoleBackend backend, BotRuntime bot, ConsoleOptions options, Clock clock) {
        String user = options.as() != null ? options.as() : System.getProperty("user.name", "operator");
        if (!ConsoleSession.isValidName(user)) {
            user = "operator";
        }
        return new ConsoleSession(backend, clock, user);
    }

    /** Chat commands reach the bot as typed: no word splitting or unquoting by the shell. */
    @Bean
    CommandParser commandParser() {
        return new RawLineParser();
    }

    @Bean
    ConsoleShell consoleShell(CommandRegistry registry, CommandParser parser, ConsoleSession session, BotRuntime bot) {
        List<ChatCommandSpec> specs = bot.commands().isEmpty() ? ChatCommandSpec.standard() : bot.commands();
        for (ChatCommandSpec spec : specs) {
            if (spec.name().equals("help")) {
                continue; // the console's help lists chat and console commands together
            }
            registry.registerCommand(new ChatShellCommand(spec, session, bot.completions()));
        }
        registry.registerCommand(new AsCommand(session));
        registry.registerCommand(new ConsoleHelpCommand(() -> names(registry.getCommands())));
        return new ConsoleShell(registry, parser, session);
    }

    private static List<String> names(Collection<Command> commands) {
        return commands.stream().filter(c -> !c.isHidden()).map(Command::getName).toList();
    }

    @Bean(name = "springShellApplicationRunner")
    ConsoleRunner springShellApplicationRunner(ConsoleOptions options, ConsoleShell shell, ObjectProvider<LineReader> lineReader,
                                               SwitchableOutput output, ConsoleSession session, BotRuntime bot) {
        return new ConsoleRunner(options, shell, lineReader, output,
                () -> "Switchman console - you are " + session.user().qualifiedId() + " (as <user> to switch). "
                        + bot.describe() + "\nType help for the commands, Tab to complete, exit to leave.")
                .onReady(bot::warmUp);
    }
}
