package dev.switchman.core.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A chat backend in memory, for tests, the simulator and {@code bench chat} (errbot's test backend):
 * {@link #exec} sends a command as a user and returns the answers, {@link #press} presses a button the bot
 * drew; every acknowledgement, answer, sent and updated message is recorded in order. Users are
 * {@code alice} (platform {@code console}) or {@code platform:id}. Its {@link Capabilities} are those of a
 * platform with buttons, native confirmations and edits, and no pacing, unless given; {@link #failNext}
 * makes the next sends or edits fail, as a platform's outage would.
 */
public final class TranscriptBackend implements ChatBackend {

    public static final String DEFAULT_CHANNEL = "transcript";

    /** What happened, in order, and when (the injected clock). {@code visibility}: of an answer (null for the other kinds). */
    public record Entry(Kind kind, String channel, String messageId, String user, String text, ChatMessage message, Visibility visibility,
                        Instant at) {
    }

    /** COMMAND (typed), PRESS (a button), ACK, REPLY (an answer or follow-up), SENT, UPDATED. */
    public enum Kind { COMMAND, PRESS, ACK, REPLY, SENT, UPDATED }

    /**
     * One interaction in flight: when it was handed to the bot, acknowledged and first answered
     * ({@link System#nanoTime()}), its visibility and its answers.
     */
    public static final class Exchange {
        private final long startNanos = System.nanoTime();
        private volatile long ackNanos;
        private volatile long answerNanos;
        private volatile Visibility visibility;
        private final List<ChatMessage> answers = new ArrayList<>();
        private final CountDownLatch answered = new CountDownLatch(1);

        public long startNanos() { return startNanos; }
        /** When ack came, or 0. */
        public long ackNanos() { return ackNanos; }
        /** When the first answer came, or 0. */
        public long answerNanos() { return answerNanos; }
        public Visibility visibility() { return visibility; }

        public synchronized List<ChatMessage> answers() {
            return List.copyOf(answers);
        }

        /** Waits for the first answer; false on timeout. */
        public boolean awaitAnswer(Duration timeout) throws InterruptedException {
            return answered.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private final Clock clock;
    private final String defaultChannel;
    private final Capabilities capabilities;
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, ChatMessage> latest = new LinkedHashMap<>();
    private final Map<Kind, Deque<String>> failures = new EnumMap<>(Kind.class);
    private InteractionHandler handler;
    private long ids;
    private boolean recording = true;

    public TranscriptBackend() {
        this(Clock.systemUTC(), DEFAULT_CHANNEL);
    }

    public TranscriptBackend(Clock clock, String defaultChannel) {
        this(clock, defaultChannel, new Capabilities(true, true, true, true, true, 1_000_000, 100, 25, Duration.ZERO));
    }

    public TranscriptBackend(Clock clock, String defaultChannel, Capabilities capabilities) {
        this.clock = clock;
        this.defaultChannel = defaultChannel;
        this.capabilities = capabilities;
    }

    @Override
    public String name() {
        return "transcript";
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public synchronized void start(InteractionHandler handler) {
        this.handler = handler;
    }

    public String defaultChannel() {
        return defaultChannel;
    }

    /** Keeps only the latest version of each message and no entries (long benchmarks); on by default. */
    public synchronized TranscriptBackend recording(boolean on) {
        this.recording = on;
        return this;
    }

    /** The next {@code n} sends ({@link Kind#SENT}) or edits ({@link Kind#UPDATED}) fail with {@code error}. */
    public synchronized void failNext(Kind kind, int n, String error) {
        Deque<String> q = failures.computeIfAbsent(kind, k -> new ArrayDeque<>());
        for (int i = 0; i < n; i++) q.add(error);
    }

    /** Sends {@code text} as {@code user} in the default channel; returns the answers. */
    public List<ChatMessage> exec(String user, String text) {
        return exec(user, defaultChannel, text, null);
    }

    /** As {@link #exec(String, String)} with a delivery id: a second delivery with the same key applies once. */
    public List<ChatMessage> execWithKey(String user, String text, String idempotencyKey) {
        return exec(user, defaultChannel, text, idempotencyKey);
    }

    public List<ChatMessage> exec(String user, String channel, String text, String idempotencyKey) {
        return await(submit(user, channel, text, idempotencyKey));
    }

    /** Hands a typed command to the bot and returns at once (the bot acknowledges before it returns). */
    public Exchange submit(String user, String channel, String text, String idempotencyKey) {
        ChatUser u = user(user);
        record(new Entry(Kind.COMMAND, channel, null, u.qualifiedId(), text, null, null, clock.instant()));
        return deliver(new Interaction.TypedCommand(text, u, channel, null, idempotencyKey, clock.instant()));
    }

    /** Presses the button with id {@code actionId} (on message {@code messageId}, may be null) as {@code user}; returns the answers. */
    public List<ChatMessage> press(String user, String messageId, String actionId, String deliveryId) {
        ChatUser u = user(user);
        MessageRef source = messageId == null ? null : new MessageRef(name(), defaultChannel, messageId);
        record(new Entry(Kind.PRESS, defaultChannel, messageId, u.qualifiedId(), actionId, null, null, clock.instant()));
        return await(deliver(new Interaction.ButtonPress(actionId, u, defaultChannel, source, deliveryId, clock.instant())));
    }

    /** Presses the button labelled {@code label} on the newest message that has one; returns the answers. */
    public List<ChatMessage> press(String user, String label) {
        Entry e = lastWithButton(label).orElseThrow(() -> new AssertionError("no message has a button `" + label + "`; transcript:\n" + render()));
        ChatMessage m;
        synchronized (this) {
            m = e.messageId() == null ? e.message() : latest.getOrDefault(e.messageId(), e.message());
        }
        return press(user, e.messageId(), button(m, label).actionId(), null);
    }

    /** The newest entry whose message (as last seen) has a button labelled {@code label}. */
    public synchronized Optional<Entry> lastWithButton(String label) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            ChatMessage m = e.messageId() == null ? e.message() : latest.getOrDefault(e.messageId(), e.message());
            if (m != null && m.buttons().stream().anyMatch(b -> b.label().equals(label))) return Optional.of(e);
        }
        return Optional.empty();
    }

    /** The button labelled {@code label} on {@code m}. */
    public static ChatMessage.Button button(ChatMessage m, String label) {
        return m.buttons().stream().filter(b -> b.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no button `" + label + "` on: " + m.plain()));
    }

    private Exchange deliver(Interaction in) {
        InteractionHandler h;
        synchronized (this) {
            h = handler;
            if (h == null) throw new IllegalStateException("start(handler) first: no interaction handler");
        }
        Exchange x = new Exchange();
        String channel = in.channel();
        h.handle(in, new Reply() {
            @Override
            public void ack(Visibility visibility) {
                if (x.ackNanos != 0) return;
                x.ackNanos = System.nanoTime();
                x.visibility = visibility;
                record(new Entry(Kind.ACK, channel, null, null, visibility.name(), null, visibility, clock.instant()));
            }

            @Override
            public MessageRef answer(ChatMessage message) {
                return followUp(message, x.visibility == null ? Visibility.PUBLIC : x.visibility);
            }

            @Override
            public void updateSource(ChatMessage message) {
                if (in.source() == null) {
                    answer(message);
                } else {
                    update(in.source(), message);
                }
            }

            @Override
            public MessageRef followUp(ChatMessage message, Visibility visibility) {
                MessageRef ref = newRef(channel);
                record(new Entry(Kind.REPLY, ref.channel(), ref.id(), null, message.plain(), message, visibility, clock.instant()));
                synchronized (x) {
                    x.answers.add(message);
                }
                if (x.answerNanos == 0) x.answerNanos = System.nanoTime();
                x.answered.countDown();
                return visibility == Visibility.EPHEMERAL ? null : ref;
            }
        });
        return x;
    }

    private List<ChatMessage> await(Exchange x) {
        try {
            if (!x.awaitAnswer(Duration.ofSeconds(30))) {
                throw new AssertionError("no answer within 30 s; transcript:\n" + render());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return x.answers();
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
        if (recording) entries.add(e);
        if (e.message() != null && e.messageId() != null) {
            latest.put(e.messageId(), e.message());
        }
        notifyAll();
    }

    @Override
    public MessageRef send(String channel, ChatMessage message) {
        failIfAsked(Kind.SENT);
        MessageRef ref = newRef(channel);
        record(new Entry(Kind.SENT, ref.channel(), ref.id(), null, recording ? message.plain() : "", message, null, clock.instant()));
        return ref;
    }

    @Override
    public void update(MessageRef ref, ChatMessage message) {
        failIfAsked(Kind.UPDATED);
        record(new Entry(Kind.UPDATED, ref.channel(), ref.id(), null, recording ? message.plain() : "", message, null, clock.instant()));
    }

    private synchronized void failIfAsked(Kind kind) {
        Deque<String> q = failures.get(kind);
        String error = q == null ? null : q.poll();
        if (error != null) {
            throw new IllegalStateException(error);
        }
    }

    /** How many entries of {@code kind} there are for message {@code messageId}. */
    public synchronized long count(Kind kind, String messageId) {
        return entries.stream().filter(e -> e.kind() == kind && messageId.equals(e.messageId())).count();
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
            case PRESS -> "> " + e.user() + " pressed " + e.text() + (e.messageId() == null ? "" : " on [" + e.messageId() + "]");
            case ACK -> "  (ack " + e.text().toLowerCase() + ")";
            case REPLY -> (e.visibility() == Visibility.EPHEMERAL ? "< (only you) " : "< ") + indent(e.text());
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
