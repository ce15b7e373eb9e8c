package dev.switchman.store.jdbc;

import dev.switchman.core.event.EventStoreException;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Turns what the driver or Flyway threw while opening a store into one sentence naming the cause and
 * what to do; the original stays the cause (shown with {@code --debug}). The URL is always redacted.
 */
final class StoreFailures {

    private StoreFailures() {
    }

    static EventStoreException explain(String redactedUrl, RuntimeException e) {
        if (e instanceof EventStoreException ese && ese.getCause() == null) {
            return ese; // already one sentence (StoreLock)
        }
        SQLException sql = sqlCause(e);
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        int code = sql == null ? 0 : sql.getErrorCode();
        String text = chainText(e).toLowerCase(Locale.ROOT);
        boolean h2 = redactedUrl.startsWith("jdbc:h2:");
        String sentence;
        if (h2 && (code == 90020 || text.contains("already in use") || text.contains("locked by another process"))) {
            sentence = "the event store " + redactedUrl + " is in use by another Switchman process: stop that bot first,"
                    + " or give this one its own store (SWITCHMAN_HOME or SWITCHMAN_DB_URL)";
        } else if (h2 && (code == 90030 || code == 90048 || text.contains("corrupt") || text.contains("not a valid")
                || text.contains("unsupported database file") || text.contains("mvstoreexception"))) {
            sentence = "the event store " + redactedUrl + " cannot be read (the file is damaged or not a Switchman H2 store):"
                    + " restore it from a backup, or move it aside to start with an empty store";
        } else if (state.startsWith("08") || text.contains("connection refused") || text.contains("connection attempt failed")
                || text.contains("unknownhost")) {
            sentence = "cannot reach the database of " + redactedUrl + " (" + firstLine(sql == null ? e : sql)
                    + "): start it, or correct the host and port in SWITCHMAN_DB_URL";
        } else if (state.equals("28P01") || state.equals("28000")) {
            sentence = "the database refused the login for " + redactedUrl
                    + ": check the user and password (SWITCHMAN_DB_USER, SWITCHMAN_DB_PASSWORD or the URL)";
        } else if (state.equals("3D000")) {
            sentence = "the database named in " + redactedUrl + " does not exist: create it, or correct SWITCHMAN_DB_URL";
        } else {
            sentence = "cannot open the event store " + redactedUrl + " (" + firstLine(sql == null ? e : sql)
                    + "): check SWITCHMAN_DB_URL, or run with --debug for the details";
        }
        return new EventStoreException(sentence, e);
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }

    private static String chainText(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            b.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append('\n');
        }
        return b.toString();
    }

    /** The first line of the message, without the driver's URL echo (it may hold a password). */
    private static String firstLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        String line = m.lines().findFirst().orElse(m).trim();
        int at = line.indexOf(" [");
        return dev.switchman.core.event.EventStores.redact(at > 0 ? line.substring(0, at) : line);
    }
}
