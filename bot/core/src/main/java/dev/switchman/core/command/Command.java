package dev.switchman.core.command;

import dev.switchman.core.chat.ChatMessage;
import java.util.List;

/**
 * One chat command. Its {@link #usage()} and {@link #description()} are its help text. Validation of
 * arguments ({@link #validate}) runs before the middleware (idempotency, authorization, confirmation,
 * audit); {@link #execute} runs on the channel's run when there is one. Register more with
 * {@code Bot.registerCommand} (the simulator adds {@code rehearse} this way).
 */
public interface Command {

    /** The word that invokes it, lower case. */
    String name();

    /** {@code done <step> [note]}: {@code <x>} required, {@code [x]} optional. */
    String usage();

    /** What it does, a sentence or two; shown by {@code help}. */
    String description();

    /** Who may use it, for help (the rule itself is {@link #requiredRoles}). */
    default String who() {
        return "anyone in the channel";
    }

    default List<String> examples() {
        return List.of();
    }

    /** Commands with side effects need confirmation: a button, or {@code --yes}. */
    default boolean sideEffect() {
        return false;
    }

    /**
     * Whether this invocation needs confirmation; by default {@link #sideEffect()}. {@code done} needs it
     * only with {@code --override}.
     */
    default boolean sideEffect(CommandContext ctx) {
        return sideEffect();
    }

    /** Options besides {@code --yes} this command accepts (words of {@link Invocation#OPTIONS}, without dashes). */
    default java.util.Set<String> options() {
        return java.util.Set.of();
    }

    /** True when the command needs an active run in the channel. */
    default boolean needsRun() {
        return false;
    }

    /** Roles of which the user must hold one (empty: anyone). Evaluated by the authorization middleware. */
    default List<String> requiredRoles(CommandContext ctx) {
        return List.of();
    }

    /** Checks the arguments; throws {@link CommandException} naming the argument. */
    default void validate(CommandContext ctx) {
    }

    /** Tab-completion candidates for argument {@code index} (0-based). */
    default List<String> candidates(CommandContext ctx, int index) {
        return List.of();
    }

    ChatMessage execute(CommandContext ctx);
}
