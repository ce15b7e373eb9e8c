package dev.switchman.app.cli;

import dev.switchman.app.serve.Serve;
import dev.switchman.app.serve.ServeException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code switchman serve [--runbooks DIR]...}: runs the configured chat backends and the HTTP server
 * ({@link Serve}) until the process is stopped (SIGTERM, Ctrl-C). A configuration error is one sentence
 * on stderr and exit 1.
 */
final class ServeCommand {

    static final Args.Spec SPEC = Args.Spec.of("serve", Set.of("runbooks"), Set.of());

    private final Map<String, String> env;
    private final Clock clock;
    private final PrintStream out;
    private final PrintStream err;

    ServeCommand(Map<String, String> env, Clock clock, PrintStream out, PrintStream err) {
        this.env = env;
        this.clock = clock;
        this.out = out;
        this.err = err;
    }

    int run(List<String> argv) {
        Args args = Args.parse(SPEC, argv);
        if (args.help()) {
            out.println(Usage.SERVE);
            return ExitCodes.OK;
        }
        if (!args.positionals().isEmpty()) {
            throw new UsageException("serve: unexpected argument '" + args.positionals().get(0) + "'");
        }
        for (String dir : args.values("runbooks")) {
            // a folder the user names must exist: serving without it would run without their runbooks
            if (!java.nio.file.Files.isDirectory(java.nio.file.Path.of(dir))) {
                throw new UsageException("serve: --runbooks " + dir + " is not a directory");
            }
        }
        Serve serve;
        try {
            serve = Serve.start(env, args.values("runbooks"), Serve.factories(), clock, err);
        } catch (ServeException e) {
            err.println("switchman serve: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        Thread hook = new Thread(serve::close, "switchman-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("switchman serve: " + String.join(", ", serve.backends()) + " on " + serve.url() + " ("
                + String.join(", ", serve.paths()) + ")");
        out.flush();
        try {
            serve.awaitClosed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            serve.close();
        }
        return ExitCodes.OK;
    }
}
