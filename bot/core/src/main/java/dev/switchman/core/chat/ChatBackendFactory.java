package dev.switchman.core.chat;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * How {@code switchman serve} finds and configures a chat backend: one implementation per platform
 * module, listed in {@code META-INF/services/dev.switchman.core.chat.ChatBackendFactory} and loaded
 * with {@link java.util.ServiceLoader}. {@code serve} starts every backend whose {@link #configured}
 * says yes, gives it the bot as handler, and serves its {@link ChatBackend#endpoints()} on the one
 * embedded HTTP server.
 */
public interface ChatBackendFactory {

    /** The backend's name, as {@link ChatBackend#name()}: {@code slack}, {@code discord}. */
    String name();

    /**
     * The environment variables this backend reads, for help texts and for the error {@code serve}
     * prints when no backend is configured ({@code SLACK_BOT_TOKEN}, ...).
     */
    List<String> variables();

    /** True when the environment asks for this backend (typically: its token is set). */
    boolean configured(Map<String, String> env);

    /**
     * Builds the backend from the environment, without connecting yet ({@link ChatBackend#start} does).
     *
     * @throws IllegalArgumentException with one sentence naming the variable that is missing or
     *         invalid; the message never contains a secret's value
     */
    ChatBackend create(Map<String, String> env, Clock clock);

    /** One finding of {@code switchman doctor}: whether it is fine, and one sentence that never holds a secret. */
    record Finding(boolean ok, String text) {
    }

    /**
     * Checks the configuration and the connection to the platform without starting the backend, for
     * {@code switchman doctor} (Slack: {@code auth.test}; Discord: {@code users/@me}). Called only when
     * {@link #configured} is true. The default checks the configuration only ({@link #create} succeeds).
     */
    default List<Finding> doctor(Map<String, String> env, Clock clock) {
        try (ChatBackend b = create(env, clock)) {
            return List.of(new Finding(true, "the configuration is valid (this backend checks no connection)"));
        } catch (IllegalArgumentException e) {
            return List.of(new Finding(false, dev.switchman.core.secret.Secrets.message(e)));
        }
    }
}
