package dev.switchman.app;

import dev.switchman.app.cli.Cli;
import dev.switchman.app.config.ConsoleOptions;
import dev.switchman.app.console.ConsoleRunner;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Entry point. One-shot commands run in plain Java (see {@link Cli}); the console starts Spring
 * Boot with Spring Shell, its interactive mode switched on only when there is no script.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class SwitchmanApplication {

    private static final String LOGBACK_CONFIG = "logback.configurationFile";
    private static boolean clearLogConfigOnBoot;

    public static void main(String[] args) {
        boolean ownLogConfig = System.getProperty(LOGBACK_CONFIG) == null;
        if (ownLogConfig) {
            // one-shot commands run without Spring: same log configuration, logs on stderr only
            System.setProperty(LOGBACK_CONFIG, "logback-spring.xml");
        }
        clearLogConfigOnBoot = ownLogConfig;
        // a thread that dies of an exception prints its trace through the one redaction, as --debug does
        Thread.setDefaultUncaughtExceptionHandler((t, e) ->
                System.err.print("Exception in thread \"" + t.getName() + "\" " + dev.switchman.core.secret.Secrets.stackTrace(e)));
        // results are UTF-8 whatever the locale (JSON, status glyphs); the terminal reader has its own writer
        System.setOut(new java.io.PrintStream(new java.io.BufferedOutputStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), 1 << 16), true, java.nio.charset.StandardCharsets.UTF_8));
        int code = new Cli(System.in, System.out, System.err, SwitchmanApplication::boot, Clock.systemUTC()).run(args);
        System.out.flush();
        System.exit(code);
    }

    /** Starts the console bot; returns when the console ends, with its exit code. */
    public static int boot(ConsoleOptions options) {
        if (clearLogConfigOnBoot) {
            System.clearProperty(LOGBACK_CONFIG); // Spring Boot configures logging itself (logback-spring.xml)
        }
        SpringApplication app = new SpringApplication(SwitchmanApplication.class);
        Map<String, Object> defaults = new HashMap<>();
        // Spring Shell 4 decides interactivity from this property, not from the arguments
        defaults.put("spring.shell.interactive.enabled", String.valueOf(options.interactive()));
        if (!Boolean.getBoolean(Cli.DEBUG_PROPERTY)) {
            // a start-up failure is one sentence from Cli (StartupFailure); Spring's report and trace only with --debug
            defaults.put("logging.level.org.springframework.boot.SpringApplication", "OFF");
            defaults.put("logging.level.org.springframework.boot.diagnostics", "OFF");
        }
        app.setDefaultProperties(defaults);
        app.addInitializers(ctx -> ctx.getBeanFactory().registerSingleton("consoleOptions", options));
        try (ConfigurableApplicationContext ctx = app.run()) {
            return ctx.getBean(ConsoleRunner.class).exitCode();
        }
    }
}
