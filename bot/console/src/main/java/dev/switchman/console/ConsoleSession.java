package dev.switchman.console;

import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.chat.ChatUser;
import dev.switchman.core.chat.Interaction;
import dev.switchman.core.chat.InteractionHandler;
import dev.switchman.core.chat.MessageRef;
import dev.switchman.core.chat.Reply;
import dev.switchman.core.chat.Visibility;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One person at the terminal: who they act as ({@code console:<name>}) and how a typed line
 * reaches the bot. The raw text goes to the bot's {@link InteractionHandler} unchanged, as a typed
 * command, so the grammar is the one Slack and Discord use. The terminal waits for the answer (a
 * person at a prompt does too, and a script's next line must see its effect); one that takes longer than
 * {@link #PATIENCE_SECONDS} says so once.
 */
public final class ConsoleSession {

    static final long PATIENCE_SECONDS = 30;

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

    /** Hands one line of chat grammar to the bot; answers print on the console. */
    public void execute(String text) {
        InteractionHandler handler = backend.handler();
        if (handler == null) {
            backend.output().print("the bot is not started yet");
            return;
        }
        Interaction.TypedCommand command = new Interaction.TypedCommand(text.strip(), user, ConsoleBackend.DEFAULT_CHANNEL,
                "console-" + UUID.randomUUID(), clock.instant());
        ConsoleReply reply = new ConsoleReply();
        handler.handle(command, reply);
        try {
            if (!reply.answered.await(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                backend.output().print("(still working on `" + command.text() + "`...)");
                reply.answered.await(); // a script's next line waits for this answer, as a person at the prompt does
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void print(ChatMessage message) {
        backend.send(ConsoleBackend.DEFAULT_CHANNEL, message);
    }

    /** A terminal has no delivery deadline and no private answers: ack does nothing, answers print. */
    private final class ConsoleReply implements Reply {
        final CountDownLatch answered = new CountDownLatch(1);

        @Override
        public void ack(Visibility visibility) {
        }

        @Override
        public MessageRef answer(ChatMessage message) {
            try {
                return backend.send(ConsoleBackend.DEFAULT_CHANNEL, message);
            } finally {
                answered.countDown();
            }
        }
    }
}
