package dev.switchman.core.chat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A chat backend in memory, for tests and the simulator (errbot's test backend): {@link #exec} sends a
 * command as a user and returns the replies; every sent and updated message is recorded in order.
 * Users are {@code alice} (platform {@code console}) or {@code platform:id}.
 */
public final class TranscriptBackend implements ChatBackend {

    public static final String DEFAULT_CHANNEL = "transcript";

    /** What happened, in order. {@code kind}: COMMAND, ACK, REPLY, SENT, UPDATED. */
    public record Entry(Kind kind, String channel, String messageId, String user, String text, ChatMessage message) {
    }

    public enum Kind { COMMAND, REPLY, SENT, UPDATED }

    private final Clock clock;
    private final String defaultChannel;
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, ChatMessage> latest = new LinkedHashMap<>();
    private CommandHandler handler;
    private long ids;
    private long keys;

    public TranscriptBackend() {
        this(Clock.systemUTC(), DEFAULT_CHANNEL);
    }

    public TranscriptBackend(Clock clock, String defaultChannel) {
        this.clock = clock;
        this.defaultChannel = defaultChannel;
    }

    @Override
    public String name() {
        return "transcript";
    }

    @Override
    public synchronized void start(CommandHandler handler) {
        this.handler = handler;
    }

    public String defaultChannel() {
        return defaultChannel;
    }

    /** Sends {@code text} as {@code user} in the default channel; returns the replies. */
    public List<ChatMessage> exec(String user, String text) {
        return exec(user, defaultChannel, text, null);
    }

    /** As {@link #exec(String, String)} with a delivery id: a second delivery with the same key applies once. */
    public List<ChatMessage> execWithKey(String user, String text, String idempotencyKey) {
        return exec(user, defaultChannel, text, idempotencyKey);
    }

    public List<ChatMessage> exec(String user, String channel, String text, String idempotencyKey) {
        CommandHandler h;
        synchronized (this) {
            h = handler;
            if (h == null) throw new IllegalStateException("start(handler) first: no command handler");
        }
        ChatUser u = user(user);
        record(new Entry(Kind.COMMAND, channel, null, u.qualifiedId(), text, null));
        List<ChatMessage> replies = new ArrayList<>();
        h.handle(new IncomingCommand(text, u, channel, idempotencyKey, clock.instant()), new Replier() {
            @Override
            public void ack() {
            }

            @Override
            public MessageRef reply(ChatMessage message) {
                synchronized (replies) {
                    replies.add(message);
                }
                MessageRef ref = newRef(channel);
                record(new Entry(Kind.REPLY, channel, ref.id(), null, message.plain(), message));
                return ref;
            }
        });
        synchronized (replies) {
            return List.copyOf(replies);
        }
    }

    /** Sends {@code text} and returns the plain text of the (last) reply. */
    public String say(String user, String text) {
        List<ChatMessage> r = exec(user, text);
        return r.isEmpty() ? "" : r.get(r.size() - 1).plain();
    }

    static ChatUser user(String user) {
        int i = user.indexOf(':');
        return i < 0 ? ChatUser.console(user) : new ChatUser(user.substring(0, i), user.substring(i + 1), user.substring(i + 1));
    }

    private synchronized MessageRef newRef(String channel) {
        return new MessageRef("transcript", channel == null ? defaultChannel : channel, "m" + (++ids));
    }

    private synchronized void record(Entry e) {
        entries.add(e);
        if (e.message() != null && e.messageId() != null) {
            latest.put(e.messageId(), e.message());
        }
        notifyAll();
    }

    @Override
    public MessageRef send(String channel, ChatMessage message) {
        MessageRef ref = newRef(channel);
        record(new Entry(Kind.SENT, ref.channel(), ref.id(), null, message.plain(), message));
        return ref;
    }

    @Override
    public void update(MessageRef ref, ChatMessage message) {
        record(new Entry(Kind.UPDATED, ref.channel(), ref.id(), null, message.plain(), message));
    }

    /** Every entry so far. */
    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Messages posted by the bot on its own (not replies), in order. */
    public synchronized List<ChatMessage> sent() {
        return entries.stream().filter(e -> e.kind() == Kind.SENT).map(Entry::message).toList();
    }

    public synchronized List<ChatMessage> sent(String channel) {
        return entries.stream().filter(e -> e.kind() == Kind.SENT && e.channel().equals(channel)).map(Entry::message).toList();
    }

    /** The latest version of a message (after updates). */
    public synchronized Optional<ChatMessage> message(String messageId) {
        return Optional.ofNullable(latest.get(messageId));
    }

    /** Waits until a message sent, replied or updated satisfies {@code test}; returns it or throws after {@code timeout}. */
    public synchronized ChatMessage await(Predicate<ChatMessage> test, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        while (true) {
            for (; seen < entries.size(); seen++) {
                ChatMessage m = entries.get(seen).message();
                if (m != null && test.test(m)) return m;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching message within " + timeout + "; transcript:\n" + render());
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** The transcript as text: one block per entry. */
    public synchronized String render() {
        return entries.stream().map(e -> switch (e.kind()) {
            case COMMAND -> "> " + e.user() + ": " + e.text();
            case REPLY -> "< " + indent(e.text());
            case SENT -> "# " + indent(e.text());
            case UPDATED -> "~ [" + e.messageId() + "] " + indent(e.text());
        }).collect(Collectors.joining("\n"));
    }

    private static String indent(String s) {
        return s.replace("\n", "\n  ");
    }

    @Override
    public void close() {
    }
}
