package dev.switchman.checks.connection;

import dev.switchman.core.check.CheckRequest;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Resolves a connection parameter to a URL. A value is one of:
 * <ul>
 *   <li>a URL ({@code jdbc:postgresql://...}, {@code jdbc:mariadb://...}, {@code redis://host:port},
 *       {@code amqp://user:pass@host:port/vhost}): used as it is;</li>
 *   <li>{@code ${env:NAME}}: the value of environment variable NAME;</li>
 *   <li>a connection name such as {@code old-db}: the check environment's setting
 *       {@code connection.old-db}, else environment variable {@code SWITCHMAN_CONNECTION_OLD_DB}.</li>
 * </ul>
 * Errors name the parameter and what was expected, never the resolved value.
 */
public final class Connections {

    private final Map<String, String> settings;
    private final Function<String, String> env;

    Connections(Map<String, String> settings, Function<String, String> env) {
        this.settings = settings;
        this.env = env;
    }

    /** Connections for one request: its environment's settings and the process environment. */
    public static Connections of(CheckRequest request) {
        return new Connections(request.environment().settings(), System::getenv);
    }

    /** The URL the named parameter of the request stands for; throws {@link ConnectionException} naming what is missing. */
    public String url(CheckRequest request, String param) {
        String value = request.param(param);
        if (value == null || value.isBlank()) {
            throw new ConnectionException("parameter '" + param + "' is missing (a URL, ${env:VAR} or a connection name)");
        }
        return resolve(param, value.trim());
    }

    String resolve(String param, String value) {
        if (value.startsWith("${env:") && value.endsWith("}")) {
            String var = value.substring(6, value.length() - 1);
            String v = env.apply(var);
            if (v == null || v.isBlank()) {
                throw new ConnectionException("parameter '" + param + "': environment variable " + var + " is not set");
            }
            return v.trim();
        }
        if (isUrl(value)) {
            return value;
        }
        String fromSettings = settings.get("connection." + value);
        if (fromSettings != null && !fromSettings.isBlank()) {
            return resolve(param, fromSettings.trim());
        }
        String var = "SWITCHMAN_CONNECTION_" + value.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
        String v = env.apply(var);
        if (v != null && !v.isBlank()) {
            return v.trim();
        }
        throw new ConnectionException("parameter '" + param + "': connection '" + value + "' is not defined (expected a URL such as "
                + "jdbc:postgresql://host:5432/db, redis://host:6379 or amqp://host:5672, ${env:VAR}, or environment variable " + var + ")");
    }

    /** True for values that look like a URL rather than a connection name. */
    public static boolean isUrl(String value) {
        return value.startsWith("jdbc:") || value.contains("://");
    }
}
