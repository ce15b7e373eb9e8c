package dev.switchman.discord;

import dev.switchman.core.chat.Interaction;
import dev.switchman.core.chat.InteractionHandler;
import dev.switchman.core.chat.Reply;
import dev.switchman.core.chat.Visibility;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/** A handler standing in for the bot: records what it is handed, behaves as told (default: ack public), completes as told. */
final class RecordingHandler implements InteractionHandler {

    final List<Interaction> handled = new CopyOnWriteArrayList<>();
    volatile BiConsumer<Interaction, Reply> behaviour = (in, r) -> r.ack(Visibility.PUBLIC);
    private final BiFunction<String, String, List<String>> completions;

    RecordingHandler(BiFunction<String, String, List<String>> completions) {
        this.completions = completions;
    }

    @Override
    public void handle(Interaction interaction, Reply reply) {
        handled.add(interaction);
        behaviour.accept(interaction, reply);
    }

    @Override
    public List<String> completions(String channel, String line) {
        return completions.apply(channel, line);
    }
}
