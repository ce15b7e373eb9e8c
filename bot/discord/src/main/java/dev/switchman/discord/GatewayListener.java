package dev.switchman.discord;

import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.chat.ChatUser;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;

/**
 * Gateway mode: JDA delivers interactions over the WebSocket gateway, and this listener maps them to the
 * same {@link DiscordInteractions} the HTTP endpoint uses. The first response goes through JDA
 * ({@code deferReply(ephemeral)}, {@code reply(...)}, {@code replyChoiceStrings}); later answers through the
 * interaction's webhook like in HTTP mode. The user and their role ids come from JDA's verified session
 * ({@code getUser()}, {@code getMember().getRoles()}), never from an option.
 */
final class GatewayListener extends ListenerAdapter {

    private final DiscordInteractions interactions;
    private final Supplier<String> applicationId;

    GatewayListener(DiscordInteractions interactions, Supplier<String> applicationId) {
        this.interactions = interactions;
        this.applicationId = applicationId;
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        Incoming in = new Incoming(Incoming.Type.APPLICATION_COMMAND, event.getId(), event.getToken(), applicationId.get(), event.getChannelId(),
                user(event.getUser(), event.getMember()), event.getName(), event.getSubcommandName(), options(event.getOptions()), null, null,
                null);
        interactions.dispatch(in, new JdaAck(event));
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        Incoming in = new Incoming(Incoming.Type.MESSAGE_COMPONENT, event.getId(), event.getToken(), applicationId.get(), event.getChannelId(),
                user(event.getUser(), event.getMember()), null, null, Map.of(), event.getComponentId(), event.getMessageId(), null);
        interactions.dispatch(in, new JdaAck(event));
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        Map<String, Object> options = options(event.getOptions());
        String focused = event.getFocusedOption().getName();
        options.put(focused, event.getFocusedOption().getValue());
        Incoming in = new Incoming(Incoming.Type.AUTOCOMPLETE, event.getId(), event.getToken(), applicationId.get(), event.getChannelId(),
                user(event.getUser(), event.getMember()), event.getName(), event.getSubcommandName(), options, null, null, focused);
        interactions.dispatch(in, new Acknowledger() {
            @Override
            public CompletableFuture<?> defer(boolean ephemeral) {
                throw new IllegalStateException("an autocomplete is answered with choices");
            }

            @Override
            public CompletableFuture<?> reply(ChatMessage message, boolean ephemeral) {
                return event.replyChoiceStrings(List.of()).submit();
            }

            @Override
            public void choices(List<String> choices) {
                event.replyChoiceStrings(choices).queue();
            }
        });
    }

    static ChatUser user(User u, Member m) {
        Set<String> groups = new LinkedHashSet<>();
        if (m != null) {
            for (Role r : m.getRoles()) groups.add("discord-role:" + r.getId());
        }
        String name = m != null && m.getEffectiveName() != null ? m.getEffectiveName() : u.getEffectiveName();
        return new ChatUser("discord", u.getId(), name == null ? u.getId() : name, groups);
    }

    private static Map<String, Object> options(List<OptionMapping> mappings) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (OptionMapping o : mappings) {
            out.put(o.getName(), o.getType() == OptionType.BOOLEAN ? (Object) o.getAsBoolean() : o.getAsString());
        }
        return out;
    }

    /** The first response through JDA's callbacks. */
    private record JdaAck(IReplyCallback event) implements Acknowledger {
        @Override
        public CompletableFuture<?> defer(boolean ephemeral) {
            return event.deferReply(ephemeral).submit();
        }

        @Override
        public CompletableFuture<?> reply(ChatMessage message, boolean ephemeral) {
            return event.reply(DiscordMessages.render(message)).setEphemeral(ephemeral).submit();
        }

        @Override
        public void choices(List<String> choices) {
            throw new IllegalStateException("choices answer an autocomplete only");
        }
    }
}
