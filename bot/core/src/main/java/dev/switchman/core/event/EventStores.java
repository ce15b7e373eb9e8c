package dev.switchman.core.event;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the event store a URL names. {@code null} or blank: the embedded H2 file under
 * {@code ~/.switchman/store}; {@code memory}: in memory (nothing survives a restart); any other URL
 * goes to the first {@link EventStoreProvider} on the class path that accepts it
 * ({@code switchman-store-jdbc}: {@code jdbc:h2:...} and {@code jdbc:postgresql:...}). The app reads the URL from
 * {@code SWITCHMAN_DB_URL}. Passwords are never logged: {@link #redact(String)} hides them.
 */
public final class EventStores {

    private static final Logger log = LoggerFactory.getLogger(EventStores.class);

    private EventStores() {
    }

    /**
     * {@code jdbc:h2:file:<dir>/switchman;WRITE_DELAY=0}: the embedded store in {@code dir}. H2 writes a
     * commit to its file up to half a second late by default; {@code WRITE_DELAY=0} makes an appended
     * event survive a {@code kill -9}.
     */
    public static String h2Url(Path dir) {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("switchman").toString().replace('\\', '/') + ";WRITE_DELAY=0";
    }

    /** The default location: {@code ~/.switchman/store}. */
    public static Path defaultDirectory() {
        return Path.of(System.getProperty("user.home"), ".switchman", "store");
    }

    public static String defaultUrl() {
        return h2Url(defaultDirectory());
    }

    /**
     * Opens the store the environment names: {@code SWITCHMAN_DB_URL} (default: the H2 file under
     * {@code defaultDir}), {@code SWITCHMAN_DB_USER}, {@code SWITCHMAN_DB_PASSWORD}.
     */
    public static EventStore fromEnvironment(java.util.Map<String, String> env, Path defaultDir) {
        String url = env.get("SWITCHMAN_DB_URL");
        if (url == null || url.isBlank()) {
            url = h2Url(defaultDir == null ? defaultDirectory() : defaultDir);
        }
        return open(url, env.get("SWITCHMAN_DB_USER"), env.get("SWITCHMAN_DB_PASSWORD"));
    }

    public static EventStore open(String jdbcUrl) {
        return open(jdbcUrl, null, null);
    }

    /** Opens and migrates the store; {@code user}/{@code password} may be null (then the URL's are used). */
    public static EventStore open(String jdbcUrl, String user, String password) {
        String url = jdbcUrl == null || jdbcUrl.isBlank() ? defaultUrl() : jdbcUrl.trim();
        if (url.equals("memory")) {
            log.info("event store: in memory (nothing survives a restart)");
            return new InMemoryEventStore();
        }
        List<String> shapes = new ArrayList<>();
        for (EventStoreProvider provider : ServiceLoader.load(EventStoreProvider.class, EventStores.class.getClassLoader())) {
            if (provider.accepts(url)) {
                // a password given apart from the URL is masked wherever it would show
                dev.switchman.core.secret.Secrets.register(password);
                return provider.open(url, user, password);
            }
            shapes.add(provider.urlShapes());
        }
        shapes.add("memory");
        throw new IllegalArgumentException("unsupported event store URL '" + redact(url)
                + "': expected " + String.join(", ", shapes).replaceAll(", ([^,]*)$", " or $1"));
    }

    /** The URL with any password replaced by {@code ***} ({@link dev.switchman.core.secret.Secrets#redact}). */
    public static String redact(String url) {
        return dev.switchman.core.secret.Secrets.redact(url);
    }
}
