package dev.switchman.core.command;

/** One word of a command line; {@code quoted} when it was written in quotes (then never an option). */
public record Token(String text, boolean quoted, int column) {
}
