package dev.switchman.core.run;

import dev.switchman.core.chat.ChatMessage;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run's team channel: the one seam through which a run posts messages to its team and refreshes
 * its status message. Messages said during a transition are held by the {@link RunLog} and handed to the
 * {@link TeamOutput} (the bot's outbox-backed publisher) only after the transition's events are committed;
 * the status message is republished by the {@link TeamOutput} after each turn that changed the run.
 */
final class TeamChannel {

    private static final Logger log = LoggerFactory.getLogger(TeamChannel.class);

    private final RunEngine run;
    private final TeamOutput out;
    private final RunLog runLog;
    private final Map<String, String> lastPosted = new HashMap<>();

    TeamChannel(RunEngine run, TeamOutput out, RunLog runLog) {
        this.run = run;
        this.out = out;
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

    private void send(ChatMessage m) {
        try {
            out.post(run, m); // through the outbox: retried, recorded when it fails for good
        } catch (RuntimeException e) {
            log.warn("cannot post to channel {}: {}", run.state().channel(), e.toString());
        }
    }
}
