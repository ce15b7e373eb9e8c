package dev.switchman.discord;

import dev.switchman.core.chat.Capabilities;
import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.chat.MessageFitter;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * Draws a backend-neutral {@link ChatMessage} as a Discord message with JDA's builders (so Discord's limits
 * are enforced where they are defined): one embed (title, text and the check table in the description,
 * colour by tone, fields) and the buttons in action rows of five, each button's {@code custom_id} the
 * bot's short action id (docs: "Components / Reference", Button). Mentions are disabled
 * ({@code allowed_mentions.parse = []}): runbook text never pings {@code @everyone}.
 *
 * <p>Limits (docs: "Resources / Message", Embed Limits): title 256, description 4,096, 25 fields of
 * 256/1,024, 6,000 characters in all; 5 rows of 5 buttons, labels 80, custom ids 100. Longer parts are cut
 * and marked with "…", never refused.
 */
public final class DiscordMessages {

    /** The ephemeral flag of a message or interaction response (docs: "Resources / Message", Message Flags: 1 << 6). */
    public static final int EPHEMERAL = 64;

    private static final int INFO = 0x5865F2;
    private static final int SUCCESS = 0x57F287;
    private static final int WARNING = 0xFEE75C;
    private static final int DANGER = 0xED4245;

    private DiscordMessages() {
    }

    /** The message as JDA's create data (what the gateway's {@code reply} takes). */
    public static MessageCreateData render(ChatMessage message) {
        ChatMessage m = MessageFitter.fit(message, Capabilities.discord());
        MessageCreateBuilder b = new MessageCreateBuilder().setAllowedMentions(List.of()).setEmbeds(embed(m));
        List<Button> buttons = new ArrayList<>();
        for (ChatMessage.Button x : m.buttons()) {
            String label = cut(x.label(), Button.LABEL_MAX_LENGTH);
            buttons.add(x.danger() ? Button.danger(x.actionId(), label) : Button.primary(x.actionId(), label));
        }
        List<ActionRow> rows = new ArrayList<>();
        for (int i = 0; i < buttons.size() && rows.size() < 5; i += 5) {
            rows.add(ActionRow.of(buttons.subList(i, Math.min(buttons.size(), i + 5))));
        }
        b.setComponents(rows);
        return b.build();
    }

    /** The JSON body of a new message or follow-up; {@code ephemeral} sets flag 64. */
    public static String json(ChatMessage message, boolean ephemeral) {
        DataObject d = render(message).toData();
        if (ephemeral) d.put("flags", EPHEMERAL);
        return d.toString();
    }

    /** The JSON body of an edit ({@code PATCH} of a message or of {@code @original}): the whole message replaced. */
    public static String editJson(ChatMessage message) {
        return MessageEditData.fromCreateData(render(message)).toData().toString();
    }

    /** An interaction response (docs: "Interactions / Receiving and Responding", Interaction Response Object). */
    public static String response(int type, DataObject data) {
        DataObject r = DataObject.empty().put("type", type);
        if (data != null) r.put("data", data);
        return r.toString();
    }

    /** {@code CHANNEL_MESSAGE_WITH_SOURCE} (4): the answer itself, when it is ready before the acknowledgement leaves. */
    public static String messageResponse(ChatMessage message, boolean ephemeral) {
        DataObject d = render(message).toData();
        if (ephemeral) d.put("flags", EPHEMERAL);
        return response(4, d);
    }

    /** {@code DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE} (5): "thinking…", answered later by editing {@code @original}. */
    public static String deferredResponse(boolean ephemeral) {
        return response(5, ephemeral ? DataObject.empty().put("flags", EPHEMERAL) : null);
    }

    private static MessageEmbed embed(ChatMessage m) {
        EmbedBuilder e = new EmbedBuilder().setColor(switch (m.tone()) {
            case INFO -> INFO;
            case SUCCESS -> SUCCESS;
            case WARNING -> WARNING;
            case DANGER -> DANGER;
        });
        int budget = MessageEmbed.EMBED_MAX_LENGTH_BOT;
        if (!m.title().isEmpty()) {
            String t = cut(m.title(), MessageEmbed.TITLE_MAX_LENGTH);
            e.setTitle(t);
            budget -= t.length();
        }
        List<String[]> fields = new ArrayList<>();
        for (ChatMessage.Field f : m.fields()) {
            if (fields.size() >= MessageEmbed.MAX_FIELD_AMOUNT) break;
            String name = cut(f.label().isBlank() ? "\u200b" : f.label(), MessageEmbed.TITLE_MAX_LENGTH);
            String value = cut(f.value() == null || f.value().isBlank() ? "\u200b" : f.value(), MessageEmbed.VALUE_MAX_LENGTH);
            if (name.length() + value.length() > budget - 200) break;
            budget -= name.length() + value.length();
            fields.add(new String[] {name, value});
        }
        String description = description(m);
        if (!description.isEmpty()) e.setDescription(cut(description, Math.min(MessageEmbed.DESCRIPTION_MAX_LENGTH, Math.max(1, budget))));
        for (String[] f : fields) e.addField(f[0], f[1], f[1].length() <= 40);
        if (m.title().isEmpty() && description.isEmpty() && fields.isEmpty()) e.setDescription("\u200b");
        return e.build();
    }

    /** The text, then one line per check: a coloured mark, the id, its message and age. */
    private static String description(ChatMessage m) {
        StringBuilder b = new StringBuilder(m.text());
        if (!m.checks().isEmpty()) {
            if (b.length() > 0) b.append("\n\n");
            for (ChatMessage.CheckRow c : m.checks()) {
                b.append(mark(c.status())).append(" `").append(c.checkId()).append('`');
                if (c.message() != null && !c.message().isEmpty()) b.append(" — ").append(c.message());
                if (c.age() != null && !c.age().isEmpty()) b.append(" _(").append(c.age()).append(")_");
                b.append('\n');
            }
        }
        return b.toString().stripTrailing();
    }

    private static String mark(dev.switchman.core.check.CheckStatus s) {
        if (s == null) return "⚪";
        return switch (s) {
            case PASS -> "🟢";
            case WARN -> "🟡";
            case FAIL -> "🔴";
            case ERROR -> "🟠";
            case UNKNOWN -> "⚪";
        };
    }

    static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, Math.max(0, max - 1)) + "…";
    }
}
