package dev.switchman.core.chat;

import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.secret.Secrets;
import java.util.ArrayList;
import java.util.List;

/**
 * A backend-neutral message: a title, text, fields, a table of checks and buttons. Each backend
 * renders it natively (Block Kit, Discord embeds and components, ANSI in the terminal). Its texts are
 * {@link Secrets#redact redacted} on construction, so no secret reaches any chat.
 */
public record ChatMessage(Tone tone, String title, String text, List<Field> fields, List<CheckRow> checks, List<Button> buttons) {

    public enum Tone { INFO, SUCCESS, WARNING, DANGER }

    /** A label/value pair. */
    public record Field(String label, String value) {
        public Field {
            value = Secrets.redact(value);
        }
    }

    /** One line of the check table. */
    public record CheckRow(String checkId, CheckStatus status, String message, String age) {
        public CheckRow {
            message = Secrets.redact(message);
        }
    }

    /** A button sends {@code command} as if typed by whoever presses it; {@code confirm} asks first. */
    public record Button(String label, String command, boolean danger, boolean confirm) {
    }

    public ChatMessage {
        tone = tone == null ? Tone.INFO : tone;
        title = title == null ? "" : Secrets.redact(title);
        text = text == null ? "" : Secrets.redact(text);
        fields = fields == null ? List.of() : List.copyOf(fields);
        checks = checks == null ? List.of() : List.copyOf(checks);
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
    }

    public static ChatMessage text(String text) {
        return new ChatMessage(Tone.INFO, "", text, List.of(), List.of(), List.of());
    }

    public static ChatMessage of(Tone tone, String title, String text) {
        return new ChatMessage(tone, title, text, List.of(), List.of(), List.of());
    }

    public static Builder builder(String title) {
        return new Builder(title);
    }

    /** The whole message as plain text, for transcripts, logs and tests. */
    public String plain() {
        StringBuilder b = new StringBuilder();
        if (!title.isEmpty()) b.append(title).append('\n');
        if (!text.isEmpty()) b.append(text).append('\n');
        for (Field f : fields) b.append(f.label()).append(": ").append(f.value()).append('\n');
        for (CheckRow c : checks) {
            b.append("  [").append(c.status()).append("] ").append(c.checkId());
            if (c.message() != null && !c.message().isEmpty()) b.append(" - ").append(c.message());
            if (c.age() != null && !c.age().isEmpty()) b.append(" (").append(c.age()).append(')');
            b.append('\n');
        }
        if (!buttons.isEmpty()) {
            b.append(String.join(" | ", buttons.stream().map(x -> "[" + x.label() + "]").toList())).append('\n');
        }
        return b.toString().stripTrailing();
    }

    public static final class Builder {
        private Tone tone = Tone.INFO;
        private final String title;
        private String text = "";
        private final List<Field> fields = new ArrayList<>();
        private final List<CheckRow> checks = new ArrayList<>();
        private final List<Button> buttons = new ArrayList<>();

        private Builder(String title) {
            this.title = title;
        }

        public Builder tone(Tone t) { this.tone = t; return this; }
        public Builder text(String t) { this.text = t; return this; }
        public Builder field(String label, String value) { fields.add(new Field(label, value)); return this; }
        public Builder check(CheckRow row) { checks.add(row); return this; }
        public Builder button(Button b) { buttons.add(b); return this; }
        public ChatMessage build() { return new ChatMessage(tone, title, text, fields, checks, buttons); }
    }
}
