package dev.switchman.core.chat;

/**
 * What a backend hands every {@link Interaction} to (the bot). The handler acknowledges through
 * {@link Reply#ack} before it returns and does the work afterwards, on the run's serial executor, so a
 * backend may call it on its platform's event thread: it returns within milliseconds.
 */
@FunctionalInterface
public interface InteractionHandler {

    void handle(Interaction interaction, Reply reply);

    /**
     * Candidates for the last word of {@code line} (the bot's grammar, typed so far in {@code channel}):
     * what a platform's autocomplete shows (Discord's {@code APPLICATION_COMMAND_AUTOCOMPLETE}). None by
     * default; the bot answers with command names, runbook ids, step ids of the channel's run, check ids.
     */
    default java.util.List<String> completions(String channel, String line) {
        return java.util.List.of();
    }
}
