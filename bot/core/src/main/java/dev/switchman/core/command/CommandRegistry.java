package dev.switchman.core.command;

import dev.switchman.core.text.Suggestions;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Commands by name; registering a name again replaces it (how the simulator provides {@code rehearse}). */
public final class CommandRegistry {

    private final Map<String, Command> byName = new ConcurrentHashMap<>();

    public void register(Command c) {
        byName.put(c.name().toLowerCase(), c);
    }

    public Optional<Command> find(String name) {
        return Optional.ofNullable(byName.get(name.toLowerCase()));
    }

    /** Finds or throws naming the command with a did-you-mean. */
    public Command require(String name) {
        return find(name).orElseThrow(() -> new CommandException(name, null,
                "unknown command '" + name + "'" + Suggestions.hint(name, byName.keySet()) + " (`help` lists them)"));
    }

    public Collection<Command> all() {
        return new TreeMap<>(byName).values();
    }
}
