package dev.switchman.checks.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A reference implementation in Python run side by side with a check (Debian packages: python3-idna,
 * python3-dkim, python3-publicsuffix2): one script, input lines on stdin, output lines back.
 * {@code $SWITCHMAN_PYTHON} overrides {@code /usr/bin/python3}. Tests that use it first ask
 * {@link #canImport} and are skipped, with the package to install, when it is missing.
 */
public final class PythonReference {

    public static final String PYTHON = System.getenv().getOrDefault("SWITCHMAN_PYTHON", "/usr/bin/python3");

    private PythonReference() {
    }

    /** True when the interpreter exists and can import the module(s), e.g. {@code "dkim"}. */
    public static boolean canImport(String modules) {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import " + modules).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs the script with the lines on stdin (UTF-8) and returns its output lines; fails on a non-zero exit. */
    public static List<String> run(String script, List<String> input) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(PYTHON, "-c", script).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write((String.join("\n", input) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(PYTHON + " failed (exit " + (p.isAlive() ? "none" : p.exitValue()) + "): " + out);
        }
        return out.lines().toList();
    }
}
