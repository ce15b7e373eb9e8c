package dev.switchman.discord;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchman.core.chat.ChatUser;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One interaction as Discord delivered it, over either transport (the HTTP endpoint's verified JSON or a
 * JDA gateway event), reduced to what the bot needs (docs: "Interactions / Receiving and Responding",
 * Interaction Object).
 *
 * @param type            what kind of interaction
 * @param id              the interaction's id (the delivery id: a redelivery is applied once)
 * @param token           the interaction token (15 minutes; a secret: never logged)
 * @param applicationId   the application's id (the webhook id of the answers)
 * @param channelId       where it happened
 * @param user            who acted: {@code member.user} in a guild, {@code user} in a DM; groups are the
 *                        member's role ids as {@code discord-role:<id>}
 * @param command         {@code data.name} of a command ({@code switchman}), else null
 * @param subcommand      the subcommand's name, else null
 * @param options         the subcommand's options, name to value (String, Boolean or Number)
 * @param customId        a component's {@code custom_id} (the bot's action id), else null
 * @param sourceMessageId the message a component was on, else null
 * @param focused         the option being typed in an autocomplete, else null
 */
public record Incoming(Type type, String id, String token, String applicationId, String channelId, ChatUser user, String command,
                       String subcommand, Map<String, Object> options, String customId, String sourceMessageId, String focused) {

    /** Interaction types 1 to 4 (and the rest). */
    public enum Type {
        PING, APPLICATION_COMMAND, MESSAGE_COMPONENT, AUTOCOMPLETE, OTHER;

        static Type of(int raw) {
            return switch (raw) {
                case 1 -> PING;
                case 2 -> APPLICATION_COMMAND;
                case 3 -> MESSAGE_COMPONENT;
                case 4 -> AUTOCOMPLETE;
                default -> OTHER;
            };
        }
    }

    public Incoming {
        options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** The focused option's partial value, or "". */
    public String focusedValue() {
        Object v = focused == null ? null : options.get(focused);
        return v == null ? "" : v.toString();
    }

    /**
     * Reads an interaction object (the body of a verified request, or {@code d} of a gateway
     * {@code INTERACTION_CREATE}). The user comes from {@code member.user} (guild) or {@code user} (DM)
     * only: nothing in {@code data} can name who acted.
     */
    public static Incoming fromJson(JsonNode n) {
        Type type = Type.of(n.path("type").asInt(0));
        JsonNode member = n.path("member");
        JsonNode u = member.isObject() ? member.path("user") : n.path("user");
        ChatUser user = null;
        if (u.isObject() && !u.path("id").asText("").isEmpty()) {
            String name = text(member.path("nick"));
            if (name == null) name = text(u.path("global_name"));
            if (name == null) name = text(u.path("username"));
            Set<String> groups = new LinkedHashSet<>();
            for (JsonNode r : member.path("roles")) groups.add("discord-role:" + r.asText());
            user = new ChatUser("discord", u.path("id").asText(), name == null ? u.path("id").asText() : name, groups);
        }
        JsonNode data = n.path("data");
        String command = null;
        String sub = null;
        String focused = null;
        Map<String, Object> options = new LinkedHashMap<>();
        if (type == Type.APPLICATION_COMMAND || type == Type.AUTOCOMPLETE) {
            command = text(data.path("name"));
            for (JsonNode o : data.path("options")) {
                int t = o.path("type").asInt();
                if (t == 1 && sub == null) {
                    sub = text(o.path("name"));
                    for (JsonNode x : o.path("options")) {
                        focused = option(x, options, focused);
                    }
                } else if (t == 2) {
                    // a subcommand group: /switchman has none, so it is named as an unknown subcommand
                    sub = text(o.path("name")) + " " + text(o.path("options").path(0).path("name"));
                } else {
                    focused = option(o, options, focused);
                }
            }
        }
        String customId = type == Type.MESSAGE_COMPONENT ? text(data.path("custom_id")) : null;
        String source = type == Type.MESSAGE_COMPONENT ? text(n.path("message").path("id")) : null;
        String channel = text(n.path("channel_id"));
        if (channel == null) channel = text(n.path("channel").path("id"));
        return new Incoming(type, text(n.path("id")), text(n.path("token")), text(n.path("application_id")), channel, user, command, sub,
                options, customId, source, focused);
    }

    private static String option(JsonNode o, Map<String, Object> into, String focused) {
        String name = text(o.path("name"));
        if (name == null) return focused;
        JsonNode v = o.path("value");
        into.put(name, v.isBoolean() ? (Object) v.asBoolean() : v.isNumber() ? v.numberValue() : v.asText(""));
        return o.path("focused").asBoolean(false) ? name : focused;
    }

    private static String text(JsonNode n) {
        return n == null || n.isMissingNode() || n.isNull() ? null : n.asText();
    }
}
