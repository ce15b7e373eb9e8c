package dev.switchman.core.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The machine's load average over 1, 5 and 15 minutes, as {@code /proc/loadavg} gives it (Linux).
 * Benchmarks report it at start and end so a figure measured on a busy, shared machine says so.
 */
public record LoadAverage(double one, double five, double fifteen) {

    static final Path PROC = Path.of("/proc/loadavg");

    /** Reads {@code /proc/loadavg}; empty where it does not exist or cannot be read (not Linux). */
    public static Optional<LoadAverage> read() {
        return read(PROC);
    }

    /** Reads a file in {@code /proc/loadavg} form ({@code "0.52 0.61 0.70 1/234 5678"}); empty if absent or malformed. */
    public static Optional<LoadAverage> read(Path file) {
        try {
            String[] f = Files.readString(file).trim().split("\\s+");
            return Optional.of(new LoadAverage(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** {@code [one, five, fifteen]}, as the JSON output carries it. */
    public List<Double> toList() {
        return List.of(one, five, fifteen);
    }
}
