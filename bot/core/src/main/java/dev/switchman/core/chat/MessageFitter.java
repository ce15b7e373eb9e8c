package dev.switchman.core.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits a message to a platform's {@link Capabilities} before a backend renders it: text cut to the
 * platform's length (marked, never silently), at most {@code maxButtons} buttons, and on a platform
 * without buttons the buttons become a line saying what to type instead. Buttons without an action id
 * (not registered by the bot) are left out on platforms with buttons: nothing could answer a press.
 */
public final class MessageFitter {

    static final String CUT = "… (cut: the message is longer than this platform shows; `status` and `timeline` have it all)";

    private MessageFitter() {
    }

    public static ChatMessage fit(ChatMessage m, Capabilities caps) {
        ChatMessage out = m;
        if (!caps.buttons() && !m.buttons().isEmpty()) {
            String hint = "Type: " + String.join(" | ", m.buttons().stream().map(b -> "`" + b.command() + "`").toList());
            out = out.withButtons(List.of()).withText(m.text().isEmpty() ? hint : m.text() + "\n" + hint);
        } else if (!m.buttons().isEmpty()) {
            List<ChatMessage.Button> kept = new ArrayList<>();
            for (ChatMessage.Button b : m.buttons()) {
                if (b.actionId() != null && b.actionId().length() <= caps.maxActionIdLength() && kept.size() < caps.maxButtons()) {
                    kept.add(b);
                }
            }
            if (kept.size() != m.buttons().size()) out = out.withButtons(kept);
        }
        if (out.text().length() > caps.maxTextLength()) {
            int keep = Math.max(0, caps.maxTextLength() - CUT.length());
            out = out.withText(out.text().substring(0, keep) + CUT);
        }
        return out;
    }
}
