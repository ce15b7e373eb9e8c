package dev.switchman.simulator.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.decision.Decision;
import dev.switchman.core.event.Event;
import dev.switchman.core.event.EventStore;
import dev.switchman.core.run.EventTypes;
import dev.switchman.core.run.Payloads;
import dev.switchman.core.time.Durations;
import dev.switchman.simulator.scenario.Offsets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code switchman record RUN-ID --out FILE}: turns a run's event log into a scenario. Each check's
 * results become timeline entries (only where the result changed), the first result its baseline;
 * the commands people typed become timeline commands (responders: scripted); every decision the rules
 * made becomes an expectation at its recorded offset (give or take {@link #TOLERANCE}), and the run's
 * end its outcome. Replaying the file reproduces the run's decisions.
 */
public final class Recorder {

    /** How far a replayed decision may drift from the recorded one (checks run on their own grid). */
    public static final Duration TOLERANCE = Duration.ofMinutes(2);

    /** Block style, no document marker, quotes only where YAML needs them (and on number-like strings). */
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();

    private Recorder() {
    }

    /** Records into {@code out}; the runbook file is looked up under runbooks/ in the working directory (see {@link #locate}). */
    public static Path record(EventStore store, String runId, Path out) {
        return record(store, runId, out, null);
    }

    public static Path record(EventStore store, String runId, Path out, Path runbookFile) {
        List<Event> events = store.read(runId);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("no run " + runId + " in the event store; `switchman runs` lists them");
        }
        Event started = events.stream().filter(e -> e.type().equals(EventTypes.RUN_STARTED)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("run " + runId + " has no RUN_STARTED event"));
        JsonNode sp = Payloads.read(started.payload());
        String runbookId = Payloads.text(sp, "runbook");
        Instant start = started.at();
        Path rb = runbookFile != null ? runbookFile : locate(runbookId);
        Path dir = out.toAbsolutePath().getParent();
        String rbRef = rb == null ? runbookId + ".yaml" : dir.relativize(rb.toAbsolutePath()).toString();

        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("scenario", ("recorded-" + runId).toLowerCase().replaceAll("[^a-z0-9-]", "-"));
        doc.put("title", "Recorded run " + runId + " of " + runbookId);
        doc.put("description", "Recorded by switchman record from run " + runId + "; replaying it reproduces the run's decisions.");
        doc.put("runbook", rbRef);
        doc.put("start", start.toString());
        doc.put("speed", "max");
        doc.put("responders", Map.of("mode", "scripted"));
        Map<String, Object> baseline = new LinkedHashMap<>();
        List<Object> timeline = new ArrayList<>();
        List<Object> expect = new ArrayList<>();
        Map<String, CheckResult> last = new HashMap<>();
        Map<String, Instant> lastDecision = new HashMap<>();
        String outcome = "running";
        Instant end = start;
        for (Event e : events) {
            end = e.at();
            JsonNode p = Payloads.read(e.payload());
            Duration at = Duration.between(start, e.at());
            switch (e.type()) {
                case EventTypes.CHECK_RESULT -> {
                    CheckResult r = Payloads.checkResult(p);
                    CheckResult before = last.put(r.checkId(), r);
                    if (before == null) {
                        baseline.put(r.checkId(), result(r));
                    } else if (changed(before, r)) {
                        Map<String, Object> entry = new LinkedHashMap<>();
                        entry.put("at", Offsets.format(at));
                        entry.put("check", r.checkId());
                        entry.putAll(result(r));
                        timeline.add(entry);
                    }
                }
                case EventTypes.COMMAND -> {
                    String text = Payloads.text(p, "text");
                    if (text != null && !text.trim().startsWith("start")) {
                        Map<String, Object> entry = new LinkedHashMap<>();
                        entry.put("at", Offsets.format(at));
                        entry.put("command", text);
                        entry.put("by", e.actor());
                        timeline.add(entry);
                    }
                }
                case EventTypes.DECISION -> {
                    Decision d = Payloads.decision(p.get("decision"));
                    String key = d.kind() + "/" + d.ruleId();
                    Instant prev = lastDecision.put(key, d.at());
                    if (prev == null || Duration.between(prev, d.at()).compareTo(TOLERANCE.multipliedBy(2)) > 0) {
                        Duration off = Duration.between(start, d.at()).minus(TOLERANCE);
                        Map<String, Object> x = new LinkedHashMap<>();
                        x.put("decision", d.kind().name());
                        x.put("rule", d.ruleId());
                        x.put("at", Offsets.format(off.isNegative() ? Duration.ZERO : off));
                        x.put("within", Durations.format(TOLERANCE.multipliedBy(2)));
                        expect.add(x);
                    }
                }
                case EventTypes.RUN_COMPLETED -> outcome = "completed";
                case EventTypes.RUN_ROLLED_BACK -> outcome = "rolled-back";
                case EventTypes.RUN_ABORTED -> outcome = "aborted";
                default -> {
                }
            }
        }
        expect.add(Map.of("outcome", outcome));
        doc.put("end", Offsets.format(Duration.between(start, end).plusMinutes(5)));
        if (!baseline.isEmpty()) {
            doc.put("baseline", baseline);
        }
        doc.put("timeline", timeline);
        doc.put("expect", expect);
        String yaml;
        try {
            yaml = dev.switchman.core.secret.Secrets.redact("# Recorded from run " + runId + " (" + events.size() + " events). Replay: switchman rehearse "
                    + out.getFileName() + "\n" + YAML.writeValueAsString(doc));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the scenario as YAML: " + e.getMessage(), e);
        }
        try {
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Files.writeString(out, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static boolean changed(CheckResult a, CheckResult b) {
        return a.status() != b.status() || !Objects.equals(a.observations(), b.observations()) || !Objects.equals(a.message(), b.message());
    }

    private static Map<String, Object> result(CheckResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", r.status().name());
        if (!r.observations().isEmpty()) {
            m.put("observations", new LinkedHashMap<>(r.observations()));
        }
        m.put("message", r.message());
        return m;
    }

    /** runbooks/ID/ID.yaml, runbooks/ID.yaml, or any ID.yaml under runbooks/ (working directory). */
    static Path locate(String runbookId) {
        for (Path p : List.of(Path.of("runbooks", runbookId, runbookId + ".yaml"), Path.of("runbooks", runbookId + ".yaml"))) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        if (Files.isDirectory(Path.of("runbooks"))) {
            try (java.util.stream.Stream<Path> s = Files.walk(Path.of("runbooks"), 4)) {
                return s.filter(f -> f.getFileName().toString().equals(runbookId + ".yaml")).sorted().findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
        }
        return null;
    }
}
