package dev.switchman.console;

/** Where the console prints: a JLine terminal (above the prompt while reading) or a plain stream. */
@FunctionalInterface
public interface ConsoleOutput {

    /** Prints one block of text (may hold several lines), then flushes. Thread-safe. */
    void print(String text);

    static ConsoleOutput of(java.io.PrintStream stream) {
        return text -> {
            synchronized (stream) {
                stream.println(text);
                stream.flush();
            }
        };
    }
}
