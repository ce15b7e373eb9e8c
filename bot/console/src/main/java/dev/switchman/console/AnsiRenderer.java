package dev.switchman.console;

import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.check.CheckStatus;

/**
 * Renders a {@link ChatMessage} for a terminal: bold coloured title, fields, a check table with
 * PASS green, WARN/UNKNOWN yellow, FAIL/ERROR red, and buttons shown as the commands to type.
 * With {@code ansi=false} the same layout without escape codes (scripts, pipes, tests).
 */
public final class AnsiRenderer {

    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";
    private static final String RED = "\u001b[31m";
    private static final String GREEN = "\u001b[32m";
    private static final String YELLOW = "\u001b[33m";
    private static final String BLUE = "\u001b[34m";
    private static final String CYAN = "\u001b[36m";

    private final boolean ansi;

    public AnsiRenderer(boolean ansi) {
        this.ansi = ansi;
    }

    public boolean ansi() {
        return ansi;
    }

    public String render(ChatMessage m) {
        StringBuilder b = new StringBuilder();
        if (!m.title().isEmpty()) {
            b.append(style(BOLD + toneColour(m.tone()), m.title())).append('\n');
        }
        if (!m.text().isEmpty()) {
            b.append(m.text()).append('\n');
        }
        int width = m.fields().stream().mapToInt(f -> f.label().length()).max().orElse(0);
        for (ChatMessage.Field f : m.fields()) {
            b.append("  ").append(style(BOLD, pad(f.label() + ":", width + 1))).append(' ').append(f.value()).append('\n');
        }
        if (!m.checks().isEmpty()) {
            int idWidth = m.checks().stream().mapToInt(c -> c.checkId().length()).max().orElse(0);
            for (ChatMessage.CheckRow c : m.checks()) {
                b.append("  ").append(style(statusColour(c.status()), pad(String.valueOf(c.status()), 7)))
                        .append(' ').append(pad(c.checkId(), idWidth));
                if (c.message() != null && !c.message().isEmpty()) {
                    b.append("  ").append(c.message());
                }
                if (c.age() != null && !c.age().isEmpty()) {
                    b.append(' ').append(style(DIM, "(" + c.age() + ")"));
                }
                b.append('\n');
            }
        }
        if (!m.buttons().isEmpty()) {
            b.append("  ");
            boolean first = true;
            for (ChatMessage.Button button : m.buttons()) {
                if (!first) {
                    b.append("   ");
                }
                first = false;
                String label = "[" + button.label() + "]";
                b.append(style(button.danger() ? RED : CYAN, label)).append(' ').append(style(BOLD, button.command()));
                if (button.confirm()) {
                    b.append(style(DIM, " (asks to confirm)"));
                }
            }
            b.append('\n');
        }
        return b.toString().stripTrailing();
    }

    /** Dimmed text (plain when not ANSI). */
    public String dim(String text) {
        return style(DIM, text);
    }

    private String style(String codes, String text) {
        return ansi ? codes + text + RESET : text;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static String toneColour(ChatMessage.Tone tone) {
        return switch (tone) {
            case INFO -> BLUE;
            case SUCCESS -> GREEN;
            case WARNING -> YELLOW;
            case DANGER -> RED;
        };
    }

    static String statusColour(CheckStatus status) {
        if (status == null) {
            return YELLOW;
        }
        return switch (status) {
            case PASS -> GREEN;
            case WARN, UNKNOWN -> YELLOW;
            case FAIL, ERROR -> RED;
        };
    }
}
