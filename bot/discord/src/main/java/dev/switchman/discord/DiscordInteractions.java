package dev.switchman.discord;

import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.chat.Interaction;
import dev.switchman.core.chat.InteractionHandler;
import dev.switchman.core.chat.MessageRef;
import dev.switchman.discord.rest.DiscordRest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one listener behind both transports: turns an {@link Incoming} interaction into the bot's
 * {@link Interaction} ({@code /switchman ...} into a {@link Interaction.TypedCommand} in the console's
 * grammar, a button into a {@link Interaction.ButtonPress} by its {@code custom_id}), hands it to the
 * bot with a {@link DiscordReply}, and sends Discord's first response through the transport's
 * {@link Acknowledger} once the bot has acknowledged. Autocomplete asks the bot's completions.
 */
final class DiscordInteractions {

    private static final Logger log = LoggerFactory.getLogger(DiscordInteractions.class);

    /** Discord's limits on autocomplete choices (docs: Application Command Option Choice): 25, of 100 characters. */
    static final int MAX_CHOICES = 25;
    static final int MAX_CHOICE_LENGTH = 100;

    private final DiscordRest rest;
    private final DiscordBackend backend;
    private final Clock clock;
    private final Executor executor;
    private volatile InteractionHandler handler;

    DiscordInteractions(DiscordRest rest, DiscordBackend backend, Clock clock, Executor executor) {
        this.rest = rest;
        this.backend = backend;
        this.clock = clock;
        this.executor = executor;
    }

    void handler(InteractionHandler h) {
        this.handler = h;
    }

    /** Handles one interaction (PING is the HTTP endpoint's business and never comes here). */
    void dispatch(Incoming in, Acknowledger ack) {
        InteractionHandler h = handler;
        if (in.type() == Incoming.Type.AUTOCOMPLETE) {
            ack.choices(h == null || in.user() == null ? List.of() : complete(in, h));
            return;
        }
        if (h == null || in.user() == null) {
            ack.reply(ChatMessage.of(ChatMessage.Tone.WARNING, "Not ready", h == null ? "Switchman is starting; try again in a moment."
                    : "Switchman could not tell who you are."), true);
            return;
        }
        switch (in.type()) {
            case APPLICATION_COMMAND -> {
                if (!SwitchmanCommand.NAME.equals(in.command())) {
                    ack.reply(ChatMessage.of(ChatMessage.Tone.WARNING, "Unknown command",
                            "This bot answers `/" + SwitchmanCommand.NAME + "` only; `/" + SwitchmanCommand.NAME + " help` lists what it does."), true);
                    return;
                }
                String line = SwitchmanCommand.line(in.subcommand(), in.options());
                deliver(new Interaction.TypedCommand(line, in.user(), in.channelId(), null, in.id(), clock.instant()), in, ack, h);
            }
            case MESSAGE_COMPONENT -> {
                if (in.customId() == null) {
                    ack.reply(ChatMessage.of(ChatMessage.Tone.WARNING, "Unknown component", "This component carries no id."), true);
                    return;
                }
                MessageRef source = in.sourceMessageId() == null ? null : new MessageRef(DiscordBackend.NAME, in.channelId(), in.sourceMessageId());
                deliver(new Interaction.ButtonPress(in.customId(), in.user(), in.channelId(), source, in.id(), clock.instant()), in, ack, h);
            }
            default -> ack.reply(ChatMessage.of(ChatMessage.Tone.WARNING, "Not supported", "Switchman does not handle this kind of interaction."),
                    true);
        }
    }

    private void deliver(Interaction interaction, Incoming in, Acknowledger ack, InteractionHandler h) {
        DiscordReply reply = new DiscordReply(in, rest, backend, executor);
        try {
            h.handle(interaction, reply);
        } catch (RuntimeException e) {
            log.error("interaction {} from {} failed in the handler", in.id(), in.user().qualifiedId(), e);
            reply.ack(dev.switchman.core.chat.Visibility.EPHEMERAL);
            reply.answer(ChatMessage.of(ChatMessage.Tone.DANGER, "Internal error", "Switchman could not handle this; the log has the details."));
        }
        reply.acknowledge(ack);
    }

    /** Choices for the focused option: the bot's completions of the line typed so far. */
    List<String> complete(Incoming in, InteractionHandler h) {
        Optional<String> line = SwitchmanCommand.completionLine(in.subcommand(), in.options(), in.focused(), in.focusedValue());
        if (line.isEmpty()) return List.of();
        try {
            return h.completions(in.channelId(), line.get()).stream().filter(c -> !c.isBlank() && c.length() <= MAX_CHOICE_LENGTH)
                    .limit(MAX_CHOICES).toList();
        } catch (RuntimeException e) {
            log.warn("completions for /{} {} failed: {}", SwitchmanCommand.NAME, in.subcommand(), e.toString());
            return List.of();
        }
    }
}
