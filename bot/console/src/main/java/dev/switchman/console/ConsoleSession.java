package dev.switchman.console;

import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.chat.ChatUser;
import dev.switchman.core.chat.CommandHandler;
import dev.switchman.core.chat.IncomingCommand;
import dev.switchman.core.chat.MessageRef;
import dev.switchman.core.chat.Replier;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One person at the terminal: who they act as ({@code console:<name>}) and how a typed line
 * reaches the bot. The raw text goes to the bot's {@link CommandHandler} unchanged, so the
 * grammar is the one Slack and Discord use.
 */
public final class ConsoleSession {

    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private final ConsoleBackend backend;
    private final Clock clock;
    private volatile ChatUser user;

    public ConsoleSession(ConsoleBackend backend, Clock clock, String userName) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.user = ChatUser.console(checkName(userName));
    }

    public ChatUser user() {
        return user;
    }

    /** Switches the acting user; the name must be a plain identifier. */
    public ChatUser actAs(String name) {
        this.user = ChatUser.console(checkName(name));
        return user;
    }

    public static boolean isValidName(String name) {
        return name != null && USER_NAME.matcher(name).matches();
    }

    private static String checkName(String name) {
        if (!isValidName(name)) {
            throw new IllegalArgumentException("not a user name: '" + name + "' (expected letters, digits, . _ @ -)");
        }
        return name;
    }

    /** Hands one line of chat grammar to the bot; replies print on the console. */
    public void execute(String text) {
        CommandHandler handler = backend.handler();
        if (handler == null) {
            backend.output().print("the bot is not started yet");
            return;
        }
        IncomingCommand command = new IncomingCommand(text.strip(), user, ConsoleBackend.DEFAULT_CHANNEL,
                "console-" + UUID.randomUUID(), clock.instant());
        handler.handle(command, new ConsoleReplier());
    }

    public void print(ChatMessage message) {
        backend.send(ConsoleBackend.DEFAULT_CHANNEL, message);
    }

    private final class ConsoleReplier implements Replier {
        @Override
        public void ack() {
            // a terminal has no delivery deadline
        }

        @Override
        public MessageRef reply(ChatMessage message) {
            return backend.send(ConsoleBackend.DEFAULT_CHANNEL, message);
        }
    }
}
