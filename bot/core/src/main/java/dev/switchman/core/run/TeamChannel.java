package dev.switchman.core.run;

import dev.switchman.core.chat.ChatBackend;
import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.chat.MessageRef;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run's team channel: the one seam through which a run posts messages to its team and refreshes
 * its status message. Messages said during a transition are held by the {@link RunLog} and sent only
 * after the transition's events are committed; a failed send is logged, never thrown into the run.
 */
final class TeamChannel {

    private static final Logger log = LoggerFactory.getLogger(TeamChannel.class);

    private final Supplier<ChatBackend> backend;
    private final Supplier<String> channel;
    private final RunLog runLog;
    private final Map<String, String> lastPosted = new HashMap<>();

    TeamChannel(Supplier<ChatBackend> backend, Supplier<String> channel, RunLog runLog) {
        this.backend = backend;
        this.channel = channel;
        this.runLog = runLog;
    }

    /** Posts {@code m} to the run's channel once the current transition is committed. */
    void say(ChatMessage m) {
        runLog.afterCommit(() -> send(m));
    }

    /** Posts at once, outside any transition (used to report that recording failed). */
    void sayNow(ChatMessage m) {
        send(m);
    }

    /** Posts a message unless the same one was the last posted under {@code key}. */
    void post(String key, ChatMessage m) {
        String text = m.plain();
        if (!text.equals(lastPosted.get(key))) {
            lastPosted.put(key, text);
            say(m);
        }
    }

    /** Replaces the status message {@code ref} with {@code status}. */
    void publishStatus(MessageRef ref, ChatMessage status) {
        ChatBackend b = backend.get();
        if (b == null || ref == null) return;
        try {
            b.update(ref, status);
        } catch (RuntimeException e) {
            log.debug("status update failed: {}", e.toString());
        }
    }

    private void send(ChatMessage m) {
        ChatBackend b = backend.get();
        if (b == null) return;
        try {
            b.send(channel.get(), m);
        } catch (RuntimeException e) {
            log.warn("cannot post to channel {}: {}", channel.get(), e.toString());
        }
    }
}
