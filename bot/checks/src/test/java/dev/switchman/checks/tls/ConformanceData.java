package dev.switchman.checks.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the shared conformance folder in place: walks up from the module directory to the project
 * root (the directory whose pom.xml is switchman-parent), then looks for {@code shared/conformance}
 * beside it or beside one of its ancestors (a worktree sits one level deeper than the main checkout).
 * Absent: the caller's tests are skipped, or fail when {@code CI=true}.
 */
public final class ConformanceData {

    private ConformanceData() {
    }

    public static Optional<Path> find() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        Path root = null;
        for (Path p = dir; p != null; p = p.getParent()) {
            Path pom = p.resolve("pom.xml");
            try {
                if (Files.isRegularFile(pom) && Files.readString(pom).contains("<artifactId>switchman-parent</artifactId>")) {
                    root = p;
                    // keep walking: a module pom names the parent too; the top-most one is the root
                }
            } catch (IOException e) {
                // unreadable pom: not the root
            }
        }
        if (root == null) {
            return Optional.empty();
        }
        for (Path p = root.getParent(); p != null; p = p.getParent()) {
            Path c = p.resolve("shared").resolve("conformance");
            if (Files.isDirectory(c)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The named sub-folder, or skip (fail under CI=true) with the reason. */
    public static Path require(String sub) {
        Optional<Path> base = find();
        Path dir = base.map(b -> b.resolve(sub)).orElse(null);
        if (dir == null || !Files.isDirectory(dir)) {
            String reason = "conformance data " + sub + " not found (expected ../shared/conformance/" + sub + " beside the project root)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(reason + " and CI=true");
            }
            Assumptions.abort(reason);
        }
        return dir;
    }
}
