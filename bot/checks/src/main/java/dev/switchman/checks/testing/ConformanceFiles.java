package dev.switchman.checks.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the shared conformance suites, read in place: {@code ../shared/conformance/<topic>} from the
 * project root (the directory whose pom.xml is switchman-parent), or the nearest
 * {@code shared/conformance/<topic>} above it (a git worktree sits deeper than the checkout).
 */
public final class ConformanceFiles {

    private ConformanceFiles() {
    }

    /** The topic's directory (e.g. {@code spf}) found from the working directory, or empty. */
    public static Optional<Path> find(String topic) {
        Path root = projectRoot();
        if (root == null) {
            return Optional.empty();
        }
        Path dir = root.resolve("../shared/conformance").resolve(topic).normalize();
        for (Path up = root.getParent(); !Files.isDirectory(dir) && up != null; up = up.getParent()) {
            Path candidate = up.resolve("shared/conformance").resolve(topic);
            if (Files.isDirectory(candidate)) {
                dir = candidate;
            }
        }
        return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }

    /** The Switchman checkout containing the working directory, or null outside one. */
    public static Path projectRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            Path pom = p.resolve("pom.xml");
            try {
                if (Files.isRegularFile(pom)) {
                    String text = Files.readString(pom);
                    if (text.contains("<artifactId>switchman-parent</artifactId>") && !text.contains("<relativePath>")) {
                        return p;
                    }
                }
            } catch (IOException ignored) {
                // keep walking up
            }
            p = p.getParent();
        }
        return null;
    }
}
