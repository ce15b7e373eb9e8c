package dev.switchman.core.secret;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one redaction every output path uses (chat messages, the event log, check results, reports,
 * exports, exception messages, the console banner, logs). {@link #redact(String)} replaces with
 * {@value #MASK}:
 * <ul>
 *   <li>the password of a URL's user info: {@code https://user:pass@host} becomes {@code https://user:***@host}
 *       (any scheme, {@code jdbc:postgresql://} too);</li>
 *   <li>the value of a secret parameter written {@code key=value} or {@code "key": "value"}, for the keys
 *       {@code password passwd pwd sslpassword secret client_secret token access_token refresh_token
 *       api_key apikey auth_token private_key} (any case, so H2's {@code ;PASSWORD=} too);</li>
 *   <li>Slack tokens ({@code xoxb- xoxp- xoxa- xoxe- xoxs- xoxr- xoxo- xapp-}: the prefix stays), bearer
 *       tokens ({@code Bearer abc...}), Discord bot tokens and JSON Web Tokens (three dot-separated
 *       base64url parts);</li>
 *   <li>every value {@link #register registered} as a secret (a password or token read from the
 *       environment or a file), wherever it appears.</li>
 * </ul>
 * Redaction is idempotent and never throws; {@code null} stays {@code null}.
 */
public final class Secrets {

    /** What a secret is replaced by. */
    public static final String MASK = "***";

    /** Registered values shorter than this are not searched for (they would mask ordinary words). */
    public static final int MIN_REGISTERED_LENGTH = 4;

    private static final String KEYS = "password|passwd|pwd|sslpassword|secret|client_secret|token|access_token|refresh_token"
            + "|api_key|apikey|auth_token|private_key";

    // each rule is tried only when its cheap precondition holds (a character or word it cannot match
    // without), so text without secrets (nearly every check result on the replay path) costs one scan
    private static final List<Rule> RULES = List.of(
            // scheme://user:password@host (the password may hold '@': the last '@' before the path ends it)
            new Rule(Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://[^\\s/?#@:\"'\\\\]*):([^\\s/?#\"'\\\\]*)@"), "$1:" + MASK + "@",
                    s -> s.indexOf('@') >= 0 && s.contains("://")),
            // key=value in query strings, JDBC URLs, H2 settings, command lines
            new Rule(Pattern.compile("(?i)(?<![A-Za-z0-9_-])(" + KEYS + ")=([^\\s&;,\"'}\\]\\\\]+)"), "$1=" + MASK,
                    s -> s.indexOf('=') >= 0),
            // "key": "value" in JSON
            new Rule(Pattern.compile("(?i)(\"(?:" + KEYS + ")\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)+)\""), "$1" + MASK + "\"",
                    s -> s.indexOf('"') >= 0),
            // Slack tokens keep their prefix, so a reader still sees which kind leaked
            new Rule(Pattern.compile("\\b(xox[abposre]|xapp)-[A-Za-z0-9-]{4,}"), "$1-" + MASK,
                    s -> s.contains("xox") || s.contains("xapp-")),
            new Rule(Pattern.compile("(?i)\\b(bearer)\\s+[A-Za-z0-9._~+/=-]{8,}"), "$1 " + MASK,
                    Secrets::mentionsBearer),
            // Discord bot tokens and JSON Web Tokens: three base64url parts joined by dots
            new Rule(Pattern.compile("\\b[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{6,}\\.[A-Za-z0-9_-]{20,}"), MASK,
                    s -> s.length() >= 48 && s.indexOf('.') >= 0));

    private static final Set<String> REGISTERED = new CopyOnWriteArraySet<>();

    private Secrets() {
    }

    /** {@code text} with every secret replaced by {@value #MASK}; {@code null} stays {@code null}. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = text;
        for (String secret : REGISTERED) {
            if (s.contains(secret)) {
                s = s.replace(secret, MASK);
            }
        }
        for (Rule r : RULES) {
            if (!r.mayMatch.test(s)) {
                continue;
            }
            Matcher m = r.pattern.matcher(s);
            if (m.find()) {
                s = m.replaceAll(r.replacement);
            }
        }
        return s;
    }

    /** True when {@link #redact(String)} would change {@code text}. */
    public static boolean containsSecret(String text) {
        return text != null && !text.equals(redact(text));
    }

    /**
     * Registers a secret value (a password or token the process was given), so that it is masked
     * wherever it appears, in any form of text. Blank values and values shorter than
     * {@value #MIN_REGISTERED_LENGTH} characters are ignored.
     */
    public static void register(String secret) {
        if (secret != null && secret.strip().length() >= MIN_REGISTERED_LENGTH) {
            REGISTERED.add(secret.strip());
        }
    }

    /** An exception's message, redacted; the class name when it has none. */
    public static String message(Throwable t) {
        if (t == null) {
            return "";
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : redact(m);
    }

    /**
     * An exception's stack trace as {@link Throwable#printStackTrace()} prints it (causes and suppressed
     * exceptions included), redacted: what {@code --debug} and an uncaught exception show.
     */
    public static String stackTrace(Throwable t) {
        if (t == null) {
            return "";
        }
        java.io.StringWriter w = new java.io.StringWriter();
        try (java.io.PrintWriter p = new java.io.PrintWriter(w)) {
            t.printStackTrace(p);
        }
        return redact(w.toString());
    }

    private static boolean mentionsBearer(String s) {
        for (int i = 0; i + 6 <= s.length(); i++) {
            char c = s.charAt(i);
            if ((c == 'b' || c == 'B') && s.regionMatches(true, i, "bearer", 0, 6)) {
                return true;
            }
        }
        return false;
    }

    private record Rule(Pattern pattern, String replacement, java.util.function.Predicate<String> mayMatch) {
    }
}
