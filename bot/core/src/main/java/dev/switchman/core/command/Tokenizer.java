package dev.switchman.core.command;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words: blanks separate, {@code "double"} and {@code 'single'} quotes group
 * (a backslash escapes the next character inside double quotes), so {@code done backup "took 4 min"}
 * is three words. Typographic quotes from phones ({@code “ ” ‘ ’}) count as quotes.
 */
public final class Tokenizer {

    private Tokenizer() {
    }

    public static List<Token> tokenize(String line) {
        List<Token> out = new ArrayList<>();
        String s = normalise(line == null ? "" : line);
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            StringBuilder word = new StringBuilder();
            boolean quoted = false;
            while (i < n && !Character.isWhitespace(s.charAt(i))) {
                char ch = s.charAt(i);
                if (ch == '"' || ch == '\'') {
                    quoted = true;
                    int open = i;
                    i++;
                    boolean closed = false;
                    while (i < n) {
                        char q = s.charAt(i);
                        if (q == '\\' && ch == '"' && i + 1 < n) {
                            word.append(s.charAt(i + 1));
                            i += 2;
                            continue;
                        }
                        if (q == ch) {
                            closed = true;
                            i++;
                            break;
                        }
                        word.append(q);
                        i++;
                    }
                    if (!closed) {
                        throw new CommandException(null, null, "unclosed quote opened at column " + (open + 1)
                                + ": expected a closing " + ch + " before the end of the line; the command was not run");
                    }
                } else {
                    word.append(ch);
                    i++;
                }
            }
            out.add(new Token(word.toString(), quoted, start + 1));
        }
        return out;
    }

    private static String normalise(String s) {
        return s.replace('\u201C', '"').replace('\u201D', '"').replace('\u2018', '\'').replace('\u2019', '\'');
    }
}
