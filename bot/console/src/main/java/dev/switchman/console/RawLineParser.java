package dev.switchman.console;

import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.ParsedInput;

/**
 * Spring Shell's default parser splits and unquotes words; chat commands need the text as typed
 * ({@code done backup "took 4m"} must reach the bot unchanged). This parser takes the first word as
 * the command and hands the rest over raw as argument 0. A lone {@code --help}/{@code -h} stays the
 * help option.
 */
public final class RawLineParser implements CommandParser {

    @Override
    public ParsedInput parse(String input) {
        String line = input == null ? "" : input.strip();
        int space = indexOfWhitespace(line);
        String name = space < 0 ? line : line.substring(0, space);
        String rest = space < 0 ? "" : line.substring(space + 1).strip();
        ParsedInput.Builder builder = ParsedInput.builder().commandName(name);
        if (rest.equals("--help") || rest.equals("-h")) {
            builder.addOption(CommandOption.with().shortName('h').longName("help").value("true").build());
        } else if (!rest.isEmpty()) {
            builder.addArgument(new CommandArgument(0, rest));
        }
        return builder.build();
    }

    /** The raw text after the command name, empty when none. */
    public static String rest(ParsedInput input) {
        return input.arguments().isEmpty() ? "" : input.arguments().get(0).value();
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
