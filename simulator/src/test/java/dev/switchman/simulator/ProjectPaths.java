package dev.switchman.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds the project root (the directory whose pom.xml is switchman-parent) from the test's working directory. */
public final class ProjectPaths {

    private ProjectPaths() {
    }

    public static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            Path pom = p.resolve("pom.xml");
            try {
                if (Files.isRegularFile(pom) && Files.readString(pom).contains("<artifactId>switchman-parent</artifactId>")
                        && Files.isDirectory(p.resolve("runbooks"))) {
                    return p;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            p = p.getParent();
        }
        throw new IllegalStateException("no switchman-parent pom.xml above " + Path.of("").toAbsolutePath());
    }

    /** Every scenario file under runbooks/, sorted. */
    public static List<Path> scenarios() {
        try (Stream<Path> s = Files.walk(root().resolve("runbooks"))) {
            return s.filter(f -> f.getParent().getFileName().toString().equals("scenarios") && f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
