package dev.switchman.console;

import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.SyntaxError;
import org.jline.reader.impl.DefaultParser;

/**
 * A JLine parser for which a line is always one command. Spring Shell's parser reports an open
 * quote (or a trailing backslash) as "input not finished", so JLine keeps reading lines into the same
 * command and {@code done step "oops} swallows every command typed after it. This parser hands the
 * line over as typed instead; the bot's tokenizer then answers "unclosed quote opened at column N".
 * Completion and highlighting still use the wrapped parser.
 */
public final class SingleLineParser implements Parser {

    private final Parser delegate;
    private final DefaultParser plain = new DefaultParser();

    private SingleLineParser(Parser delegate) {
        this.delegate = delegate;
        plain.setEofOnUnclosedQuote(false);
        plain.setEofOnEscapedNewLine(false);
    }

    /** Wraps {@code delegate} (null: JLine's default parser) so that it never asks for a continuation line. */
    public static Parser wrap(Parser delegate) {
        return delegate instanceof SingleLineParser s ? s : new SingleLineParser(delegate);
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) throws SyntaxError {
        if (delegate == null) {
            return plain.parse(line, cursor, context);
        }
        try {
            return delegate.parse(line, cursor, context);
        } catch (EOFError unfinished) {
            return plain.parse(line, cursor, context);
        }
    }

    @Override
    public boolean isEscapeChar(char ch) {
        return delegate == null ? plain.isEscapeChar(ch) : delegate.isEscapeChar(ch);
    }
}
