package dev.switchman.core.event;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the event store a JDBC URL names. {@code null} or blank: the embedded H2 file under
 * {@code ~/.switchman/store}; {@code jdbc:h2:...}: H2; {@code jdbc:postgresql:...}: PostgreSQL;
 * {@code memory}: in memory (nothing survives a restart). The app reads the URL from
 * {@code SWITCHMAN_DB_URL}. Passwords are never logged: {@link #redact(String)} hides them.
 */
public final class EventStores {

    private static final Logger log = LoggerFactory.getLogger(EventStores.class);
    private static final Pattern PASSWORD_ONLY = Pattern.compile("(?i)([?&;])password=([^&;]*)");

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
        if (url.startsWith("jdbc:h2:") || url.startsWith("jdbc:postgresql:")) {
            // the password leaves the URL before anything (Flyway, the driver's getURL()) can log it
            Matcher m = PASSWORD_ONLY.matcher(url);
            String pw = password;
            if (m.find()) {
                pw = pw != null ? pw : url.startsWith("jdbc:h2:") ? m.group(2) : decode(m.group(2));
                url = m.replaceAll("$1").replace("?&", "?").replace("&&", "&").replace(";;", ";");
                if (url.endsWith("?") || url.endsWith("&") || url.endsWith(";")) url = url.substring(0, url.length() - 1);
            }
            // a password given apart from the URL is masked wherever it would show
            dev.switchman.core.secret.Secrets.register(pw);
            boolean h2 = url.startsWith("jdbc:h2:");
            log.info("event store: {} {}", h2 ? "H2" : "PostgreSQL", redact(url));
            return h2 ? new JdbcEventStore(url, user == null ? "sa" : user, pw == null ? "" : pw) : new JdbcEventStore(url, user, pw);
        }
        throw new IllegalArgumentException("unsupported event store URL '" + redact(url)
                + "': expected jdbc:h2:..., jdbc:postgresql://host:port/db or memory");
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The URL with any password replaced by {@code ***} ({@link dev.switchman.core.secret.Secrets#redact}). */
    public static String redact(String url) {
        return dev.switchman.core.secret.Secrets.redact(url);
    }
}
