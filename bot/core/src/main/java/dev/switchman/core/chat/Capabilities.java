package dev.switchman.core.chat;

import java.time.Duration;

/**
 * What a chat platform can do and its limits, declared by each backend; the bot draws messages to fit
 * ({@link MessageFitter}) and paces its edits by them.
 *
 * @param buttons             buttons can be pressed (false: the renderer shows the command to type)
 * @param confirmDialogs      a button can carry a native "are you sure?" (Slack's {@code confirm});
 *                            false: a press on a confirming button answers with a confirmation message
 * @param threads             messages can be grouped in a thread
 * @param messageEdits        a sent message can be edited in place (the status message)
 * @param ephemeral           answers can be shown to one person only
 * @param maxTextLength       characters of a message's text the platform accepts (longer is cut, marked)
 * @param maxActionIdLength   characters of a button's action id (Discord's {@code custom_id}: 100)
 * @param maxButtons          buttons on one message (Discord: 25, five rows of five)
 * @param minEditInterval     at least this long between two edits of one message (Slack and Discord: about 1 s)
 */
public record Capabilities(boolean buttons, boolean confirmDialogs, boolean threads, boolean messageEdits, boolean ephemeral,
                           int maxTextLength, int maxActionIdLength, int maxButtons, Duration minEditInterval) {

    public Capabilities {
        if (maxTextLength < 100) throw new IllegalArgumentException("maxTextLength must be at least 100, got " + maxTextLength);
        if (maxActionIdLength < 16) throw new IllegalArgumentException("maxActionIdLength must be at least 16, got " + maxActionIdLength);
        if (maxButtons < 0) throw new IllegalArgumentException("maxButtons must be >= 0, got " + maxButtons);
        minEditInterval = minEditInterval == null ? Duration.ZERO : minEditInterval;
    }

    /** A terminal: no buttons to press (commands are shown to type), edits printed as changes, no limits. */
    public static Capabilities console() {
        return new Capabilities(false, false, false, true, false, 1_000_000, 100, 25, Duration.ZERO);
    }

    /** Slack's documented limits: 3,000 characters in a section, 255-character action ids, about one edit per second. */
    public static Capabilities slack() {
        return new Capabilities(true, true, true, true, true, 3_000, 255, 25, Duration.ofSeconds(1));
    }

    /** Discord's: 4,096 characters in an embed description, 100-character custom ids, 25 buttons, no native confirm. */
    public static Capabilities discord() {
        return new Capabilities(true, false, true, true, true, 4_096, 100, 25, Duration.ofSeconds(1));
    }

    public Capabilities withButtons(boolean b) {
        return new Capabilities(b, confirmDialogs, threads, messageEdits, ephemeral, maxTextLength, maxActionIdLength, maxButtons,
                minEditInterval);
    }

    public Capabilities withConfirmDialogs(boolean c) {
        return new Capabilities(buttons, c, threads, messageEdits, ephemeral, maxTextLength, maxActionIdLength, maxButtons,
                minEditInterval);
    }

    public Capabilities withMessageEdits(boolean e) {
        return new Capabilities(buttons, confirmDialogs, threads, e, ephemeral, maxTextLength, maxActionIdLength, maxButtons,
                minEditInterval);
    }

    public Capabilities withMinEditInterval(Duration d) {
        return new Capabilities(buttons, confirmDialogs, threads, messageEdits, ephemeral, maxTextLength, maxActionIdLength, maxButtons,
                d);
    }

    public Capabilities withMaxTextLength(int n) {
        return new Capabilities(buttons, confirmDialogs, threads, messageEdits, ephemeral, n, maxActionIdLength, maxButtons,
                minEditInterval);
    }
}
