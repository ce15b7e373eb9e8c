package dev.switchman.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchman.core.decision.DecisionEngine;
import dev.switchman.core.time.Durations;
import dev.switchman.core.yaml.Problem;
import dev.switchman.rules.engine.DroolsDecisionEngine;
import dev.switchman.simulator.replay.FaultMetrics;
import dev.switchman.simulator.replay.RehearsalResult;
import dev.switchman.simulator.replay.Replayer;
import dev.switchman.simulator.replay.Verdict;
import dev.switchman.simulator.report.ReportWriter;
import dev.switchman.simulator.scenario.ScenarioLoader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code switchman rehearse SCENARIO [--report DIR] [--format json]}: loads the scenario and its
 * runbook, replays it at full speed on the pseudo clock with the Drools rules, writes the report, and
 * returns the exit code: 0 iff every expectation holds, 1 if one fails, 2 if the scenario is invalid.
 *
 * <pre>{@code
 * Rehearsal.Outcome o = Rehearsal.run(Path.of("runbooks/server-migration/scenarios/healthy-cutover.yaml"),
 *         Rehearsal.Options.defaults().withReport(Path.of("/tmp/r")).withJson(true));
 * System.out.println(o.output());
 * System.exit(o.exitCode());
 * }</pre>
 */
public final class Rehearsal {

    public static final int PASSED = 0;
    public static final int FAILED = 1;
    public static final int INVALID = 2;

    private static final ObjectMapper JSON = new ObjectMapper();

    private Rehearsal() {
    }

    /** Where to write the report (null: none), JSON or text output, which decision engine. */
    public record Options(Path reportDir, boolean json, Supplier<DecisionEngine> engine) {
        public static Options defaults() {
            return new Options(null, false, DroolsDecisionEngine::new);
        }

        public Options withReport(Path dir) {
            return new Options(dir, json, engine);
        }

        public Options withJson(boolean j) {
            return new Options(reportDir, j, engine);
        }

        public Options withEngine(Supplier<DecisionEngine> e) {
            return new Options(reportDir, json, e);
        }
    }

    /**
     * The exit code, the result (null when the scenario is invalid), the problems found loading it, and
     * what to print on stdout: one JSON line with {@code --format json}, else a short text summary.
     */
    public record Outcome(int exitCode, RehearsalResult result, List<Problem> problems, String output) {
    }

    public static Outcome run(Path scenarioFile, Options options) {
        ScenarioLoader.Result loaded = ScenarioLoader.load(scenarioFile);
        if (!loaded.ok()) {
            String out;
            if (options.json()) {
                out = json(java.util.Map.of("scenario", scenarioFile.toString(), "valid", false, "exit_code", INVALID,
                        "problems", loaded.problems().stream().map(Problem::toString).toList()));
            } else {
                out = String.join("\n", loaded.problems().stream().map(Problem::toString).toList());
            }
            return new Outcome(INVALID, null, loaded.problems(), out);
        }
        RehearsalResult result = Replayer.replay(loaded.scenario(), loaded.runbook(), Replayer.Options.of(options.engine()));
        if (options.reportDir() != null) {
            try {
                ReportWriter.write(result, options.reportDir());
            } catch (UncheckedIOException e) {
                return new Outcome(INVALID, result, loaded.problems(), e.getMessage());
            }
        }
        String out = dev.switchman.core.secret.Secrets.redact(options.json() ? json(result.summary()) : text(result, options.reportDir()));
        return new Outcome(result.exitCode(), result, loaded.problems(), out);
    }

    /** The human summary printed without --format json. */
    public static String text(RehearsalResult r, Path reportDir) {
        StringBuilder b = new StringBuilder();
        b.append(r.passed() ? "PASSED " : "FAILED ").append(r.scenario().id()).append(": ").append(r.scenario().title()).append('\n');
        b.append("  run ").append(r.log().outcome()).append(" after ").append(Durations.format(r.virtualDuration())).append(" of virtual time; ")
                .append(r.log().results()).append(" check results, ").append(r.log().decisions().size()).append(" decisions in ")
                .append(r.wallMillis()).append(" ms (").append(Math.round(r.speedup())).append("x)\n");
        for (Verdict v : r.verdicts()) {
            b.append(v.holds() ? "  ok    " : "  FAIL  ").append(v.expectation().text()).append(" -- ").append(v.detail()).append('\n');
        }
        for (FaultMetrics f : r.faults()) {
            b.append("  fault ").append(f.faultId()).append(": detected ")
                    .append(f.timeToDetect() == null ? "never" : "after " + Durations.format(f.timeToDetect()))
                    .append(", decided ").append(f.timeToDecision() == null ? "never" : "after " + Durations.format(f.timeToDecision()))
                    .append(f.decidedBy() == null ? "" : " (" + f.decidedBy() + ")").append('\n');
        }
        if (reportDir != null) {
            b.append("  report: ").append(reportDir.resolve("report.html")).append('\n');
        }
        return b.toString().stripTrailing();
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
