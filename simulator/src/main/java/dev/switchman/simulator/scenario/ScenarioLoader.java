package dev.switchman.simulator.scenario;

import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.decision.DecisionKind;
import dev.switchman.core.runbook.ThresholdSpec;
import dev.switchman.core.runbook.Runbook;
import dev.switchman.core.text.Suggestions;
import dev.switchman.core.time.DurationRange;
import dev.switchman.core.time.Durations;
import dev.switchman.core.yaml.Problem;
import dev.switchman.core.yaml.SourceLocation;
import dev.switchman.core.yaml.YamlNode;
import dev.switchman.core.yaml.YamlScalar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a scenario file (docs/scenarios.md), reports every problem with file:line:column, then
 * checks it against its runbook: unknown checks, steps and faults are errors.
 */
public final class ScenarioLoader {

    static final Set<String> TOP = Set.of("scenario", "title", "description", "runbook", "start", "speed", "end",
            "responders", "baseline", "intervals", "timeline", "expect");
    static final Set<String> RESPONDERS = Set.of("mode", "approvers", "manual-default", "durations", "reaction", "obey-rollback");
    static final Set<String> RESULT = Set.of("status", "observations", "message");
    static final Set<String> ENTRY = Set.of("at", "fault", "check", "status", "observations", "message", "for", "chaos", "command", "by", "note");
    static final Set<String> CHAOS_KEYS = Set.of("stale", "delay", "flip", "curve", "resolver-old", "kill-bot");
    static final Set<String> CURVE = Set.of("observation", "from", "to", "over", "fail-above");
    static final Set<String> EXPECT = Set.of("decision", "rule", "within", "of", "at", "never", "phase", "reached-by", "reached", "outcome");
    static final Set<String> OUTCOMES = Set.of("completed", "rolled-back", "aborted", "running");

    /** A loaded scenario (null when it has errors), the runbook it rehearses, and every problem found. */
    public record Result(Scenario scenario, Runbook runbook, List<Problem> problems) {
        public boolean ok() {
            return scenario != null && problems.stream().noneMatch(Problem::isError);
        }

        public List<Problem> errors() {
            return problems.stream().filter(Problem::isError).toList();
        }
    }

    /** A runbook load: the model (null on errors) and problems as "file:line:col: message" lines. */
    public record RunbookLoad(Runbook runbook, List<Problem> problems) {
    }

    private static volatile Function<Path, RunbookLoad> runbookLoader = ScenarioLoader::defaultRunbookLoader;

    private ScenarioLoader() {
    }

    public static Function<Path, RunbookLoad> runbookLoader() {
        return runbookLoader;
    }

    /** Replaces how runbooks are read (the app and tests may plug their own). */
    public static void useRunbookLoader(Function<Path, RunbookLoad> loader) {
        runbookLoader = loader;
    }

    public static Result load(Path file) {
        List<Problem> problems = new ArrayList<>();
        YamlNode root = YamlTree.parse(file, problems);
        if (root == null) {
            return new Result(null, null, problems);
        }
        YamlTree y = new YamlTree(file.toString(), problems);
        Parsed parsed = new ScenarioLoader.Parsed();
        Scenario scenario = read(y, root, file, parsed);
        Runbook runbook = null;
        if (scenario != null && scenario.runbookPath() != null) {
            if (!Files.isRegularFile(scenario.runbookPath())) {
                y.error(parsed.runbookNode, "runbook file not found: " + scenario.runbookPath() + " (paths are relative to the scenario file)");
            } else {
                RunbookLoad rl = runbookLoader.apply(scenario.runbookPath());
                runbook = rl.runbook();
                if (runbook == null) {
                    y.error(parsed.runbookNode, "the runbook " + scenario.runbookPath() + " has errors (validate it first)");
                    problems.addAll(rl.problems());
                } else {
                    problems.addAll(ScenarioValidator.validate(scenario, runbook));
                }
            }
        }
        boolean errors = problems.stream().anyMatch(Problem::isError);
        return new Result(errors ? null : scenario, runbook, problems);
    }

    private static final class Parsed {
        YamlNode runbookNode;
    }

