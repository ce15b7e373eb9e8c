package dev.switchman.app.bot;

import dev.switchman.app.config.ConsoleOptions;
import dev.switchman.app.config.RunbookSources;
import dev.switchman.app.config.Settings;
import dev.switchman.console.ChatCommandSpec;
import dev.switchman.console.ConsoleBackend;
import dev.switchman.console.ConsoleCompletions;
import dev.switchman.core.bot.Bot;
import dev.switchman.core.check.CheckProviders;
import dev.switchman.core.event.EventStore;
import dev.switchman.core.runbook.Runbook;
import dev.switchman.core.yaml.Problem;
import dev.switchman.rules.engine.DroolsDecisionEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the bot: store, runbooks, checks, rules, and the backend it talks through. */
@Configuration(proxyBeanMethods = false)
public class BotConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Settings settings(ConsoleOptions options) {
        Settings s = Settings.from(System.getenv(), Path.of("").toAbsolutePath(), options.runbookDirs());
        try {
            Files.createDirectories(s.home());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create SWITCHMAN_HOME " + s.home(), e);
        }
        return s;
    }

    @Bean
    CheckProviders checkProviders() {
        return CheckProviders.load();
    }

    @Bean
    RunbookSources.Runbooks runbooks(Settings settings, CheckProviders providers) {
        RunbookSources.Runbooks catalog = RunbookSources.load(settings, providers);
        // a broken runbook is left out; say why on stderr, the console still starts
        for (Problem p : catalog.problems()) {
            if (p.isError()) {
                System.err.println(p);
            }
        }
        return catalog;
    }

    @Bean(destroyMethod = "close")
    EventStore eventStore(Settings settings) {
        return CrashPointEventStore.armedFromEnvironment(settings.openStore(), System.getenv());
    }

    @Bean(destroyMethod = "close")
    Bot bot(ConsoleBackend backend, RunbookSources.Runbooks catalog, EventStore store, CheckProviders providers, Clock clock,
            Settings settings) {
        return newBot(backend, catalog, store, providers, clock, settings);
    }

    /**
     * The bot over {@code backend}, as the console and {@code switchman serve} run it: rules, checks, the
     * runbooks' game days; resumed (runs in the store pick up where they were) and started (the backend
     * receives interactions).
     */
    public static Bot newBot(dev.switchman.core.chat.ChatBackend backend, RunbookSources.Runbooks catalog, EventStore store,
                             CheckProviders providers, Clock clock, Settings settings) {
        Bot bot = Bot.builder()
                .runbooks(catalog.all())
                .store(store)
                .clock(clock)
                .decisionEngine(new DroolsDecisionEngine())
                .checkProviders(providers)
                .backend(backend)
                .build();
        // game days in chat: `rehearse <scenario>` plays <runbook>/scenarios/*.yaml inside the runbook folders, nothing else
        if (!settings.runbookDirs().isEmpty()) {
            dev.switchman.simulator.gameday.RehearseCommand.register(bot, settings.runbookDirs(), settings.home().resolve("reports"), null);
        }
        bot.resume();
        bot.start();
        return bot;
    }

    /**
     * Compiling the built-in rule packs takes seconds; do it in the background while the console (or
     * {@code serve}) waits for its first command, so {@code start} does not wait for it.
     */
    public static void warmUpRules() {
        Thread t = new Thread(() -> {
            try {
                dev.switchman.rules.engine.RuleBases.get(List.of());
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(BotConfiguration.class).warn("rule packs did not compile: {}", e.getMessage());
            }
        }, "switchman-rules-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    @Bean
    BotRuntime botRuntime(Bot bot, Settings settings, RunbookSources.Runbooks catalog) {
        return new BotRuntime() {
            @Override
            public ConsoleCompletions completions() {
                return (command, previous, prefix) -> {
                    List<String> words = new ArrayList<>();
                    words.add(command);
                    words.addAll(previous);
                    words.add(prefix);
                    return bot.completions(ConsoleBackend.DEFAULT_CHANNEL, String.join(" ", words));
                };
            }

            @Override
            public List<ChatCommandSpec> commands() {
                return bot.commands().all().stream()
                        .sorted(Comparator.comparing(c -> c.name()))
                        .map(c -> new ChatCommandSpec(c.name(), c.usage(), c.description()))
                        .toList();
            }

            @Override
            public String describe() {
                return "Store: " + settings.dbUrlForDisplay() + ". Runbooks: "
                        + (catalog.ids().isEmpty() ? "none" : String.join(", ", catalog.ids())) + ".";
            }

            @Override
            public void warmUp() {
                warmUpRules();
            }

            @Override
            public void close() {
            }
        };
    }
}
