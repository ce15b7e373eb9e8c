package dev.switchman.simulator.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.switchman.core.decision.Decision;
import dev.switchman.core.time.Durations;
import dev.switchman.core.secret.Secrets;
import dev.switchman.simulator.replay.Analysis;
import dev.switchman.simulator.replay.FaultMetrics;
import dev.switchman.simulator.replay.RehearsalResult;
import dev.switchman.simulator.replay.ReplayLog;
import dev.switchman.simulator.replay.Verdict;
import dev.switchman.simulator.scenario.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Writes report.md, report.html (with the SVG timeline) and report.json into a directory; secrets masked ({@link Secrets}). */
public final class ReportWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {
    }

    public static void write(RehearsalResult r, Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("report.md"), markdown(r));
            Files.writeString(dir.resolve("report.html"), html(r));
            Files.writeString(dir.resolve("report.json"), Secrets.redact(JSON.writeValueAsString(r.summary())) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + dir + ": " + e.getMessage(), e);
        }
    }

    public static String markdown(RehearsalResult r) {
        return Secrets.redact(markdownUnredacted(r));
    }

    private static String markdownUnredacted(RehearsalResult r) {
        Scenario s = r.scenario();
        StringBuilder b = new StringBuilder();
        b.append("# Rehearsal: ").append(s.title()).append("\n\n");
        b.append("- Scenario: `").append(s.id()).append("`, runbook `").append(r.runbook().id()).append("`\n");
        b.append("- Verdict: **").append(r.passed() ? "PASSED" : "FAILED").append("** (")
                .append(r.verdicts().stream().filter(Verdict::holds).count()).append(" of ").append(r.verdicts().size()).append(" expectations hold)\n");
        b.append("- Outcome: ").append(r.log().outcome()).append(r.interrupted() ? " (interrupted)" : "").append('\n');
        b.append("- Virtual time: ").append(Durations.format(r.virtualDuration())).append(" from ").append(s.start())
                .append("; wall time ").append(r.wallMillis()).append(" ms (").append(Math.round(r.speedup())).append("x); ")
                .append(r.log().results()).append(" check results").append(r.log().restarts() > 0 ? "; bot restarts: " + r.log().restarts() : "").append("\n\n");
        b.append("## Expectations\n\n| | expectation | detail |\n|---|---|---|\n");
        for (Verdict v : r.verdicts()) {
            b.append("| ").append(v.holds() ? "HOLDS" : "**FAILS**").append(" | `").append(md(v.expectation().text())).append("` | ")
                    .append(md(v.detail())).append(" |\n");
        }
        b.append("\n## Faults\n\n");
        if (r.faults().isEmpty()) {
            b.append("No fault injected.\n");
        } else {
            boolean chat = s.responders().mode() == Scenario.Responders.Mode.CHAT;
            b.append("| # | fault | check | at | rules: time to detect | rules: time to decision |").append(chat ? " team: time to detect | team: time to decide |" : "")
                    .append("\n|---|---|---|---|---|---|").append(chat ? "---|---|" : "").append('\n');
            int n = 1;
            for (FaultMetrics f : r.faults()) {
                b.append("| F").append(n++).append(" | ").append(f.faultId()).append(" | ").append(f.checkId() == null ? "" : f.checkId()).append(" | ")
                        .append(off(s.start(), f.at())).append(" | ").append(dur(f.timeToDetect())).append(f.detectedBy() == null ? "" : " (" + f.detectedBy() + ")")
                        .append(" | ").append(dur(f.timeToDecision())).append(f.decidedBy() == null ? "" : " (" + f.decidedBy() + ")").append(" |");
                if (chat) {
                    b.append(' ').append(dur(f.teamTimeToDetect())).append(" | ").append(dur(f.teamTimeToDecide())).append(" |");
                }
                b.append('\n');
            }
        }
        b.append("\n## Decisions\n\n");
        if (r.log().decisions().isEmpty()) {
            b.append("The rules made no decision.\n");
        } else {
            b.append("| # | at | decision | rule | phase | reason |\n|---|---|---|---|---|---|\n");
            int n = 1;
            for (Decision d : r.log().decisions()) {
                b.append("| D").append(n++).append(" | ").append(off(s.start(), d.at())).append(" | ").append(d.kind()).append(" | `").append(d.ruleId())
                        .append("` | ").append(d.phase() == null ? "" : d.phase()).append(" | ").append(md(d.reason())).append(" |\n");
            }
        }
        if (s.responders().mode() == Scenario.Responders.Mode.CHAT) {
            b.append("\n## Missed signals\n\n");
            List<Decision> missed = Analysis.missedSignals(r.log());
            if (missed.isEmpty()) {
                b.append("None: the team answered every alarm.\n");
            }
            for (Decision d : missed) {
                b.append("- ").append(off(s.start(), d.at())).append(' ').append(d.kind()).append(" (`").append(d.ruleId()).append("`): ").append(md(d.reason())).append('\n');
            }
        }
        b.append("\n## Phases\n\n");
        for (ReplayLog.PhaseSpan p : r.log().phases()) {
            b.append("- ").append(off(s.start(), p.from())).append(' ').append(p.phaseId()).append('\n');
        }
        if (!r.log().notes().isEmpty()) {
            b.append("\n## Notes\n\n");
            r.log().notes().forEach(n -> b.append("- ").append(md(n)).append('\n'));
        }
        return b.toString();
    }

    public static String html(RehearsalResult r) {
        return Secrets.redact(htmlUnredacted(r));
    }

    private static String htmlUnredacted(RehearsalResult r) {
        Scenario s = r.scenario();
        StringBuilder b = new StringBuilder();
        b.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Rehearsal: ").append(esc(s.title())).append("</title>\n<style>")
                .append("body{font-family:sans-serif;margin:24px;color:#222}table{border-collapse:collapse;margin:8px 0 18px}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;font-size:13px}")
                .append("th{background:#f0f2f5}.holds{color:#2e7d32;font-weight:bold}.fails{color:#c62828;font-weight:bold}.badge{display:inline-block;padding:2px 10px;border-radius:10px;color:#fff}")
                .append(".timeline{border:1px solid #ddd}</style></head><body>\n");
        b.append("<h1>Rehearsal: ").append(esc(s.title())).append(" <span class=\"badge\" style=\"background:").append(r.passed() ? "#2e7d32" : "#c62828").append("\">")
                .append(r.passed() ? "PASSED" : "FAILED").append("</span></h1>\n");
        b.append("<p>Scenario <code>").append(esc(s.id())).append("</code> of runbook <code>").append(esc(r.runbook().id())).append("</code>; outcome <b>")
                .append(esc(r.log().outcome())).append("</b>").append(r.interrupted() ? " (interrupted)" : "").append("; ")
                .append(Durations.format(r.virtualDuration())).append(" of virtual time in ").append(r.wallMillis()).append(" ms (")
                .append(Math.round(r.speedup())).append("x), ").append(r.log().results()).append(" check results.</p>\n");
        b.append(SvgTimeline.render(r));
        b.append("<h2>Expectations</h2><table><tr><th>verdict</th><th>expectation</th><th>detail</th></tr>\n");
        for (Verdict v : r.verdicts()) {
            b.append("<tr><td class=\"").append(v.holds() ? "holds\">HOLDS" : "fails\">FAILS").append("</td><td><code>").append(esc(v.expectation().text()))
                    .append("</code></td><td>").append(esc(v.detail())).append("</td></tr>\n");
        }
        b.append("</table>\n<h2>Faults</h2><table><tr><th>#</th><th>fault</th><th>check</th><th>at</th><th>time to detect</th><th>time to decision</th>");
        boolean chat = s.responders().mode() == Scenario.Responders.Mode.CHAT;
        if (chat) {
            b.append("<th>team: detect</th><th>team: decide</th>");
        }
        b.append("</tr>\n");
        int n = 1;
        for (FaultMetrics f : r.faults()) {
            b.append("<tr><td>F").append(n++).append("</td><td>").append(esc(f.faultId())).append("</td><td>").append(esc(f.checkId())).append("</td><td>")
                    .append(off(s.start(), f.at())).append("</td><td>").append(dur(f.timeToDetect())).append(f.detectedBy() == null ? "" : " (" + esc(f.detectedBy()) + ")")
                    .append("</td><td>").append(dur(f.timeToDecision())).append(f.decidedBy() == null ? "" : " (" + esc(f.decidedBy()) + ")").append("</td>");
            if (chat) {
                b.append("<td>").append(dur(f.teamTimeToDetect())).append("</td><td>").append(dur(f.teamTimeToDecide())).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</table>\n<h2>Decisions</h2><table><tr><th>#</th><th>at</th><th>decision</th><th>rule</th><th>phase</th><th>reason</th></tr>\n");
        n = 1;
        for (Decision d : r.log().decisions()) {
            b.append("<tr><td>D").append(n++).append("</td><td>").append(off(s.start(), d.at())).append("</td><td style=\"color:").append(SvgTimeline.color(d.kind()))
                    .append("\"><b>").append(d.kind()).append("</b></td><td><code>").append(esc(d.ruleId())).append("</code></td><td>").append(esc(d.phase()))
                    .append("</td><td>").append(esc(d.reason())).append("</td></tr>\n");
        }
        b.append("</table>\n<h2>Phases</h2><table><tr><th>phase</th><th>entered</th><th>left</th></tr>\n");
        for (ReplayLog.PhaseSpan p : r.log().phases()) {
            b.append("<tr><td>").append(esc(p.phaseId())).append("</td><td>").append(off(s.start(), p.from())).append("</td><td>")
                    .append(p.to() == null ? "" : off(s.start(), p.to())).append("</td></tr>\n");
        }
        b.append("</table>\n");
        if (!r.log().notes().isEmpty()) {
            b.append("<h2>Notes</h2><ul>\n");
            r.log().notes().forEach(note -> b.append("<li>").append(esc(note)).append("</li>\n"));
            b.append("</ul>\n");
        }
        if (chat) {
            b.append("<h2>Missed signals</h2><ul>\n");
            for (Decision d : Analysis.missedSignals(r.log())) {
                b.append("<li>").append(off(s.start(), d.at())).append(' ').append(d.kind()).append(" (<code>").append(esc(d.ruleId())).append("</code>): ")
                        .append(esc(d.reason())).append("</li>\n");
            }
            b.append("</ul>\n");
        }
        b.append("</body></html>\n");
        return b.toString();
    }

    private static String off(Instant start, Instant t) {
        return SvgTimeline.off(start, t);
    }

    private static String dur(Duration d) {
        return d == null ? "never" : Durations.format(d);
    }

    private static String md(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }

    private static String esc(String s) {
        return SvgTimeline.esc(s);
    }
}