    private static Scenario read(YamlTree y, YamlNode root, Path file, Parsed parsed) {
        Map<String, YamlTree.Entry> top = y.mapping(root, "a scenario", TOP);
        String id = requiredText(y, top, "scenario", root, "the scenario's id");
        if (id != null && !id.matches("[a-z0-9][a-z0-9-]*")) {
            y.error(top.get("scenario").value(), "scenario id '" + id + "' must match [a-z0-9][a-z0-9-]*");
        }
        String title = requiredText(y, top, "title", root, "a one-line title");
        String description = optionalText(y, top, "description");
        Path runbookPath = null;
        String rb = requiredText(y, top, "runbook", root, "the runbook file, relative to this file");
        if (rb != null) {
            parsed.runbookNode = top.get("runbook").value();
            Path dir = file.toAbsolutePath().getParent();
            runbookPath = dir.resolve(rb).normalize();
        }
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        if (top.containsKey("start")) {
            String s = y.scalar(top.get("start").value(), "start");
            try {
                start = Instant.parse(s);
            } catch (DateTimeParseException | NullPointerException e) {
                y.error(top.get("start").value(), "expected an ISO-8601 instant such as 2026-11-20T08:00:00Z, got '" + s + "'");
            }
        }
        Scenario.Speed speed = Scenario.Speed.MAX;
        if (top.containsKey("speed")) {
            String s = y.scalar(top.get("speed").value(), "speed");
            if (s != null && !s.equals("max")) {
                try {
                    double f = Double.parseDouble(s.endsWith("x") ? s.substring(0, s.length() - 1) : s);
                    if (f <= 0) {
                        throw new NumberFormatException();
                    }
                    speed = Scenario.Speed.factor(f);
                } catch (NumberFormatException e) {
                    y.error(top.get("speed").value(), "expected speed 'max' or a positive factor such as 60, got '" + s + "'");
                }
            }
        }
        Duration end = top.containsKey("end") ? offset(y, top.get("end").value(), "end") : null;
        Scenario.Responders responders = top.containsKey("responders") ? responders(y, top.get("responders").value()) : Scenario.Responders.auto();

        Scripted defaultBaseline = Scripted.PASS;
        Map<String, Scripted> baseline = new LinkedHashMap<>();
        Map<Scripted, YamlNode> baselineNodes = new LinkedHashMap<>();
        if (top.containsKey("baseline")) {
            for (var e : y.mapping(top.get("baseline").value(), "baseline", null).values()) {
                Scripted s = result(y, e.value(), "baseline of " + e.key());
                if (e.key().equals("*")) {
                    defaultBaseline = s;
                } else {
                    baseline.put(e.key(), s);
                }
            }
        }
        Map<String, Duration> intervals = new LinkedHashMap<>();
        if (top.containsKey("intervals")) {
            for (var e : y.mapping(top.get("intervals").value(), "intervals", null).values()) {
                Duration d = parsedDuration(y, e.value(), "interval of " + e.key(), Durations::parse, DurationRange.CHECK_INTERVAL);
                if (!d.isZero()) {
                    intervals.put(e.key(), d);
                }
            }
        }
        List<TimelineEntry> timeline = new ArrayList<>();
        if (top.containsKey("timeline")) {
            for (YamlNode n : y.sequence(top.get("timeline").value(), "timeline")) {
                TimelineEntry t = entry(y, n);
                if (t != null) {
                    timeline.add(t);
                }
            }
        }
        timeline.sort(java.util.Comparator.comparing(TimelineEntry::at));
        List<Expectation> expectations = new ArrayList<>();
        if (top.containsKey("expect")) {
            for (YamlNode n : y.sequence(top.get("expect").value(), "expect")) {
                Expectation x = expectation(y, n);
                if (x != null) {
                    expectations.add(x);
                }
            }
        }
        return new Scenario(id, title, description, file, runbookPath, start, speed, responders, defaultBaseline, baseline, intervals,
                timeline, expectations, end);
    }

