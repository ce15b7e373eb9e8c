package dev.switchman.checks.connection;

import java.util.regex.Pattern;

/**
 * Hides credentials in text that may reach results, logs or chat: {@code user:pass@} in any URL
 * becomes {@code user:***@}, and {@code password=}, {@code pwd=}, {@code secret=} values become
 * {@code ***}. Used on every URL and driver message a data check shows.
 */
public final class Redact {

    private static final Pattern SECRET_PARAM = Pattern.compile("(?i)\\b(password|pwd|secret|passwd)=([^&;\\s,)]*)");
    private static final Pattern USER_INFO = Pattern.compile("//([^/@:\\s]*):([^/@\\s]*)@");

    private Redact() {
    }

    /** The text with credentials masked; null stays null. */
    public static String secrets(String text) {
        if (text == null) {
            return null;
        }
        String s = SECRET_PARAM.matcher(text).replaceAll("$1=***");
        return USER_INFO.matcher(s).replaceAll("//$1:***@");
    }

    /**
     * The text with credentials masked and, in addition, every occurrence of the given secret
     * values (a password the driver may echo) replaced by {@code ***}.
     */
    public static String secrets(String text, Iterable<String> knownSecrets) {
        String s = secrets(text);
        if (s == null) {
            return null;
        }
        for (String secret : knownSecrets) {
            if (secret != null && secret.length() >= 3) {
                s = s.replace(secret, "***");
            }
        }
        return s;
    }
}
