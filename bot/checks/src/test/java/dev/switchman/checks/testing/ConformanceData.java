package dev.switchman.checks.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds {@code ../shared/conformance/<topic>} from the project root (the directory whose pom.xml is
 * switchman-parent), or the nearest {@code shared/conformance} above it (for worktrees), read in place. Absent: the test is skipped with the reason, or fails when CI=true.
 */
public final class ConformanceData {

    private ConformanceData() {
    }

    public static Path dir(String topic) {
        Path root = projectRoot();
        Path dir = root == null ? null : root.resolve("../shared/conformance").resolve(topic).normalize();
        // a git worktree of the project may sit one level deeper than the checkout (../../shared)
        for (Path up = root == null ? null : root.getParent(); dir != null && !Files.isDirectory(dir) && up != null; up = up.getParent()) {
            Path candidate = up.resolve("shared/conformance").resolve(topic);
            if (Files.isDirectory(candidate)) {
                dir = candidate;
            }
        }
        if (dir == null || !Files.isDirectory(dir)) {
            String reason = "conformance data " + (dir == null ? "../shared/conformance/" + topic + " (project root not found)" : dir) + " is absent";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(reason + " and CI=true");
            }
            assumeTrue(false, reason);
        }
        return dir;
    }

    public static Path projectRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            Path pom = p.resolve("pom.xml");
            try {
                if (Files.isRegularFile(pom) && Files.readString(pom).contains("<artifactId>switchman-parent</artifactId>")
                        && !Files.readString(pom).contains("<relativePath>")) {
                    return p;
                }
            } catch (IOException ignored) {
                // keep walking up
            }
            p = p.getParent();
        }
        return null;
    }
}
