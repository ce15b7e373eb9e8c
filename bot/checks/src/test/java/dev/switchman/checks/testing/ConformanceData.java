package dev.switchman.checks.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The conformance suites for tests ({@link ConformanceFiles} finds them). Absent: the test is skipped
 * with the reason, or fails when CI=true.
 */
public final class ConformanceData {

    private ConformanceData() {
    }

    public static Path dir(String topic) {
        Optional<Path> dir = ConformanceFiles.find(topic);
        if (dir.isEmpty()) {
            Path root = ConformanceFiles.projectRoot();
            String reason = "conformance data " + (root == null ? "../shared/conformance/" + topic + " (project root not found)"
                    : root.resolve("../shared/conformance").resolve(topic).normalize()) + " is absent";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(reason + " and CI=true");
            }
            assumeTrue(false, reason);
        }
        return dir.get();
    }
}
