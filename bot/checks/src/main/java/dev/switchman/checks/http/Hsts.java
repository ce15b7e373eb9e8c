package dev.switchman.checks.http;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A Strict-Transport-Security header per RFC 6797 section 6.1: directives separated by ';',
 * names case-insensitive, values token or quoted-string; max-age is required; a directive given
 * twice makes the whole header invalid. {@code preload} is not in the RFC but is what the
 * hstspreload.org list asks for.
 */
public record Hsts(boolean valid, long maxAge, boolean includeSubDomains, boolean preload, String problem) {

    public static final Hsts ABSENT = new Hsts(false, 0, false, false, "absent");

    public static Hsts parse(String header) {
        if (header == null) {
            return ABSENT;
        }
        long maxAge = -1;
        boolean sub = false;
        boolean preload = false;
        Set<String> seen = new HashSet<>();
        for (String raw : header.split(";", -1)) {
            String d = raw.trim();
            if (d.isEmpty()) {
                continue;
            }
            int eq = d.indexOf('=');
            String name = (eq < 0 ? d : d.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? null : d.substring(eq + 1).trim();
            if (!seen.add(name)) {
                return new Hsts(false, 0, false, false, "directive '" + name + "' appears twice");
            }
            if (value != null && value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            switch (name) {
                case "max-age" -> {
                    if (value == null || !value.matches("\\d+")) {
                        return new Hsts(false, 0, false, false, "max-age '" + value + "' is not a number of seconds");
                    }
                    try {
                        maxAge = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        maxAge = Long.MAX_VALUE;
                    }
                }
                case "includesubdomains" -> sub = true;
                case "preload" -> preload = true;
                default -> {
                    // unknown directives are ignored (RFC 6797 6.1)
                }
            }
        }
        if (maxAge < 0) {
            return new Hsts(false, 0, false, false, "max-age is missing");
        }
        return new Hsts(true, maxAge, sub, preload, "");
    }
}
