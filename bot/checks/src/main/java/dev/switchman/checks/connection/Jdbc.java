package dev.switchman.checks.connection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

/**
 * JDBC connections for checks: PostgreSQL ({@code jdbc:postgresql:}) and MariaDB/MySQL
 * ({@code jdbc:mariadb:}, {@code jdbc:mysql:} is read as MariaDB), opened read-only with connect
 * and socket timeouts from the time the check has left.
 */
public final class Jdbc {

    /** The database engines the data checks speak. */
    public enum Engine {
        POSTGRESQL, MARIADB;

        /** The engine of a JDBC URL; throws {@link ConnectionException} for any other. */
        public static Engine of(String url) {
            String u = url.toLowerCase(Locale.ROOT);
            if (u.startsWith("jdbc:postgresql:")) {
                return POSTGRESQL;
            }
            if (u.startsWith("jdbc:mariadb:") || u.startsWith("jdbc:mysql:")) {
                return MARIADB;
            }
            throw new ConnectionException("unsupported database URL '" + where(url) + "': expected jdbc:postgresql://... or jdbc:mariadb://...");
        }
    }

    private Jdbc() {
    }

    /**
     * Opens a connection that gives up after {@code timeout} (at least one second), read-only
     * unless {@code writable}. Failures become a {@link ConnectionException} naming the server
     * (never its credentials).
     */
    public static Connection open(String url, Duration timeout, boolean writable) {
        Engine engine = Engine.of(url);
        long ms = Math.max(1000, timeout.toMillis());
        Properties props = new Properties();
        String jdbcUrl = url;
        if (engine == Engine.POSTGRESQL) {
            props.setProperty("connectTimeout", String.valueOf(Math.max(1, ms / 1000)));
            props.setProperty("socketTimeout", String.valueOf(Math.max(1, ms / 1000 + 1)));
            props.setProperty("ApplicationName", "switchman-check");
        } else {
            props.setProperty("connectTimeout", String.valueOf(ms));
            props.setProperty("socketTimeout", String.valueOf(ms + 1000));
            if (jdbcUrl.regionMatches(true, 0, "jdbc:mysql:", 0, 11)) {
                jdbcUrl = "jdbc:mariadb:" + jdbcUrl.substring(11);
            }
        }
        try {
            Connection c = DriverManager.getConnection(jdbcUrl, props);
            if (!writable) {
                c.setReadOnly(true);
            }
            return c;
        } catch (SQLTimeoutException e) {
            throw new ConnectionException("timed out connecting to " + where(url), e);
        } catch (SQLException e) {
            throw new ConnectionException("cannot connect to " + where(url) + ": " + firstLine(e.getMessage()), e);
        }
    }

    /** Where a URL points, for targets and messages: {@code engine://host:port/db}, no user, no parameters. */
    public static String where(String url) {
        if (url == null) {
            return "";
        }
        String s = url.startsWith("jdbc:") ? url.substring(5) : url;
        int q = indexOfAny(s, '?', ';');
        if (q >= 0) {
            s = s.substring(0, q);
        }
        int scheme = s.indexOf("://");
        int at = s.indexOf('@', scheme < 0 ? 0 : scheme);
        int slash = s.indexOf('/', scheme < 0 ? 0 : scheme + 3);
        if (scheme >= 0 && at > scheme && (slash < 0 || at < slash)) {
            s = s.substring(0, scheme + 3) + s.substring(at + 1);
        }
        return s;
    }

    /**
     * A driver message's first line. Not redacted here: results are redacted where they leave the check
     * ({@code CheckRunner}), exceptions when they are made ({@link ConnectionException}).
     */
    public static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).trim();
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        if (i < 0) return j;
        if (j < 0) return i;
        return Math.min(i, j);
    }
}
