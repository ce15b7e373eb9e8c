package dev.switchman.app.cli;

import dev.switchman.core.event.EventStoreException;

/**
 * Finds, in what a start-up threw (Spring wraps it in bean-creation exceptions), the one sentence that
 * names the cause and what to do: an {@link EventStoreException} from opening the store (locked,
 * damaged, unreachable, refused login, a second bot) or a rejected store URL. Its messages never hold
 * a password (the store redacts URLs).
 */
final class StartupFailure {

    private StartupFailure() {
    }

    /** The sentence, or null when the failure is not one we can name. */
    static String sentence(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EventStoreException) {
                return t.getMessage();
            }
            if (t instanceof IllegalArgumentException && t.getMessage() != null && t.getMessage().startsWith("unsupported event store URL")) {
                return t.getMessage() + " (set SWITCHMAN_DB_URL)";
            }
        }
        return null;
    }
}
