package dev.switchman.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.ConfirmationDialogObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dev.switchman.core.chat.Capabilities;
import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.chat.MessageFitter;
import dev.switchman.core.check.CheckStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link ChatMessage} in Block Kit (docs.slack.dev/reference/block-kit): a header (the title), a section
 * with the text, a section of fields (two columns), a section per ten checks (the check table: status,
 * check, message, age), an actions block with the buttons (only their action ids on the wire; {@code danger}
 * buttons red, {@code confirm} buttons with a native confirmation dialog). Slack's limits are respected:
 * header 150 characters, section text 3,000, a field 2,000 and ten per section, button labels 75,
 * 25 elements in an actions block, 50 blocks. Text is escaped for mrkdwn ({@code & < >}).
 */
public final class SlackBlocks {

    static final int HEADER_MAX = 150;
    static final int SECTION_MAX = 3_000;
    static final int FIELD_MAX = 2_000;
    static final int FIELDS_PER_SECTION = 10;
    static final int CHECKS_PER_SECTION = 10;
    static final int LABEL_MAX = 75;

    private SlackBlocks() {
    }

    /** The blocks of {@code message}, fitted to {@code caps} first ({@link MessageFitter}). */
    public static List<LayoutBlock> render(ChatMessage message, Capabilities caps) {
        ChatMessage m = MessageFitter.fit(message, caps);
        List<LayoutBlock> blocks = new ArrayList<>();
        if (!m.title().isEmpty()) {
            blocks.add(header(h -> h.text(plainText(cut(icon(m.tone()) + m.title(), HEADER_MAX)))));
        }
        if (!m.text().isEmpty()) {
            blocks.add(section(s -> s.text(markdownText(cut(escape(m.text()), SECTION_MAX)))));
        }
        List<TextObject> fields = new ArrayList<>();
        for (ChatMessage.Field f : m.fields()) {
            fields.add(markdownText(cut("*" + escape(f.label()) + "*\n" + escape(f.value()), FIELD_MAX)));
            if (fields.size() == FIELDS_PER_SECTION) {
                List<TextObject> batch = List.copyOf(fields);
                blocks.add(section(s -> s.fields(batch)));
                fields.clear();
            }
        }
        if (!fields.isEmpty()) {
            List<TextObject> batch = List.copyOf(fields);
            blocks.add(section(s -> s.fields(batch)));
        }
        List<String> rows = new ArrayList<>();
        for (ChatMessage.CheckRow c : m.checks()) {
            StringBuilder b = new StringBuilder(emoji(c.status())).append(" *").append(escape(c.checkId())).append("* `")
                    .append(c.status()).append('`');
            if (c.message() != null && !c.message().isEmpty()) b.append(" ").append(escape(c.message()));
            if (c.age() != null && !c.age().isEmpty()) b.append(" _(").append(escape(c.age())).append(")_");
            rows.add(b.toString());
            if (rows.size() == CHECKS_PER_SECTION) {
                String table = cut(String.join("\n", rows), SECTION_MAX);
                blocks.add(section(s -> s.text(markdownText(table))));
                rows.clear();
            }
        }
        if (!rows.isEmpty()) {
            String table = cut(String.join("\n", rows), SECTION_MAX);
            blocks.add(section(s -> s.text(markdownText(table))));
        }
        List<BlockElement> buttons = new ArrayList<>();
        for (ChatMessage.Button b : m.buttons()) {
            if (b.actionId() == null) {
                continue; // not registered by the bot: never put a command on the wire
            }
            buttons.add(button(b));
        }
        if (!buttons.isEmpty()) {
            blocks.add(actions(a -> a.elements(buttons)));
        }
        if (blocks.size() > 50) {
            List<LayoutBlock> cut = new ArrayList<>(blocks.subList(0, 49));
            cut.add(context(c -> c.elements(List.of(markdownText("(more left out: Slack shows 50 blocks)")))));
            return cut;
        }
        return blocks;
    }

    private static ButtonElement button(ChatMessage.Button b) {
        ButtonElement.ButtonElementBuilder e = ButtonElement.builder()
                .actionId(b.actionId())
                .text(plainText(cut(b.label(), LABEL_MAX)))
                .style(b.danger() ? "danger" : null);
        if (b.confirm()) {
            e.confirm(ConfirmationDialogObject.builder()
                    .title(plainText(cut(b.label() + "?", 100)))
                    .text(plainText(cut("This runs `" + b.command() + "` as you, for everyone. Sure?", 300)))
                    .confirm(plainText(cut(b.label(), 30)))
                    .deny(plainText("Cancel"))
                    .style(b.danger() ? "danger" : "primary")
                    .build());
        }
        return e.build();
    }

    /** The notification text (shown where blocks are not: notifications, screen readers): the title, else the text. */
    public static String fallback(ChatMessage message) {
        String t = message.title().isEmpty() ? message.text() : message.title();
        return cut(t.isEmpty() ? message.plain() : t, SECTION_MAX);
    }

    private static String icon(ChatMessage.Tone tone) {
        return switch (tone) {
            case SUCCESS -> "\u2705 ";
            case WARNING -> "\u26a0\ufe0f ";
            case DANGER -> "\u26d4 ";
            case INFO -> "";
        };
    }

    private static String emoji(CheckStatus status) {
        return switch (status) {
            case PASS -> ":white_check_mark:";
            case WARN -> ":warning:";
            case FAIL -> ":x:";
            case ERROR -> ":exclamation:";
            case UNKNOWN -> ":grey_question:";
        };
    }

    /** Slack mrkdwn control characters (docs.slack.dev/messaging/formatting-message-text#escaping). */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }
}
