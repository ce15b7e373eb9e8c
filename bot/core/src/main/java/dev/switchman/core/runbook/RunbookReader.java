package dev.switchman.core.runbook;

import dev.switchman.core.check.CheckProvider;
import dev.switchman.core.check.CheckProviders;
import dev.switchman.core.time.DurationRange;
import dev.switchman.core.yaml.Problems;
import dev.switchman.core.yaml.SourceLocation;
import dev.switchman.core.yaml.StrictMap;
import dev.switchman.core.text.Suggestions;
import dev.switchman.core.yaml.YamlList;
import dev.switchman.core.yaml.YamlMap;
import dev.switchman.core.yaml.YamlNode;
import dev.switchman.core.yaml.YamlScalar;
import dev.switchman.core.yaml.YamlValues;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Turns one parsed runbook document into a {@link Runbook}, collecting every problem. One per load. */
final class RunbookReader {

    static final String OLD_TTL_ELAPSED = "old-ttl-elapsed";
    static final String TEAM = "team";
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)*");
    private static final Pattern USER = Pattern.compile("[a-z][a-z0-9-]*:\\S+");
    private static final Pattern SINK = Pattern.compile("(chat|email|webhook|statuspage):\\S.*");
    private static final String STEP_KEYS = "do, verify, wait, gate, approval, notify";
    /** A wait's {@code until:} lies in this span, so time arithmetic on it never overflows. */
    static final Instant EARLIEST_UNTIL = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant LATEST_UNTIL = Instant.parse("2200-01-01T00:00:00Z");

    private enum RefKind { CHECK, ROLE, APPROVAL_STEP, AUDIENCE, TTL_CHECK }

    private record Ref(RefKind kind, String name, String context, YamlNode at) {
    }

    private record Declared(SourceLocation at, String detail) {
    }

    private final String file;
    private final Problems problems;
    private final CheckProviders providers;
    private final Predicate<String> ruleExists;

    private final Map<String, Declared> checkIds = new LinkedHashMap<>();
    private final Map<String, Declared> phaseIds = new LinkedHashMap<>();
    private final Map<String, Declared> stepIds = new LinkedHashMap<>();
    private final Map<String, Declared> roleNames = new LinkedHashMap<>();
    private final Map<String, Declared> audiences = new LinkedHashMap<>();
    private final List<Ref> refs = new ArrayList<>();
    private String cutoverPhase;
    private SourceLocation cutoverAt;

    RunbookReader(String file, Problems problems, CheckProviders providers, Predicate<String> ruleExists) {
        this.file = file;
        this.problems = problems;
        this.providers = providers;
        this.ruleExists = ruleExists;
    }

    Runbook read(YamlNode root) {
        StrictMap top = StrictMap.of(root, "the runbook", problems);
        String id = top.requiredId("id");
        String title = top.requiredString("title");
        String description = top.optionalString("description", null);
        Roles roles = readRoles(top);
        List<Stakeholder> stakeholders = readStakeholders(top);
        Targets targets = readTargets(top);
        Thresholds thresholds = readThresholds(top);
        Duration rollbackWindow = top.optionalDuration("rollback-window", null, DurationRange.RUN_WINDOW);
        Duration pointOfNoReturn = top.optionalDuration("point-of-no-return", null, DurationRange.RUN_WINDOW);
        List<String> rules = readRules(top);
        List<CheckSpec> checks = new ArrayList<>();
        for (YamlNode n : top.optionalList("checks")) {
            CheckSpec c = readCheck(n);
            if (c != null) {
                checks.add(c);
            }
        }
        List<Phase> phases = new ArrayList<>();
        YamlNode phasesNode = top.required("phases");
        if (phasesNode != null) {
            List<YamlNode> items = YamlValues.list(phasesNode, "phases", problems);
            if (items.isEmpty() && phasesNode instanceof YamlList) {
                problems.error(phasesNode.location(), "phases: expected at least one phase");
            }
            for (YamlNode n : items) {
                phases.add(readPhase(n));
            }
        }
        top.finish();
        if (cutoverPhase == null && root instanceof YamlMap) {
            for (String key : List.of("rollback-window", "point-of-no-return")) {
                top.keyLocation(key).ifPresent(at -> problems.warning(at, key
                        + " is set but no phase is marked 'cutover: true', so it never starts; mark the phase where traffic moves"));
            }
        }
        resolveReferences(checks);
        return new Runbook(id, title, description, roles, stakeholders, targets, thresholds, rollbackWindow,
                pointOfNoReturn, checks, phases, rules, file);
    }

    // ---- top-level sections -------------------------------------------------------------------

    private Roles readRoles(StrictMap top) {
        Map<String, List<String>> members = new LinkedHashMap<>();
        Optional<YamlNode> node = top.optional("roles");
        if (node.isEmpty()) {
            return new Roles(members);
        }
        if (!(node.get() instanceof YamlMap m)) {
            YamlValues.mismatch(node.get(), "roles", "a mapping of role names to lists of user ids", problems);
            return new Roles(members);
        }
        for (YamlMap.Entry e : m.entries()) {
            String role = e.key();
            if (!YamlValues.ID.matcher(role).matches()) {
                problems.error(e.keyLocation(), "roles: expected a role name of lowercase letters, digits and dashes such as rollback-authority, got '" + role + "'");
                continue;
            }
            roleNames.put(role, new Declared(e.keyLocation(), null));
            List<String> users = new ArrayList<>();
            for (YamlNode u : YamlValues.list(e.value(), "roles." + role, problems)) {
                String user = YamlValues.string(u, "roles." + role, problems);
                if (user == null) {
                    continue;
                }
                if (!USER.matcher(user).matches()) {
                    problems.error(u.location(), "roles." + role + ": expected a user id qualified by its platform such as console:alice or slack:U024BE7LH, got '" + user + "'");
                    continue;
                }
                users.add(user);
            }
            if (users.isEmpty() && e.value() instanceof YamlList l && l.items().isEmpty()) {
                problems.warning(e.keyLocation(), "role '" + role + "' has no members, so nobody can act in it");
            }
            members.put(role, users);
        }
        return new Roles(members);
    }

    private List<Stakeholder> readStakeholders(StrictMap top) {
        List<Stakeholder> out = new ArrayList<>();
        for (YamlNode n : top.optionalList("stakeholders")) {
            StrictMap m = StrictMap.of(n, "stakeholder", problems);
            String audience = m.requiredId("audience");
            String sink = m.requiredString("sink");
            Duration cadence = m.optionalDuration("cadence", null, DurationRange.CADENCE);
            m.finish();
            if (!m.isMap()) {
                continue;
            }
            if (sink != null && !SINK.matcher(sink).matches()) {
                problems.error(m.required("sink").location(), "sink: expected chat:<channel>, email:<address>, webhook:<url> or statuspage:<id>, got '" + sink + "'");
            }
            if (audience != null) {
                SourceLocation at = m.required("audience").location();
                if (TEAM.equals(audience)) {
                    problems.error(at, "audience: 'team' is reserved for the run's own channel; expected another name such as execs or support");
                } else if (audiences.containsKey(audience)) {
                    problems.error(at, "duplicate audience '" + audience + "' (first at line " + audiences.get(audience).at().line() + "); each audience is declared once");
                } else {
                    audiences.put(audience, new Declared(at, null));
                }
            }
            out.add(new Stakeholder(audience, sink, cadence, m.location()));
        }
        return out;
    }

    private Targets readTargets(StrictMap top) {
        StrictMap m = top.optionalMap("targets", "targets");
        Map<String, String> oldSide = m.optionalStringMap("old");
        Map<String, String> newSide = m.optionalStringMap("new");
        List<String> domains = m.optionalStringList("domains");
        m.finish();
        return new Targets(oldSide, newSide, domains);
    }

    private Thresholds readThresholds(StrictMap top) {
        Map<String, String> values = new LinkedHashMap<>();
        Optional<YamlNode> node = top.optional("thresholds");
        if (node.isEmpty()) {
            return Thresholds.none();
        }
        if (!(node.get() instanceof YamlMap m)) {
            YamlValues.mismatch(node.get(), "thresholds", "a mapping of names to numbers, durations or strings", problems);
            return Thresholds.none();
        }
        for (YamlMap.Entry e : m.entries()) {
            if (e.value() instanceof YamlScalar s && !s.isNull()) {
                String problem = thresholdProblem(e.key(), s.text());
                if (problem != null) {
                    problems.error(e.value().location(), "thresholds." + e.key() + ": " + problem);
                } else {
                    values.put(e.key(), s.text());
                }
            } else {
                YamlValues.mismatch(e.value(), "thresholds." + e.key(), "a number, a duration or a string", problems);
            }
        }
        return new Thresholds(values);
    }

    /** Null when {@code name: text} is an accepted threshold, else what is wrong (ranges in {@link ThresholdSpec#KNOWN}). */
    private static String thresholdProblem(String name, String text) {
        ThresholdSpec spec = ThresholdSpec.KNOWN.get(name);
        if (spec != null) {
            return spec.check(text);
        }
        if (name.startsWith(ThresholdSpec.CUSTOM_PREFIX)) {
            // a runbook's own rules read it: any text, but a number must be a finite one
            String t = text.trim();
            boolean numeric = t.matches("(?i)[-+]?(nan|inf(inity)?|\\.?\\d.*)");
            boolean duration = t.matches("\\d+(\\.\\d+)?(ms|s|m|h|d|w)(\\d.*)?");
            return numeric && !duration && ThresholdSpec.finite(t) == null ? "expected a finite number, got '" + text + "'" : null;
        }
        return "unknown threshold" + Suggestions.didYouMean(name, ThresholdSpec.KNOWN.keySet()) + " (known: "
                + String.join(", ", ThresholdSpec.KNOWN.keySet()) + "; a runbook's own rules may read names starting with "
                + ThresholdSpec.CUSTOM_PREFIX + ")";
    }

    private List<String> readRules(StrictMap top) {
        List<String> out = new ArrayList<>();
        for (YamlNode n : top.optionalList("rules")) {
            String path = YamlValues.string(n, "rules", problems);
            if (path == null) {
                continue;
            }
            if (!path.endsWith(".drl")) {
                problems.error(n.location(), "rules: expected the path of a .drl file relative to the runbook, got '" + path + "'");
                continue;
            }
            if (ruleExists != null && !ruleExists.test(path)) {
                problems.error(n.location(), "rules: no such rule file '" + path + "'; expected a .drl file relative to the runbook's folder");
                continue;
            }
            out.add(path);
        }
        return out;
    }

    // ---- checks ---------------------------------------------------------------------------------

    private CheckSpec readCheck(YamlNode node) {
        StrictMap m = StrictMap.of(node, "check", problems);
        String id = m.requiredId("id");
        if (id != null) {
            m.describedAs("check '" + id + "'");
        }
        String kind = m.requiredString("kind");
        YamlNode kindNode = kind == null ? null : m.required("kind");
        if (kind != null && !KIND.matcher(kind).matches()) {
            problems.error(kindNode.location(), "kind: expected a check kind such as dns.ttl or http.probe, got '" + kind + "'");
            kind = null;
        }
        Optional<YamlNode> paramsNode = m.optional("params");
        Map<String, String> params = paramsNode.map(this::readParams).orElseGet(LinkedHashMap::new);
        Duration interval = m.optionalDuration("interval", CheckSpec.DEFAULT_INTERVAL, DurationRange.CHECK_INTERVAL);
        Duration timeout = m.optionalDuration("timeout", CheckSpec.DEFAULT_TIMEOUT, DurationRange.CHECK_TIMEOUT);
        boolean blocking = m.optionalBoolean("blocking", true);
        String description = m.optionalString("description", null);
        Severity severity = readSeverity(m);
        m.finish();
        if (!m.isMap()) {
            return null;
        }
        if (id != null) {
            SourceLocation at = m.required("id").location();
            Declared first = checkIds.get(id);
            if (first != null) {
                problems.error(at, "duplicate check id '" + id + "' (first at line " + first.at().line() + "); check ids are unique");
            } else {
                checkIds.put(id, new Declared(at, kind));
            }
        }
        if (kind != null && providers != null) {
            validateWithProvider(kind, kindNode, params, paramsNode.map(YamlNode::location).orElse(m.location()));
        }
        return new CheckSpec(id, kind, params, interval, timeout, blocking, description, m.location(), severity);
    }

    /** {@code severity: critical | major | minor}; absent is null (the kind's default). */
    private Severity readSeverity(StrictMap m) {
        String word = m.optionalString("severity", null);
        if (word == null) {
            return null;
        }
        Optional<Severity> s = Severity.parse(word);
        if (s.isEmpty()) {
            problems.error(m.required("severity").location(), "severity: expected critical, major or minor, got '" + word + "'");
        }
        return s.orElse(null);
    }

    private Map<String, String> readParams(YamlNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!(node instanceof YamlMap m)) {
            YamlValues.mismatch(node, "params", "a mapping of parameter names to values", problems);
            return out;
        }
        for (YamlMap.Entry e : m.entries()) {
            YamlNode v = e.value();
            String name = "params." + e.key();
            if (v instanceof YamlList l) {
                List<String> parts = new ArrayList<>();
                for (YamlNode item : l.items()) {
                    if (item instanceof YamlScalar s && !s.isNull()) {
                        parts.add(s.text());
                    } else {
                        YamlValues.mismatch(item, name, "a scalar list item", problems);
                    }
                }
                out.put(e.key(), String.join(",", parts));
            } else if (v instanceof YamlScalar s && !s.isNull()) {
                out.put(e.key(), s.text());
            } else {
                YamlValues.mismatch(v, name, "a value or a list of values", problems);
            }
        }
        return out;
    }

    private void validateWithProvider(String kind, YamlNode kindNode, Map<String, String> params, SourceLocation paramsAt) {
        Optional<CheckProvider> provider = providers.find(kind);
        if (provider.isEmpty()) {
            problems.warning(kindNode.location(), "check kind " + kind + " has no live provider in this build; it can only be rehearsed"
                    + Suggestions.didYouMean(kind, providers.kinds()));
            return;
        }
        try {
            for (String message : provider.get().validate(params)) {
                problems.error(paramsAt, "params: " + message);
            }
        } catch (RuntimeException e) {
            problems.error(paramsAt, "params: the " + kind + " provider could not validate them: " + e);
        }
    }

    // ---- phases and steps -----------------------------------------------------------------------

    private Phase readPhase(YamlNode node) {
        StrictMap m = StrictMap.of(node, "phase", problems);
        String id = m.requiredId("id");
        if (id != null) {
            m.describedAs("phase '" + id + "'");
            SourceLocation at = m.required("id").location();
            Declared first = phaseIds.get(id);
            if (first != null) {
                problems.error(at, "duplicate phase id '" + id + "' (first at line " + first.at().line() + "); phase ids are unique");
            } else {
                phaseIds.put(id, new Declared(at, null));
            }
        }
        String title = m.optionalString("title", id);
        boolean cutover = m.optionalBoolean("cutover", false);
        if (cutover) {
            SourceLocation at = m.keyLocation("cutover").orElse(m.location());
            if (cutoverPhase != null) {
                problems.error(at, "cutover: phase '" + cutoverPhase + "' (line " + cutoverAt.line()
                        + ") is already the cutover phase; expected at most one phase with cutover: true");
            } else {
                cutoverPhase = id == null ? "?" : id;
                cutoverAt = at;
            }
        }
        List<Step> steps = new ArrayList<>();
        YamlNode stepsNode = m.required("steps");
        if (stepsNode != null) {
            List<YamlNode> items = YamlValues.list(stepsNode, "steps", problems);
            if (items.isEmpty() && stepsNode instanceof YamlList) {
                problems.error(stepsNode.location(), "steps: expected at least one step");
            }
            for (YamlNode n : items) {
                Step s = readStep(n);
                if (s != null) {
                    steps.add(s);
                }
            }
        }
        List<Step> rollback = new ArrayList<>();
        for (YamlNode n : m.optionalList("rollback")) {
            Step s = readStep(n);
            if (s != null) {
                rollback.add(s);
            }
        }
        m.finish();
        return new Phase(id, title, cutover, steps, rollback, m.location());
    }

    private Step readStep(YamlNode node) {
        StrictMap m = StrictMap.of(node, "step", problems);
        if (!m.isMap()) {
            return null;
        }
        String id = m.requiredId("id");
        if (id != null) {
            m.describedAs("step '" + id + "'");
        }
        String title = m.optionalString("title", null);
        List<StepKind> kinds = new ArrayList<>();
        for (StepKind k : StepKind.values()) {
            if (m.has(k.key())) {
                kinds.add(k);
            }
        }
        kinds.sort(Comparator.comparingInt((StepKind k) -> m.keyLocation(k.key()).map(SourceLocation::line).orElse(0))
                .thenComparingInt(k -> m.keyLocation(k.key()).map(SourceLocation::column).orElse(0)));
        String name = id == null ? "step" : "step '" + id + "'";
        StepKind kind = null;
        if (kinds.isEmpty()) {
            problems.error(m.location(), name + " needs exactly one of " + STEP_KEYS + "; found none");
        } else {
            kind = kinds.get(0);
            if (kinds.size() > 1) {
                StepKind second = kinds.get(1);
                problems.error(m.keyLocation(second.key()).orElse(m.location()), name + " has both '" + kind.key() + "' and '" + second.key()
                        + "'; expected exactly one of " + STEP_KEYS);
            }
        }
        String instruction = null;
        List<String> checks = List.of();
        WaitSpec waitSpec = null;
        GateSpec gate = null;
        String approvalRole = null;
        NotifySpec notification = null;
        for (StepKind k : kinds) {
            switch (k) {
                case MANUAL -> {
                    YamlNode n = m.required("do");
                    instruction = n == null ? null : YamlValues.text(n, "do", problems);
                }
                case VERIFY -> checks = readVerify(m);
                case WAIT -> waitSpec = readWait(m);
                case GATE -> gate = readGate(m);
                case APPROVAL -> approvalRole = readApproval(m);
                case NOTIFY -> notification = readNotify(m);
            }
        }
        String role = null;
        Optional<YamlNode> roleNode = m.optional("role");
        if (roleNode.isPresent()) {
            role = YamlValues.string(roleNode.get(), "role", problems);
            if (role != null) {
                refs.add(new Ref(RefKind.ROLE, role, "role", roleNode.get()));
            }
        }
        Duration expected = m.optionalDuration("expected", null, DurationRange.WAIT);
        m.finish();
        if (id != null) {
            SourceLocation at = m.required("id").location();
            Declared first = stepIds.get(id);
            if (first != null) {
                problems.error(at, "duplicate step id '" + id + "' (first at line " + first.at().line()
                        + "); step ids are unique across the whole runbook, rollback steps included");
            } else {
                stepIds.put(id, new Declared(at, kind == null ? null : kind.name()));
            }
        }
        if (kind == null) {
            return null;
        }
        return new Step(id, title, kind, instruction, checks, waitSpec, gate, approvalRole, notification, role, expected, m.location());
    }

    private List<String> readVerify(StrictMap m) {
        YamlNode n = m.required("verify");
        if (n == null) {
            return List.of();
        }
        List<String> ids = checkRefs(n, "verify");
        if (ids.isEmpty() && n instanceof YamlList) {
            problems.error(n.location(), "verify: expected at least one check id");
        }
        return ids;
    }

    private List<String> checkRefs(YamlNode listNode, String context) {
        List<String> ids = new ArrayList<>();
        for (YamlNode item : YamlValues.list(listNode, context, problems)) {
            String c = YamlValues.string(item, context, problems);
            if (c != null) {
                ids.add(c);
                refs.add(new Ref(RefKind.CHECK, c, context, item));
            }
        }
        return ids;
    }

    private WaitSpec readWait(StrictMap step) {
        YamlNode n = step.required("wait");
        if (n == null) {
            return null;
        }
        StrictMap w = StrictMap.of(n, "wait", problems);
        if (!w.isMap()) {
            return null;
        }
        List<String> present = new ArrayList<>();
        for (String k : List.of("duration", "until", "condition")) {
            if (w.optional(k).isPresent()) {
                present.add(k);
            }
        }
        Duration duration = w.optionalDuration("duration", null, DurationRange.WAIT);
        Instant until = w.optionalInstant("until");
        if (until != null && (until.isBefore(EARLIEST_UNTIL) || until.isAfter(LATEST_UNTIL))) {
            problems.error(w.optional("until").orElseThrow().location(), "wait.until: expected an instant from " + EARLIEST_UNTIL + " to "
                    + LATEST_UNTIL + ", got '" + until + "'");
            until = null;
        }
        String condition = w.optionalString("condition", null);
        Optional<YamlNode> checkNode = w.optional("check");
        w.finish();
        if (present.isEmpty()) {
            problems.error(w.location(), "wait: expected exactly one of duration, until or condition, got none");
        } else if (present.size() > 1) {
            problems.error(w.keyLocation(present.get(1)).orElse(w.location()),
                    "wait: expected exactly one of duration, until or condition, got " + String.join(" and ", present));
        }
        String check = null;
        if (condition != null) {
            YamlNode condNode = w.optional("condition").orElseThrow();
            if (!OLD_TTL_ELAPSED.equals(condition)) {
                problems.error(condNode.location(), "wait.condition: unknown condition '" + condition + "'; expected " + OLD_TTL_ELAPSED);
            }
            if (checkNode.isEmpty()) {
                problems.error(condNode.location(), "wait: condition " + condition + " needs 'check', the id of a dns.ttl check");
            }
        }
        if (checkNode.isPresent()) {
            check = YamlValues.string(checkNode.get(), "wait.check", problems);
            if (condition == null) {
                problems.error(checkNode.get().location(), "wait.check: only allowed with condition: " + OLD_TTL_ELAPSED);
            } else if (check != null) {
                refs.add(new Ref(RefKind.TTL_CHECK, check, "wait.check", checkNode.get()));
            }
        }
        return new WaitSpec(duration, until, condition, check);
    }

    private GateSpec readGate(StrictMap step) {
        Optional<YamlNode> n = step.optional("gate");
        if (n.isEmpty() || n.get() instanceof YamlScalar s && "".equals(s.text())) {
            return new GateSpec(List.of(), List.of());
        }
        StrictMap g = StrictMap.of(n.get(), "gate", problems);
        List<String> checks = g.optional("checks").map(c -> checkRefs(c, "gate.checks")).orElse(List.of());
        List<String> approvals = new ArrayList<>();
        for (YamlNode item : g.optionalList("approvals")) {
            String a = YamlValues.string(item, "gate.approvals", problems);
            if (a != null) {
                approvals.add(a);
                refs.add(new Ref(RefKind.APPROVAL_STEP, a, "gate.approvals", item));
            }
        }
        g.finish();
        return new GateSpec(checks, approvals);
    }

    private String readApproval(StrictMap step) {
        YamlNode n = step.required("approval");
        if (n == null) {
            return null;
        }
        String role = YamlValues.string(n, "approval", problems);
        if (role != null) {
            refs.add(new Ref(RefKind.ROLE, role, "approval", n));
        }
        return role;
    }

    private NotifySpec readNotify(StrictMap step) {
        YamlNode n = step.required("notify");
        if (n == null) {
            return null;
        }
        StrictMap m = StrictMap.of(n, "notify", problems);
        String audience = m.requiredString("audience");
        String text = m.requiredString("text");
        m.finish();
        if (audience != null) {
            refs.add(new Ref(RefKind.AUDIENCE, audience, "notify.audience", m.required("audience")));
        }
        return m.isMap() ? new NotifySpec(audience, text) : null;
    }

    // ---- references -----------------------------------------------------------------------------

    private void resolveReferences(List<CheckSpec> checks) {
        Map<String, String> kindOf = checks.stream().filter(c -> c.id() != null && c.kind() != null)
                .collect(Collectors.toMap(CheckSpec::id, CheckSpec::kind, (a, b) -> a));
        for (Ref r : refs) {
            SourceLocation at = r.at().location();
            switch (r.kind()) {
                case CHECK -> {
                    if (!checkIds.containsKey(r.name())) {
                        unknown(r, "check", checkIds, "a check id declared under checks");
                    }
                }
                case TTL_CHECK -> {
                    if (!checkIds.containsKey(r.name())) {
                        unknown(r, "check", checkIds, "the id of a dns.ttl check declared under checks");
                    } else if (kindOf.containsKey(r.name()) && !"dns.ttl".equals(kindOf.get(r.name()))) {
                        problems.error(at, r.context() + ": check '" + r.name() + "' is of kind " + kindOf.get(r.name())
                                + "; expected a dns.ttl check for condition " + OLD_TTL_ELAPSED);
                    }
                }
                case ROLE -> {
                    if (!roleNames.containsKey(r.name())) {
                        unknown(r, "role", roleNames, "a role defined under roles");
                    }
                }
                case AUDIENCE -> {
                    if (!TEAM.equals(r.name()) && !audiences.containsKey(r.name())) {
                        Map<String, Declared> candidates = new LinkedHashMap<>(audiences);
                        candidates.put(TEAM, null);
                        unknown(r, "audience", candidates, "a stakeholder audience or 'team'");
                    }
                }
                case APPROVAL_STEP -> {
                    Declared step = stepIds.get(r.name());
                    if (step == null) {
                        Map<String, Declared> approvals = new LinkedHashMap<>();
                        stepIds.forEach((k, v) -> {
                            if (StepKind.APPROVAL.name().equals(v.detail())) {
                                approvals.put(k, v);
                            }
                        });
                        unknown(r, "step", approvals, "the id of an approval step");
                    } else if (step.detail() != null && !StepKind.APPROVAL.name().equals(step.detail())) {
                        problems.error(at, r.context() + ": step '" + r.name() + "' is a " + StepKind.valueOf(step.detail()).name().toLowerCase()
                                + " step, not an approval step; expected the id of an approval step");
                    }
                }
            }
        }
    }

    private void unknown(Ref r, String noun, Map<String, Declared> declared, String expected) {
        String hint = Suggestions.closest(r.name(), declared.keySet())
                .map(s -> "; did you mean '" + s + "'?")
                .orElse("; expected " + expected + (declared.isEmpty() ? " (none declared)" : " (" + String.join(", ", declared.keySet()) + ")"));
        problems.error(r.at().location(), r.context() + ": unknown " + noun + " '" + r.name() + "'" + hint);
    }
}
