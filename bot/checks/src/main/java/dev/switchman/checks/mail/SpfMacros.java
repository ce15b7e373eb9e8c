package dev.switchman.checks.mail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** RFC 7208 section 7 macro expansion: letters, digit and "r" transformers, delimiters, URL escaping. */
final class SpfMacros {

    private SpfMacros() {
    }

    /** A macro string is malformed: the caller turns this into permerror. */
    static final class MacroSyntaxException extends RuntimeException {
        MacroSyntaxException(String message) {
            super(message);
        }
    }

    /**
     * Expands {@code s}. {@code values} gives the raw value of a lower-case macro letter (called lazily,
     * since %{p} costs DNS lookups). {@code explanation} allows c, r and t and spaces.
     */
    static String expand(String s, Function<Character, String> values, boolean explanation) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char ch = s.charAt(i);
            if (ch != '%') {
                if (ch == ' ' ? !explanation : (ch < 0x21 || ch > 0x7e)) {
                    throw new MacroSyntaxException("character '" + ch + "' not allowed in a macro string");
                }
                out.append(ch);
                i++;
                continue;
            }
            if (i + 1 >= s.length()) {
                throw new MacroSyntaxException("'%' at the end of '" + s + "'");
            }
            char next = s.charAt(i + 1);
            switch (next) {
                case '%' -> { out.append('%'); i += 2; }
                case '_' -> { out.append(' '); i += 2; }
                case '-' -> { out.append("%20"); i += 2; }
                case '{' -> {
                    int end = s.indexOf('}', i + 2);
                    if (end < 0) {
                        throw new MacroSyntaxException("unclosed '%{' in '" + s + "'");
                    }
                    out.append(expandOne(s.substring(i + 2, end), values, explanation));
                    i = end + 1;
                }
                default -> throw new MacroSyntaxException("'%" + next + "' is not a macro (use %%, %_, %- or %{...})");
            }
        }
        return out.toString();
    }

    private static String expandOne(String body, Function<Character, String> values, boolean explanation) {
        if (body.isEmpty()) {
            throw new MacroSyntaxException("empty macro %{}");
        }
        char letter = body.charAt(0);
        char lower = Character.toLowerCase(letter);
        if ("slodiphv".indexOf(lower) < 0 && !(explanation && "crt".indexOf(lower) >= 0)) {
            throw new MacroSyntaxException("unknown macro letter '" + letter + "'" + ("crt".indexOf(lower) >= 0 ? " (only in exp= text)" : ""));
        }
        int j = 1;
        int digitsStart = j;
        while (j < body.length() && Character.isDigit(body.charAt(j))) {
            j++;
        }
        int keep = -1;
        if (j > digitsStart) {
            String digits = body.substring(digitsStart, j);
            keep = digits.length() > 3 ? 1000 : Integer.parseInt(digits);
            if (keep == 0) {
                throw new MacroSyntaxException("macro transformer digits must be non-zero in %{" + body + "}");
            }
        }
        boolean reverse = false;
        if (j < body.length() && (body.charAt(j) == 'r' || body.charAt(j) == 'R')) {
            reverse = true;
            j++;
        }
        String delimiters = body.substring(j);
        for (char d : delimiters.toCharArray()) {
            if (".-+,/_=".indexOf(d) < 0) {
                throw new MacroSyntaxException("'" + d + "' is not a macro delimiter in %{" + body + "}");
            }
        }
        String value = values.apply(lower);
        if (value == null) {
            value = "";
        }
        String delims = delimiters.isEmpty() ? "." : delimiters;
        boolean transform = keep > 0 || reverse || !delimiters.isEmpty();
        if (transform) {
            List<String> parts = split(value, delims);
            if (reverse) {
                Collections.reverse(parts);
            }
            if (keep > 0 && keep < parts.size()) {
                parts = parts.subList(parts.size() - keep, parts.size());
            }
            value = String.join(".", parts);
        }
        return Character.isUpperCase(letter) ? urlEscape(value) : value;
    }

    private static List<String> split(String value, String delims) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (delims.indexOf(c) >= 0) {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString());
        return parts;
    }

    static String urlEscape(String v) {
        StringBuilder sb = new StringBuilder();
        for (byte b : v.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return sb.toString();
    }
}
