package dev.switchman.core.runbook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The project root: the nearest folder upwards holding the pom.xml of switchman-parent. */
final class ProjectRoot {

    private ProjectRoot() {
    }

    static Path find() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path pom = dir.resolve("pom.xml");
            try {
                if (Files.isRegularFile(pom) && isParentPom(Files.readString(pom))) {
                    return dir;
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no switchman-parent pom.xml above " + Path.of("").toAbsolutePath());
    }

    /** The parent pom itself, not a module naming it as its parent. */
    private static boolean isParentPom(String pom) {
        String withoutParent = pom.replaceAll("(?s)<parent>.*?</parent>", "");
        return withoutParent.contains("<artifactId>switchman-parent</artifactId>");
    }
}
