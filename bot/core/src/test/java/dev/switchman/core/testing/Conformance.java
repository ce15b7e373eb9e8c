package dev.switchman.core.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared conformance suites for any module's tests, read in place: {@code ../shared/conformance/<topic>}
 * from the project root (the directory whose pom.xml is switchman-parent), or the nearest
 * {@code shared/conformance/<topic>} above it (a git worktree sits deeper than the checkout). Absent: the
 * test is skipped with the reason, or fails when {@code CI=true} (../shared/conformance/README.md).
 */
public final class Conformance {

    private Conformance() {
    }

    /** The topic's directory ({@code discord}, {@code crypto-primitives}, {@code slack}); skips or fails when absent. */
    public static Path dir(String topic) {
        Path root = projectRoot();
        Path dir = root == null ? null : root.resolve("../shared/conformance").resolve(topic).normalize();
        for (Path up = root == null ? null : root.getParent(); up != null && !Files.isDirectory(dir); up = up.getParent()) {
            dir = up.resolve("shared/conformance").resolve(topic);
        }
        if (dir == null || !Files.isDirectory(dir)) {
            String reason = "conformance data ../shared/conformance/" + topic + " is absent"
                    + (root == null ? " (project root not found)" : " (looked from " + root + ")");
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(reason + " and CI=true");
            }
            assumeTrue(false, reason);
        }
        return dir;
    }

    /** Writes a module's conformance summary to {@code target/conformance/<name>} and prints it. */
    public static void report(String name, String summary) {
        System.out.print(summary);
        try {
            Path out = Path.of("target", "conformance");
            Files.createDirectories(out);
            Files.writeString(out.resolve(name), summary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path projectRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path pom = p.resolve("pom.xml");
            try {
                if (Files.isRegularFile(pom) && Files.readString(pom).replaceAll("(?s)<parent>.*?</parent>", "")
                        .contains("<artifactId>switchman-parent</artifactId>")) {
                    return p;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return null;
    }
}
