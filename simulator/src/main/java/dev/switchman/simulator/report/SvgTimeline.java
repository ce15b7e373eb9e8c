package dev.switchman.simulator.report;

import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.decision.Decision;
import dev.switchman.core.decision.DecisionKind;
import dev.switchman.core.time.Durations;
import dev.switchman.simulator.replay.RehearsalResult;
import dev.switchman.simulator.replay.ReplayLog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rehearsal as one SVG: phases as bands across the top, one lane per check coloured by status,
 * faults (red, F1..) and decisions (D1..) as numbered markers whose tooltips carry the reasons; the
 * report's tables list the same numbers with the full text.
 */
public final class SvgTimeline {

    static final int LABEL = 190;
    static final int WIDTH = 1340;
    static final int LANE = 18;
    static final int PHASE_BAND = 34;
    static final int MARKS = 46;

    private SvgTimeline() {
    }

    public static String render(RehearsalResult r) {
        ReplayLog log = r.log();
        Instant start = r.scenario().start();
        Instant end = log.endedAt() == null ? start.plusSeconds(1) : log.endedAt();
        double span = Math.max(1, Duration.between(start, end).toMillis());
        int plot = WIDTH - LABEL - 20;
        Map<String, List<ReplayLog.Segment>> lanes = log.segments();
        int top = MARKS + PHASE_BAND + 8;
        int height = top + lanes.size() * LANE + 40;
        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height).append("\" font-family=\"sans-serif\" font-size=\"11\">\n");
        b.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(height).append("\" fill=\"#ffffff\"/>\n");
        // phases
        String[] phaseFill = {"#e8eef9", "#eaf5ea", "#fdf3e1", "#f6e8f3", "#e6f4f4", "#f1f1e4"};
        int i = 0;
        for (ReplayLog.PhaseSpan p : log.phases()) {
            double x1 = LABEL + plot * Duration.between(start, p.from()).toMillis() / span;
            double x2 = LABEL + plot * Duration.between(start, p.to() == null ? end : p.to()).toMillis() / span;
            String fill = phaseFill[i++ % phaseFill.length];
            b.append(String.format(Locale.ROOT, "<rect class=\"phase\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\" stroke=\"#9aa5b1\"/>%n",
                    x1, MARKS, Math.max(1, x2 - x1), height - MARKS - 30, fill));
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-weight=\"bold\" fill=\"#334\">%s<title>%s from %s</title></text>%n",
                    x1 + 4, MARKS + 14, esc(clip(p.phaseId(), (x2 - x1) / 6.5)), esc(p.title() == null ? p.phaseId() : p.title()),
                    off(start, p.from())));
        }
        b.append("<text x=\"8\" y=\"").append(MARKS + 14).append("\" fill=\"#334\" font-weight=\"bold\">phases</text>\n");
        // lanes
        int y = top;
        for (Map.Entry<String, List<ReplayLog.Segment>> lane : lanes.entrySet()) {
            b.append("<text x=\"8\" y=\"").append(y + LANE - 6).append("\" fill=\"#222\">").append(esc(clip(lane.getKey(), 28))).append("</text>\n");
            b.append("<rect x=\"").append(LABEL).append("\" y=\"").append(y + 2).append("\" width=\"").append(plot)
                    .append("\" height=\"").append(LANE - 4).append("\" fill=\"#f4f4f4\"/>\n");
            for (ReplayLog.Segment s : lane.getValue()) {
                double x1 = LABEL + plot * Duration.between(start, s.from()).toMillis() / span;
                double x2 = LABEL + plot * Duration.between(start, s.to() == null ? end : s.to()).toMillis() / span;
                b.append(String.format(Locale.ROOT, "<rect class=\"status-%s\" x=\"%.1f\" y=\"%d\" width=\"%.2f\" height=\"%d\" fill=\"%s\"><title>%s %s %s..%s %s</title></rect>%n",
                        s.status().name().toLowerCase(), x1, y + 2, Math.max(0.8, x2 - x1), LANE - 4, color(s.status()),
                        esc(lane.getKey()), s.status(), off(start, s.from()), off(start, s.to() == null ? end : s.to()), esc(s.message())));
            }
            y += LANE;
        }
        // axis
        int axisY = y + 14;
        long hours = (long) Math.ceil(span / 3_600_000.0);
        long stepH = hours <= 12 ? 1 : hours <= 48 ? 4 : hours <= 120 ? 12 : 24;
        if (span < 3_600_000) {
            long mins = (long) Math.ceil(span / 60_000.0);
            long stepM = mins <= 15 ? 1 : mins <= 60 ? 5 : 15;
            for (long m = 0; m <= mins; m += stepM) {
                double x = LABEL + plot * (m * 60_000.0) / span;
                tick(b, x, axisY, "+" + m + "m", y);
            }
        } else {
            for (long h = 0; h <= hours; h += stepH) {
                double x = LABEL + plot * (h * 3_600_000.0) / span;
                if (x <= LABEL + plot + 1) {
                    tick(b, x, axisY, "+" + h + "h", y);
                }
            }
        }
        // faults
        int n = 1;
        for (ReplayLog.Fault f : log.faults()) {
            double x = LABEL + plot * Duration.between(start, f.at()).toMillis() / span;
            b.append(String.format(Locale.ROOT, "<g class=\"fault\"><line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#c62828\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>"
                            + "<polygon points=\"%.1f,%d %.1f,%d %.1f,%d\" fill=\"#c62828\"/><text x=\"%.1f\" y=\"%d\" fill=\"#c62828\" font-weight=\"bold\">F%d</text>"
                            + "<title>F%d fault %s at %s: %s</title></g>%n",
                    x, 30, x, y, x - 5, 20, x + 5, 20, x, 30, x + 6, 18, n, n, esc(f.id()), off(start, f.at()), esc(f.description())));
            n++;
        }
        // decisions
        n = 1;
        for (Decision d : log.decisions()) {
            double x = LABEL + plot * Duration.between(start, d.at()).toMillis() / span;
            String c = color(d.kind());
            b.append(String.format(Locale.ROOT, "<g class=\"decision decision-%s\"><line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"1\" opacity=\"0.7\"/>"
                            + "<rect x=\"%.1f\" y=\"%d\" width=\"9\" height=\"9\" transform=\"rotate(45 %.1f %d)\" fill=\"%s\"/>"
                            + "<text x=\"%.1f\" y=\"%d\" fill=\"%s\">D%d</text><title>D%d %s by %s at %s: %s</title></g>%n",
                    d.kind().name().toLowerCase(), x, 40, x, y, c, x - 4.5, 34, x, 38, c, x + 6, 44 - (n % 3) * 8, c, n, n, d.kind(), esc(d.ruleId()),
                    off(start, d.at()), esc(d.reason())));
            n++;
        }
        // legend
        int lx = LABEL;
        int ly = height - 8;
        for (CheckStatus s : CheckStatus.values()) {
            b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>%n",
                    lx, ly - 9, color(s), lx + 13, ly, s));
            lx += 75;
        }
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#c62828\">F = fault</text><text x=\"%d\" y=\"%d\">D = decision (hover for the reason)</text>%n",
                lx + 10, ly, lx + 90, ly));
        b.append("</svg>\n");
        return b.toString();
    }

    private static void tick(StringBuilder b, double x, int axisY, String label, int laneBottom) {
        b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#888\"/><text x=\"%.1f\" y=\"%d\" fill=\"#555\" text-anchor=\"middle\">%s</text>%n",
                x, laneBottom, x, laneBottom + 5, x, axisY, label));
    }

    static String color(CheckStatus s) {
        return switch (s) {
            case PASS -> "#43a047";
            case WARN -> "#f9a825";
            case FAIL -> "#e53935";
            case ERROR -> "#8e24aa";
            case UNKNOWN -> "#9e9e9e";
        };
    }

    static String color(DecisionKind k) {
        return switch (k) {
            case GO -> "#2e7d32";
            case NO_GO -> "#ef6c00";
            case HOLD -> "#f9a825";
            case ROLLBACK -> "#b71c1c";
            case FIX_FORWARD -> "#1565c0";
            case ADVISE -> "#546e7a";
        };
    }

    static String off(Instant start, Instant t) {
        return "+" + Durations.format(Duration.between(start, t));
    }

    static String clip(String s, double max) {
        int m = (int) Math.max(0, max);
        if (s.length() <= m) {
            return s;
        }
        return m <= 1 ? "" : s.substring(0, m - 1) + "…";
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
