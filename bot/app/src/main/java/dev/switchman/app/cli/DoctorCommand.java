package dev.switchman.app.cli;

import dev.switchman.app.serve.Serve;
import dev.switchman.core.chat.ChatBackendFactory;
import dev.switchman.core.secret.Secrets;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code switchman doctor}: for every chat backend of the build, whether its environment configures it
 * and, when it does, what its {@link ChatBackendFactory#doctor} finds (the variables, then the platform
 * reached with them: Slack {@code auth.test}, Discord {@code users/@me}). One line per finding, never a
 * secret. Exit 0 when at least one backend is configured and nothing is wrong, else 1.
 */
final class DoctorCommand {

    static final Args.Spec SPEC = Args.Spec.of("doctor", Set.of(), Set.of());

    private final Map<String, String> env;
    private final List<ChatBackendFactory> factories;
    private final Clock clock;
    private final PrintStream out;

    DoctorCommand(Map<String, String> env, List<ChatBackendFactory> factories, Clock clock, PrintStream out) {
        this.env = env;
        this.factories = factories;
        this.clock = clock;
        this.out = out;
    }

    static DoctorCommand live(Clock clock, PrintStream out) {
        return new DoctorCommand(System.getenv(), Serve.factories(), clock, out);
    }

    int run(List<String> argv) {
        Args args = Args.parse(SPEC, argv);
        if (args.help()) {
            out.println(Usage.DOCTOR);
            return ExitCodes.OK;
        }
        if (!args.positionals().isEmpty()) {
            throw new UsageException("doctor: unexpected argument '" + args.positionals().get(0) + "'");
        }
        int configured = 0;
        boolean wrong = false;
        for (ChatBackendFactory f : factories) {
            if (!f.configured(env)) {
                out.println(f.name() + ": not configured (set " + String.join(", ", f.variables()) + ")");
                continue;
            }
            configured++;
            out.println(f.name() + ":");
            List<ChatBackendFactory.Finding> findings;
            try {
                findings = f.doctor(env, clock);
            } catch (RuntimeException e) {
                findings = List.of(new ChatBackendFactory.Finding(false, e.getClass().getSimpleName() + ": " + Secrets.message(e)));
            }
            for (ChatBackendFactory.Finding x : findings) {
                wrong |= !x.ok();
                out.println("  " + (x.ok() ? "ok    " : "WRONG ") + Secrets.redact(x.text()));
            }
        }
        if (configured == 0) {
            out.println(factories.isEmpty() ? "this build has no chat backend" : "no chat backend is configured; docs/slack.md and docs/discord.md say how");
            return ExitCodes.FAILED;
        }
        return wrong ? ExitCodes.FAILED : ExitCodes.OK;
    }
}
