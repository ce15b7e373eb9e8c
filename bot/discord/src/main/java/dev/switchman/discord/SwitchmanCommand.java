package dev.switchman.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * The {@code /switchman} slash command: one subcommand per verb of the bot's grammar, with typed options,
 * and the way back from a Discord invocation to the line the console would have typed
 * ({@code /switchman done step:lower-ttl note:took 4m} is {@code done lower-ttl "took 4m"}). Registered
 * with {@link #definition()} (JDA's builder, so Discord's limits are checked: 25 subcommands, 32-character
 * names, 100-character descriptions). {@code /switchman type command:...} takes any line of the grammar,
 * for what has no subcommand of its own ({@code rehearse done ...}).
 */
public final class SwitchmanCommand {

    /** The command's name on Discord. */
    public static final String NAME = "switchman";

    /** How an option's value goes into the line. */
    enum Kind {
        /** One word: quoted only when it needs to be. */
        WORD,
        /** Free text, one argument: always quoted. */
        TEXT,
        /** A boolean: {@code --name} when true. */
        FLAG,
        /** {@code --name "value"}. */
        OPTION,
        /** The whole line, as typed. */
        LINE
    }

    record Opt(String name, String description, boolean required, boolean autocomplete, Kind kind) {
    }

    record Sub(String name, String description, List<Opt> options) {
        Optional<Opt> option(String n) {
            return options.stream().filter(o -> o.name().equals(n)).findFirst();
        }
    }

    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9._:/@+=-]+");

    static final List<Sub> SUBCOMMANDS = List.of(
            sub("runbooks", "List the runbooks this bot can start"),
            sub("start", "Start a runbook in this channel", word("runbook", "Runbook id", true, true)),
            sub("status", "Post the run's status message (kept up to date in place)"),
            sub("done", "Confirm a step is done", word("step", "Step id", true, true), text("note", "A note for the log", false),
                    new Opt("override", "Mark it done although its checks fail: the reason (rollback authority)", false, false, Kind.OPTION)),
            sub("check", "Run checks now: the one named, else the current step's", word("id", "Check id", false, true)),
            sub("approve", "Grant an approval step (members of its role)", word("step", "Approval step id (default: the current one)", false, true)),
            sub("go", "Order the cutover (rollback authority; asks to confirm)", text("reason", "Why, for the log", false), yes()),
            sub("rollback", "Roll back now (rollback authority; asks to confirm)", text("reason", "Why, for the log", false), yes()),
            sub("abort", "Abort the run (asks to confirm)", text("reason", "Why, for the log", false), yes()),
            sub("notify", "Send stakeholders an update", word("audience", "Audience from the runbook", true, true),
                    text("text", "The update", true)),
            sub("rehearse", "Play a rehearsal scenario here as a game day", word("scenario", "Scenario id, or stop", true, true),
                    word("speed", "Virtual seconds per second, e.g. 60x", false, false)),
            sub("timeline", "The run's history"),
            sub("postmortem", "Draft a post-mortem from the run's log"),
            sub("help", "What the bot understands", word("command", "A command to explain", false, true)),
            sub("type", "Any command in the bot's grammar, as the console takes it",
                    new Opt("command", "e.g. done lower-ttl \"took 4m\"", true, false, Kind.LINE)));

    private SwitchmanCommand() {
    }

    private static Sub sub(String name, String description, Opt... options) {
        return new Sub(name, description, List.of(options));
    }

    private static Opt word(String name, String description, boolean required, boolean autocomplete) {
        return new Opt(name, description, required, autocomplete, Kind.WORD);
    }

    private static Opt text(String name, String description, boolean required) {
        return new Opt(name, description, required, false, Kind.TEXT);
    }

    private static Opt yes() {
        return new Opt("yes", "Confirm now, without the Confirm button", false, false, Kind.FLAG);
    }

    static Optional<Sub> subcommand(String name) {
        return SUBCOMMANDS.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The command as JDA builds it, for registration (gateway) or as JSON ({@code definition().toData()}) for the REST API. */
    public static SlashCommandData definition() {
        SlashCommandData cmd = Commands.slash(NAME, "Run a migration runbook: start, done, approve, go, rollback, status");
        for (Sub s : SUBCOMMANDS) {
            SubcommandData d = new SubcommandData(s.name(), s.description());
            for (Opt o : s.options()) {
                OptionType type = o.kind() == Kind.FLAG ? OptionType.BOOLEAN : OptionType.STRING;
                d.addOptions(new OptionData(type, o.name(), o.description(), o.required(), o.autocomplete()));
            }
            cmd.addSubcommands(d);
        }
        return cmd;
    }

    /** The registration body of {@code PUT /applications/{app}/commands}: a JSON array holding the one command. */
    public static String registrationJson() {
        return "[" + definition().toData().toString() + "]";
    }

    /**
     * The line in the bot's grammar for {@code /switchman <subcommand>} with {@code options} (name to value:
     * a string, or a Boolean for flags), options taken in the subcommand's declared order whatever order
     * they came in. An unknown subcommand gives its name alone, which the bot answers as an unknown command.
     */
    public static String line(String subcommand, Map<String, Object> options) {
        Optional<Sub> sub = subcommand(subcommand);
        if (sub.isEmpty()) return subcommand == null ? "help" : subcommand;
        List<String> words = new ArrayList<>();
        words.add(subcommand);
        for (Opt o : sub.get().options()) {
            Object v = options.get(o.name());
            if (v == null) continue;
            String s = v.toString();
            switch (o.kind()) {
                case LINE -> {
                    return s.strip();
                }
                case WORD -> words.add(quoteIfNeeded(s));
                case TEXT -> words.add(quote(s));
                case FLAG -> {
                    if (Boolean.TRUE.equals(v) || "true".equalsIgnoreCase(s)) words.add("--" + o.name());
                }
                case OPTION -> {
                    words.add("--" + o.name());
                    words.add(quote(s));
                }
            }
        }
        return String.join(" ", words);
    }

    /**
     * The line for autocompletion of option {@code focused} (its partial value {@code partial}): the subcommand
     * and the values of the options declared before it, then the partial word, unquoted, so that the bot's
     * completion sees which argument is being typed. Empty when the option completes nothing.
     */
    public static Optional<String> completionLine(String subcommand, Map<String, Object> options, String focused, String partial) {
        Optional<Sub> sub = subcommand(subcommand);
        if (sub.isEmpty()) return Optional.empty();
        List<String> words = new ArrayList<>();
        words.add(subcommand);
        for (Opt o : sub.get().options()) {
            if (o.name().equals(focused)) {
                if (!o.autocomplete()) return Optional.empty();
                String p = partial == null ? "" : partial.strip();
                return Optional.of(String.join(" ", words) + " " + (BARE.matcher(p).matches() ? p : ""));
            }
            Object v = options.get(o.name());
            if (v != null && (o.kind() == Kind.WORD || o.kind() == Kind.TEXT)) words.add(quote(v.toString()));
        }
        return Optional.empty();
    }

    static String quoteIfNeeded(String s) {
        return BARE.matcher(s).matches() && !s.startsWith("--") && !s.equals("-y") ? s : quote(s);
    }

    /** {@code s} as one double-quoted word of the grammar: backslashes and quotes escaped, typographic ones too (the tokenizer reads them as quotes). */
    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\u201C", "\\\u201C").replace("\u201D", "\\\u201D") + "\"";
    }
}
