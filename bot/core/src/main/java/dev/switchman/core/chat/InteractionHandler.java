package dev.switchman.core.chat;

/**
 * What a backend hands every {@link Interaction} to (the bot). The handler acknowledges through
 * {@link Reply#ack} before it returns and does the work afterwards, on the run's serial executor, so a
 * backend may call it on its platform's event thread: it returns within milliseconds.
 */
@FunctionalInterface
public interface InteractionHandler {

    void handle(Interaction interaction, Reply reply);
}