    private static Scenario.Responders responders(YamlTree y, YamlNode n) {
        Map<String, YamlTree.Entry> m = y.mapping(n, "responders", RESPONDERS);
        Scenario.Responders.Mode mode = Scenario.Responders.Mode.AUTO;
        if (m.containsKey("mode")) {
            String s = y.scalar(m.get("mode").value(), "mode");
            try {
                mode = Scenario.Responders.Mode.valueOf(String.valueOf(s).toUpperCase());
            } catch (IllegalArgumentException e) {
                y.error(m.get("mode").value(), "expected responders mode auto, chat or scripted, got '" + s + "'");
            }
        }
        Map<String, String> approvers = new LinkedHashMap<>();
        if (m.containsKey("approvers")) {
            for (var e : y.mapping(m.get("approvers").value(), "approvers", null).values()) {
                String user = y.scalar(e.value(), "approver of " + e.key());
                if (user != null && !user.contains(":")) {
                    y.error(e.value(), "expected a qualified user id such as console:carol, got '" + user + "'");
                }
                approvers.put(e.key(), user);
            }
        }
        Duration manual = m.containsKey("manual-default") ? duration(y, m.get("manual-default").value(), "manual-default") : null;
        Map<String, Duration> durations = new LinkedHashMap<>();
        if (m.containsKey("durations")) {
            for (var e : y.mapping(m.get("durations").value(), "durations", null).values()) {
                durations.put(e.key(), duration(y, e.value(), "duration of " + e.key()));
            }
        }
        Duration reaction = m.containsKey("reaction") ? duration(y, m.get("reaction").value(), "reaction") : null;
        boolean obey = !m.containsKey("obey-rollback") || bool(y, m.get("obey-rollback").value(), "obey-rollback");
        return new Scenario.Responders(mode, approvers, manual, durations, reaction, obey, y.at(n));
    }

