package dev.switchman.core.chat;

/**
 * What a backend hands every command to (the bot's command dispatcher). The backend must call
 * {@link Replier#ack()} semantics within its platform's limit: it is the handler's job to answer
 * quickly and do slow work (checks) afterwards, replying through the {@link Replier}.
 */
@FunctionalInterface
public interface CommandHandler {
    void handle(IncomingCommand command, Replier replier);
}
