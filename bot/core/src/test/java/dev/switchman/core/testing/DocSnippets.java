package dev.switchman.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the examples in docs/ compiled: a fenced block right after {@code <!-- compiled: PATH -->}
 * (PATH from the repository root) must be that file, whole. The file lives in some module's test
 * sources, so the build compiles it and a test runs it; this check fails when the two drift apart.
 */
public final class DocSnippets {

    private static final Pattern MARKED = Pattern.compile("<!-- compiled: (\\S+) -->\\s*\\n```[a-z]*\\n(.*?)```", Pattern.DOTALL);

    private DocSnippets() {
    }

    /** The repository root: the nearest folder upwards holding {@code docs/} and {@code mvnw}. */
    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isDirectory(dir.resolve("docs")) && Files.exists(dir.resolve("mvnw")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** Asserts every marked block of {@code docs/<page>} equals its file; returns how many were checked. */
    public static int assertCompiled(String page) throws IOException {
        Path root = root();
        String doc = Files.readString(root.resolve("docs").resolve(page));
        Matcher m = MARKED.matcher(doc);
        int n = 0;
        while (m.find()) {
            Path file = root.resolve(m.group(1));
            assertTrue(Files.isRegularFile(file), page + " names " + m.group(1) + ", which does not exist");
            assertEquals(Files.readString(file).strip(), m.group(2).strip(),
                    "docs/" + page + ": the example differs from " + m.group(1) + " (copy the file into the page)");
            n++;
        }
        assertTrue(n > 0, "docs/" + page + " has no <!-- compiled: PATH --> example");
        return n;
    }
}
