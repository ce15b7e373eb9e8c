package dev.switchman.simulator.gameday;

import dev.switchman.core.bot.Bot;
import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.command.Command;
import dev.switchman.core.command.CommandContext;
import dev.switchman.core.command.CommandException;
import dev.switchman.core.decision.DecisionEngine;
import dev.switchman.core.time.Scheduler;
import dev.switchman.core.yaml.Problem;
import dev.switchman.rules.engine.DroolsDecisionEngine;
import dev.switchman.simulator.scenario.Scenario;
import dev.switchman.simulator.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@code rehearse <scenario> [60x]}: a game day in this channel (see {@link GameDay}).
 * {@code rehearse done|approve|go|rollback|check|status ...} answers the rehearsal run;
 * {@code rehearse stop} interrupts it. Scenarios are found by id (file name without {@code .yaml}) or by
 * a path relative to a runbook folder, and only among the {@code scenarios/*.yaml} files inside the
 * configured runbook folders: from chat, any other path (such as {@code /etc/passwd} or
 * {@code ../../x.yaml}) is refused without being read.
 */
public final class RehearseCommand implements Command {

    static final Set<String> FORWARDED = Set.of("done", "approve", "go", "rollback", "check", "status", "abort", "timeline", "notify");
    static final double DEFAULT_SPEED = 60;

    private final Bot bot;
    private final List<Path> folders;
    private final Path reports;
    private final Supplier<DecisionEngine> engine;
    private final Map<String, GameDay> games = new ConcurrentHashMap<>();
    private Scheduler wall;

    /** {@code folders}: the runbook folders whose {@code <runbook>/scenarios/*.yaml} chat may play. */
    public RehearseCommand(Bot bot, List<Path> folders, Path reports, Supplier<DecisionEngine> engine) {
        this.bot = bot;
        this.folders = folders.stream().map(f -> f.toAbsolutePath().normalize()).distinct().toList();
        this.reports = reports;
        this.engine = engine;
    }

    /** Registers {@code rehearse} on the bot; scenarios are looked up under {@code base/runbooks}, reports go under {@code reports}. */
    public static RehearseCommand register(Bot bot, Path base, Path reports) {
        return register(bot, List.of(base.resolve("runbooks")), reports, null);
    }

    /** As {@link #register(Bot, Path, Path)}, game days paced on {@code wall} (null: the system clock). */
    public static RehearseCommand register(Bot bot, Path base, Path reports, Scheduler wall) {
        return register(bot, List.of(base.resolve("runbooks")), reports, wall);
    }

    /**
     * Registers {@code rehearse} on the bot; chat may play the scenarios inside {@code folders}; reports go
     * under {@code reports}; game days are paced on {@code wall} (null: the system clock).
     */
    public static RehearseCommand register(Bot bot, List<Path> folders, Path reports, Scheduler wall) {
        RehearseCommand c = new RehearseCommand(bot, folders, reports, DroolsDecisionEngine::new);
        c.wall = wall;
        bot.registerCommand(c);
        return c;
    }

    @Override
    public String name() {
        return "rehearse";
    }

    @Override
    public String usage() {
        return "rehearse <scenario> [speed, e.g. 60x] | rehearse <done|approve|go|rollback|check|status> ... | rehearse stop";
    }

    @Override
    public String description() {
        return "Plays a rehearsal scenario as a game day in this channel at the chosen speed (virtual seconds per second). "
                + "Answer its steps with `rehearse done <step>`, `rehearse approve`, `rehearse rollback \"reason\"`; `rehearse stop` ends it "
                + "(rollback steps still run, the report is still written).";
    }

    @Override
    public List<String> examples() {
        return List.of("rehearse replication-lag-at-cutover 120x", "rehearse done lower-ttl-3600", "rehearse stop");
    }

    @Override
    public List<String> candidates(CommandContext ctx, int index) {
        if (index != 0) {
            return List.of();
        }
        return scenarioFiles().map(p -> p.getFileName().toString().replaceFirst("\\.yaml$", "")).toList();
    }

    @Override
    public ChatMessage execute(CommandContext ctx) {
        List<String> args = ctx.invocation().args();
        if (args.isEmpty()) {
            throw new CommandException("rehearse", "scenario", "name a scenario: " + String.join(", ", candidates(ctx, 0)));
        }
        String first = args.get(0);
        GameDay running = games.get(ctx.channel());
        if (running != null && running.result().isDone()) {
            games.remove(ctx.channel());
            running = null;
        }
        if (first.equals("stop")) {
            if (running == null) {
                return ChatMessage.of(ChatMessage.Tone.INFO, "No game day here", "Nothing to stop in this channel.");
            }
            running.interrupt();
            return ChatMessage.of(ChatMessage.Tone.WARNING, "Game day interrupted", "Rolling back the rehearsal run and writing the report.");
        }
        if (FORWARDED.contains(first)) {
            if (running == null) {
                throw new CommandException("rehearse", first, "no game day in this channel; start one with `rehearse <scenario>`");
            }
            running.type(ctx.user().qualifiedId(), String.join(" ", args.stream().map(RehearseCommand::quoteIfNeeded).toList()));
            return ChatMessage.text("(rehearsal) " + String.join(" ", args));
        }
        if (running != null) {
            throw new CommandException("rehearse", first, "a game day is already running here (" + running.scenario().id() + "); `rehearse stop` first");
        }
        Path file = resolve(first);
        ScenarioLoader.Result r = ScenarioLoader.load(file);
        if (!r.ok()) {
            return ChatMessage.of(ChatMessage.Tone.DANGER, "Scenario has errors",
                    String.join("\n", r.errors().stream().map(Problem::toString).toList()));
        }
        double speed = r.scenario().speed().max() ? DEFAULT_SPEED : r.scenario().speed().factor();
        if (args.size() > 1) {
            String f = args.get(1);
            try {
                speed = Double.parseDouble(f.endsWith("x") ? f.substring(0, f.length() - 1) : f);
            } catch (NumberFormatException e) {
                throw new CommandException("rehearse", "speed", "expected a speed factor such as 60 or 120x, got '" + f + "'");
            }
            if (speed <= 0) {
                throw new CommandException("rehearse", "speed", "the speed factor must be positive, got '" + f + "'");
            }
        }
        Scenario s = forChat(r.scenario(), speed);
        Path reportDir = reports == null ? null : reports.resolve(s.id() + "-" + ctx.channel().replaceAll("[^A-Za-z0-9-]", ""));
        GameDay g = new GameDay(s, r.runbook(), engine, bot.backend(), ctx.channel(), reportDir, wall);
        games.put(ctx.channel(), g);
        return ChatMessage.builder("Game day: " + s.title()).tone(ChatMessage.Tone.INFO)
                .text(s.description() == null ? "" : s.description().strip())
                .field("runbook", r.runbook().id())
                .field("speed", (long) speed + "x (one virtual hour every " + Math.max(1, Math.round(3600 / speed)) + " s)")
                .field("answer with", "rehearse done <step> · rehearse approve · rehearse rollback \"reason\" · rehearse stop")
                .build();
    }

    /** The game day instance of this channel, if one runs. */
    public GameDay game(String channel) {
        return games.get(channel);
    }

    static Scenario forChat(Scenario s, double speed) {
        Scenario.Responders r = s.responders();
        Scenario.Responders chat = new Scenario.Responders(Scenario.Responders.Mode.CHAT, r.approvers(), r.manualDefault(), r.durations(),
                r.reaction(), false, r.location());
        return new Scenario(s.id(), s.title(), s.description(), s.source(), s.runbookPath(), s.start(), Scenario.Speed.factor(speed), chat,
                s.defaultBaseline(), s.baseline(), s.intervals(), s.timeline(), s.expectations(), s.end());
    }

    private static String quoteIfNeeded(String a) {
        return a.contains(" ") ? "\"" + a.replace("\"", "\\\"") + "\"" : a;
    }

    /**
     * The scenario file {@code name} names: one of {@link #scenarioFiles()}, matched by id or by a path
     * relative to a runbook folder. Nothing outside the folders is opened, not even to see if it exists.
     */
    Path resolve(String name) {
        List<Path> known = scenarioFiles().toList();
        String file = name.endsWith(".yaml") ? name : name + ".yaml";
        for (Path f : known) {
            if (f.getFileName().toString().equals(file)) {
                return f;
            }
        }
        if (!name.contains("\0")) {
            for (Path folder : folders) {
                for (String candidate : List.of(name, file)) {
                    Path p;
                    try {
                        p = folder.resolve(candidate).normalize();
                    } catch (java.nio.file.InvalidPathException e) {
                        continue;
                    }
                    if (known.contains(p)) {
                        return p;
                    }
                }
            }
        }
        throw new CommandException("rehearse", name, "from chat, `rehearse` plays only the scenarios in the runbook folders ("
                + String.join(", ", folders.stream().map(Path::toString).toList()) + "); '" + name + "' is not one of them. Known: "
                + String.join(", ", known.stream().map(f -> f.getFileName().toString().replaceFirst("\\.yaml$", "")).toList()));
    }

    /** Every {@code scenarios/*.yaml} inside the runbook folders whose real location is inside the folder too (no symlink out). */
    private Stream<Path> scenarioFiles() {
        List<Path> out = new java.util.ArrayList<>();
        for (Path root : folders) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(root, 4)) {
                Path realRoot = root.toRealPath();
                s.filter(f -> f.getParent() != null && f.getParent().getFileName() != null
                                && f.getParent().getFileName().toString().equals("scenarios") && f.toString().endsWith(".yaml"))
                        .filter(f -> insideRealRoot(f, realRoot))
                        .sorted()
                        .forEach(out::add);
            } catch (IOException e) {
                // an unreadable folder offers no scenarios
            }
        }
        return out.stream();
    }

    private static boolean insideRealRoot(Path f, Path realRoot) {
        try {
            return Files.isRegularFile(f) && f.toRealPath().startsWith(realRoot);
        } catch (IOException e) {
            return false;
        }
    }
}
