package dev.switchman.app.bot;

import dev.switchman.app.cli.ConsoleOptions;
import dev.switchman.app.config.Settings;
import dev.switchman.console.ConsoleBackend;
import dev.switchman.console.ConsoleCompletions;
import dev.switchman.core.chat.ChatMessage;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the bot: store, runbooks, checks, rules, and the backends it talks through. */
@Configuration(proxyBeanMethods = false)
public class BotConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Settings settings(ConsoleOptions options) {
        return Settings.from(System.getenv(), Path.of("").toAbsolutePath(), options.runbookDirs());
    }

    @Bean(destroyMethod = "close")
    BotRuntime botRuntime(ConsoleBackend backend, Settings settings, Clock clock) {
        backend.start((command, replier) -> replier.reply(ChatMessage.text("echo " + command.user().qualifiedId() + ": " + command.text())));
        return new BotRuntime() {
            @Override
            public ConsoleCompletions completions() {
                return ConsoleCompletions.none();
            }

            @Override
            public String describe() {
                return "Store: " + settings.dbUrlForDisplay();
            }

            @Override
            public void close() {
            }
        };
    }
}
