package dev.switchman.checks.mail;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * RFC 6376 section 3.2 tag=value lists (also used by DMARC, RFC 7489 section 6.4): tags separated by
 * ";", white space around names and values ignored, names case-sensitive, a duplicate name makes the
 * whole list invalid, a trailing ";" allowed.
 */
final class TagList {

    static final class TagSyntaxException extends IllegalArgumentException {
        TagSyntaxException(String message) {
            super(message);
        }
    }

    private TagList() {
    }

    /** Tags in order. Throws TagSyntaxException saying what is wrong. */
    static Map<String, String> parse(String text) {
        Map<String, String> tags = new LinkedHashMap<>();
        String[] specs = text.split(";", -1);
        for (int i = 0; i < specs.length; i++) {
            String spec = specs[i];
            if (spec.isBlank()) {
                if (i == specs.length - 1) {
                    break; // trailing ";"
                }
                throw new TagSyntaxException("empty tag between ';' at position " + (i + 1));
            }
            int eq = spec.indexOf('=');
            if (eq < 0) {
                throw new TagSyntaxException("'" + spec.trim() + "' is not a tag=value pair");
            }
            String name = spec.substring(0, eq).strip();
            String value = spec.substring(eq + 1).strip();
            if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
                throw new TagSyntaxException("'" + name + "' is not a valid tag name");
            }
            for (char c : value.toCharArray()) {
                boolean ws = c == ' ' || c == '\t' || c == '\r' || c == '\n';
                if (!ws && (c < 0x21 || c > 0x7e || c == ';')) {
                    throw new TagSyntaxException("tag '" + name + "' has a character not allowed in a value (0x"
                            + Integer.toHexString(c).toUpperCase(Locale.ROOT) + ")");
                }
            }
            if (tags.put(name, value) != null) {
                throw new TagSyntaxException("tag '" + name + "' appears twice");
            }
        }
        return tags;
    }
}
