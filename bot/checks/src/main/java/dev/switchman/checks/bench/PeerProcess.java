package dev.switchman.checks.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchman.core.bench.Sanity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a benchmark's peer as a child process in a temporary directory of its own: a program found on
 * the PATH (dnsperf) or a Python script shipped in this jar (pyspf's driver). The child's output is
 * captured (never on our stdout, which carries only results); a failure is a {@link Failure} whose
 * message ends with the tail of that output. {@link #close()} removes the directory.
 */
public final class PeerProcess implements AutoCloseable {

    /** The peer could not run or did not finish: the message says why, with the end of its output. */
    public static final class Failure extends Exception {
        public Failure(String message) {
            super(message);
        }
    }

    static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String peer;
    private final Path dir;
    private final Path script;
    private int runs;

    private PeerProcess(String peer, Path dir, Path script) {
        this.peer = peer;
        this.dir = dir;
        this.script = script;
    }

    /** The Python that has Debian's python3-* packages: {@code $SWITCHMAN_PYTHON}, else /usr/bin/python3. */
    public static String python() {
        String p = System.getenv("SWITCHMAN_PYTHON");
        return p == null || p.isBlank() ? "/usr/bin/python3" : p;
    }

    /** A peer run as a program ({@code command}), in a fresh temporary directory. */
    public static PeerProcess of(String peer) throws IOException {
        return new PeerProcess(peer, Files.createTempDirectory("switchman-bench-" + peer), null);
    }

    /** A peer driven by the Python script {@code resource} (beside this class in the jar), copied to a temporary directory. */
    public static PeerProcess withScript(String peer, String resource) throws IOException {
        Path dir = Files.createTempDirectory("switchman-bench-" + peer);
        Path script = dir.resolve(resource);
        try (InputStream in = PeerProcess.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the benchmark script " + resource + " is missing from the jar");
            }
            Files.copy(in, script);
        }
        return new PeerProcess(peer, dir, script);
    }

    public Path dir() {
        return dir;
    }

    /** Sane if {@code python -c "import module"} works; else broken, saying what to install. */
    public Sanity importable(String python, String module, String installHint) throws InterruptedException {
        try {
            Result r = exec(List.of(python, "-c", "import " + module), Duration.ofSeconds(60));
            return r.exit() == 0 ? Sanity.ok(peer + " can be imported by " + python)
                    : Sanity.broken(peer + " is not installed: " + python + " cannot import " + module + " (" + installHint + "): " + tail(r.output()));
        } catch (IOException e) {
            return Sanity.broken(peer + " is not installed: cannot run " + python + " (" + installHint + "): " + e.getMessage());
        }
    }

    /**
     * Runs the script: {@code python script IN.json OUT.json args...}, where IN.json is {@code input};
     * returns OUT.json. A non-zero exit, a timeout or an absent output is a {@link Failure}.
     */
    public JsonNode run(String python, JsonNode input, List<String> args) throws IOException, InterruptedException, Failure {
        int n = ++runs;
        Path in = dir.resolve("in-" + n + ".json");
        Path out = dir.resolve("out-" + n + ".json");
        JSON.writeValue(in.toFile(), input);
        List<String> command = new ArrayList<>(List.of(python, script.toString(), in.toString(), out.toString()));
        command.addAll(args);
        Result r = exec(command, TIMEOUT);
        if (r.exit() != 0 || !Files.isRegularFile(out)) {
            throw new Failure(peer + " failed (exit " + r.exit() + "): " + tail(r.output()));
        }
        return JSON.readTree(out.toFile());
    }

    /** What a child process printed (stdout and stderr together) and its exit code (-1: killed after the timeout). */
    public record Result(int exit, String output) {
    }

    /** Runs a command in the peer's directory, output captured to a file there. */
    public Result exec(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Path log = dir.resolve("output-" + (++runs) + ".txt");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly().waitFor();
            // last, so the tail of the output that a failure quotes says it
            return new Result(-1, Files.readString(log, StandardCharsets.UTF_8) + "\nkilled after " + timeout.toSeconds() + " s");
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** The last lines of a child's output, on one line. */
    static String tail(String output) {
        List<String> lines = output.strip().lines().toList();
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