    private static Scripted result(YamlTree y, YamlNode n, String what) {
        Map<String, YamlTree.Entry> m = y.mapping(n, what, RESULT);
        CheckStatus status = m.containsKey("status") ? status(y, m.get("status").value()) : CheckStatus.PASS;
        Map<String, Object> obs = observations(y, m.get("observations"));
        String message = m.containsKey("message") ? y.scalar(m.get("message").value(), "message") : null;
        return new Scripted(status, obs, message == null ? status.name().toLowerCase() + " (scripted)" : message);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> observations(YamlTree y, YamlTree.Entry e) {
        if (e == null) {
            return Map.of();
        }
        Object o = y.plain(e.value());
        if (!(o instanceof Map)) {
            y.error(e.value(), "observations must be a mapping of name: value");
            return Map.of();
        }
        return (Map<String, Object>) o;
    }

    private static CheckStatus status(YamlTree y, YamlNode n) {
        String s = y.scalar(n, "status");
        try {
            return CheckStatus.valueOf(String.valueOf(s).toUpperCase());
        } catch (IllegalArgumentException e) {
            y.error(n, "expected a status PASS, WARN, FAIL, ERROR or UNKNOWN, got '" + s + "'" + Suggestions.didYouMean(s, names(CheckStatus.values())));
            return CheckStatus.UNKNOWN;
        }
    }

    private static TimelineEntry entry(YamlTree y, YamlNode n) {
        Map<String, YamlTree.Entry> m = y.mapping(n, "a timeline entry", ENTRY);
        if (!m.containsKey("at")) {
            y.error(n, "a timeline entry needs 'at' (an offset such as +2h5m)");
            return null;
        }
        Duration at = offset(y, m.get("at").value(), "at");
        String fault = m.containsKey("fault") ? y.scalar(m.get("fault").value(), "fault") : null;
        String check = m.containsKey("check") ? y.scalar(m.get("check").value(), "check") : null;
        String command = m.containsKey("command") ? y.scalar(m.get("command").value(), "command") : null;
        String by = m.containsKey("by") ? y.scalar(m.get("by").value(), "by") : null;
        String note = m.containsKey("note") ? y.scalar(m.get("note").value(), "note") : null;
        Duration holdFor = m.containsKey("for") ? duration(y, m.get("for").value(), "for") : null;
        Chaos chaos = m.containsKey("chaos") ? chaos(y, m.get("chaos").value()) : null;
        boolean hasResult = m.containsKey("status") || m.containsKey("observations") || m.containsKey("message");
        Scripted result = null;
        if (hasResult) {
            CheckStatus status = m.containsKey("status") ? status(y, m.get("status").value()) : CheckStatus.PASS;
            String message = m.containsKey("message") ? y.scalar(m.get("message").value(), "message") : null;
            result = new Scripted(status, observations(y, m.get("observations")), message == null ? status.name().toLowerCase() + " (scripted)" : message);
        }
        int kinds = (hasResult ? 1 : 0) + (chaos != null ? 1 : 0) + (command != null ? 1 : 0);
        if (kinds > 1 || (kinds == 0 && note == null && fault == null)) {
            y.error(n, "a timeline entry has one of: a result (status/observations/message), 'chaos', 'command' (or only a 'note')");
        }
        if (hasResult && check == null) {
            y.error(n, "a scripted result needs 'check' (the runbook check id it is for)");
        }
        if (chaos != null && chaos.kind() != Chaos.Kind.KILL_BOT && check == null) {
            y.error(m.get("chaos").value(), "chaos '" + chaos.kind().key() + "' perturbs a check: add 'check'");
        }
        if (command != null && by == null) {
            y.error(m.get("command").value(), "a command needs 'by' (the qualified user who types it, such as console:carol)");
        }
        if (fault != null && !fault.matches("[a-z0-9][a-z0-9-]*")) {
            y.error(m.get("fault").value(), "fault id '" + fault + "' must match [a-z0-9][a-z0-9-]*");
        }
        return new TimelineEntry(at, fault, check, result, holdFor, chaos, command, by, note, y.at(n));
    }

    private static Chaos chaos(YamlTree y, YamlNode n) {
        if (n instanceof YamlScalar) {
            String s = y.scalar(n, "chaos");
            return switch (s) {
                case "stale" -> Chaos.simple(Chaos.Kind.STALE);
                case "flip" -> Chaos.simple(Chaos.Kind.FLIP);
                case "resolver-old" -> Chaos.simple(Chaos.Kind.RESOLVER_OLD);
                case "kill-bot" -> Chaos.simple(Chaos.Kind.KILL_BOT);
                default -> {
                    y.error(n, "unknown chaos '" + s + "'" + Suggestions.didYouMean(s, CHAOS_KEYS)
                            + " Expected stale, flip, resolver-old, kill-bot, {delay: 5m} or {curve: {...}}");
                    yield null;
                }
            };
        }
        Map<String, YamlTree.Entry> m = y.mapping(n, "chaos", CHAOS_KEYS);
        if (m.size() != 1) {
            y.error(n, "chaos names exactly one perturbation");
            return null;
        }
        var e = m.values().iterator().next();
        return switch (e.key()) {
            case "delay" -> new Chaos(Chaos.Kind.DELAY, duration(y, e.value(), "delay"), null, 0, 0, null, Double.NaN);
            case "curve" -> {
                Map<String, YamlTree.Entry> c = y.mapping(e.value(), "curve", CURVE);
                for (String k : List.of("observation", "from", "to", "over")) {
                    if (!c.containsKey(k)) {
                        y.error(e.value(), "a curve needs '" + k + "'");
                    }
                }
                if (c.size() < 4 && !c.keySet().containsAll(List.of("observation", "from", "to", "over"))) {
                    yield null;
                }
                yield new Chaos(Chaos.Kind.CURVE, null, y.scalar(c.get("observation").value(), "observation"),
                        number(y, c.get("from").value(), "from"), number(y, c.get("to").value(), "to"),
                        duration(y, c.get("over").value(), "over"),
                        c.containsKey("fail-above") ? number(y, c.get("fail-above").value(), "fail-above") : Double.NaN);
            }
            default -> {
                bool(y, e.value(), e.key());
                yield Chaos.simple(Arrays.stream(Chaos.Kind.values()).filter(k -> k.key().equals(e.key())).findFirst().orElseThrow());
            }
        };
    }

    private static Expectation expectation(YamlTree y, YamlNode n) {
        Map<String, YamlTree.Entry> m = y.mapping(n, "an expectation", EXPECT);
        SourceLocation at = y.at(n);
        String text = describe(y, m);
        if (m.containsKey("never")) {
            String rule = m.containsKey("rule") ? y.scalar(m.get("rule").value(), "rule") : null;
            return new Expectation(Expectation.Kind.NEVER, decision(y, m.get("never").value()), rule, null, null, null, null, null, false, null, text, at);
        }
        if (m.containsKey("decision")) {
            DecisionKind k = decision(y, m.get("decision").value());
            String rule = m.containsKey("rule") ? y.scalar(m.get("rule").value(), "rule") : null;
            Duration within = m.containsKey("within") ? duration(y, m.get("within").value(), "within") : null;
            String of = m.containsKey("of") ? y.scalar(m.get("of").value(), "of") : null;
            Duration atOffset = m.containsKey("at") ? offset(y, m.get("at").value(), "at") : null;
            if (of != null && atOffset != null) {
                y.error(m.get("at").value(), "an expectation counts from a fault ('of') or from an offset ('at'), not both");
            }
            return new Expectation(Expectation.Kind.DECISION, k, rule, within, of, atOffset, null, null, false, null, text, at);
        }
        if (m.containsKey("phase")) {
            String phase = y.scalar(m.get("phase").value(), "phase");
            Duration by = m.containsKey("reached-by") ? offset(y, m.get("reached-by").value(), "reached-by") : null;
            boolean notReached = m.containsKey("reached") && !bool(y, m.get("reached").value(), "reached");
            return new Expectation(Expectation.Kind.PHASE, null, null, null, null, null, phase, by, notReached, null, text, at);
        }
        if (m.containsKey("outcome")) {
            String o = y.scalar(m.get("outcome").value(), "outcome");
            if (o != null && !OUTCOMES.contains(o)) {
                y.error(m.get("outcome").value(), "expected outcome completed, rolled-back, aborted or running, got '" + o + "'"
                        + Suggestions.didYouMean(o, OUTCOMES));
            }
            return new Expectation(Expectation.Kind.OUTCOME, null, null, null, null, null, null, null, false, o, text, at);
        }
        y.error(n, "an expectation has one of: decision (with within/of/rule), never, phase (with reached-by or reached), outcome");
        return null;
    }

    private static String describe(YamlTree y, Map<String, YamlTree.Entry> m) {
        StringBuilder b = new StringBuilder();
        m.forEach((k, v) -> {
            Object p = y.plain(v.value());
            b.append(b.length() == 0 ? "" : " ").append(k).append(": ").append(p);
        });
        return b.toString();
    }

    private static DecisionKind decision(YamlTree y, YamlNode n) {
        String s = y.scalar(n, "decision");
        try {
            return DecisionKind.valueOf(String.valueOf(s).toUpperCase().replace('-', '_'));
        } catch (IllegalArgumentException e) {
            y.error(n, "expected a decision GO, NO_GO, HOLD, ROLLBACK, FIX_FORWARD or ADVISE, got '" + s + "'"
                    + Suggestions.didYouMean(s, names(DecisionKind.values())));
            return DecisionKind.ADVISE;
        }
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static Duration offset(YamlTree y, YamlNode n, String what) {
        return parsedDuration(y, n, what, Offsets::parse);
    }

    private static Duration duration(YamlTree y, YamlNode n, String what) {
        return parsedDuration(y, n, what, Durations::parse);
    }

    /** Parses a scalar with {@code parser}; a parse error or a value past {@link DurationRange#ANY} is reported at the node and reads as zero. */
    private static Duration parsedDuration(YamlTree y, YamlNode n, String what, java.util.function.Function<String, Duration> parser) {
        return parsedDuration(y, n, what, parser, DurationRange.ANY);
    }

    private static Duration parsedDuration(YamlTree y, YamlNode n, String what, java.util.function.Function<String, Duration> parser,
                                           DurationRange range) {
        String s = y.scalar(n, what);
        try {
            Duration d = parser.apply(s);
            if (!range.contains(d)) {
                y.error(n, what + ": expected a duration " + range.describe() + ", got '" + s + "'");
                return Duration.ZERO;
            }
            return d;
        } catch (IllegalArgumentException | ArithmeticException e) {
            y.error(n, what + ": " + e.getMessage());
            return Duration.ZERO;
        }
    }

    private static double number(YamlTree y, YamlNode n, String what) {
        String s = y.scalar(n, what);
        Double d = s == null ? null : ThresholdSpec.finite(s);
        if (d == null) {
            y.error(n, what + ": expected a finite number, got '" + s + "'");
            return 0;
        }
        return d;
    }

    private static boolean bool(YamlTree y, YamlNode n, String what) {
        String s = y.scalar(n, what);
        if ("true".equals(s) || "false".equals(s)) {
            return Boolean.parseBoolean(s);
        }
        y.error(n, what + ": expected true or false, got '" + s + "'");
        return false;
    }

    private static String requiredText(YamlTree y, Map<String, YamlTree.Entry> m, String key, YamlNode parent, String what) {
        if (!m.containsKey(key)) {
            y.error(parent, "missing '" + key + "': " + what);
            return null;
        }
        return y.scalar(m.get(key).value(), key);
    }

    private static String optionalText(YamlTree y, Map<String, YamlTree.Entry> m, String key) {
        return m.containsKey(key) ? y.scalar(m.get(key).value(), key) : null;
    }

    private static RunbookLoad defaultRunbookLoader(Path path) {
        return RunbookBridge.load(path);
    }
}
