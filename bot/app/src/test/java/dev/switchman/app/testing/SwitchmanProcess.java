package dev.switchman.app.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Switchman as a child JVM, for the ITs: the real jar ({@link #start}) or the app's main class on the
 * test class path ({@link #startOnTestClasspath}, no packaging needed); stdin is a pipe (the console
 * in script mode reads it), stdout and stderr are collected, and the test waits on what it expects to
 * see, with a timeout, never a sleep.
 */
public final class SwitchmanProcess implements AutoCloseable {

    public static final Duration START_TIMEOUT = Duration.ofSeconds(180); // a JVM and Spring on 2 busy cores

    private final Process process;
    private final Writer stdin;
    private final StringBuilder out = new StringBuilder();
    private final StringBuilder err = new StringBuilder();

    private SwitchmanProcess(Process process) {
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        pump(process.getInputStream(), out, "it-stdout");
        pump(process.getErrorStream(), err, "it-stderr");
    }

    public static Path jar() {
        String p = System.getProperty("switchman.jar");
        Path jar = p != null ? Path.of(p) : Path.of("target", "switchman.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no packaged jar at " + jar.toAbsolutePath() + "; run the ITs with mvn verify");
        }
        return jar;
    }

    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Starts {@code java -jar switchman.jar ARGS} with extra environment. */
    public static SwitchmanProcess start(Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(java(), "-jar", jar().toString()));
        cmd.addAll(List.of(args));
        return start(cmd, env);
    }

    /**
     * Starts the app's main class ({@code dev.switchman.app.SwitchmanApplication ARGS}) in a child JVM: the
     * java of this process ({@link ProcessHandle}), this test run's class path (the test classes, so test
     * check providers are found too), C1 only (start-up is what these tests wait on).
     */
    public static SwitchmanProcess startOnTestClasspath(Map<String, String> env, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse(java());
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-cp", classpath, "dev.switchman.app.SwitchmanApplication"));
        cmd.addAll(List.of(args));
        return start(cmd, env);
    }

    private static SwitchmanProcess start(List<String> cmd, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        return new SwitchmanProcess(pb.start());
    }

    /** What a one-shot command did. */
    public record Result(int code, String out, String err) {
    }

    /** Runs a one-shot command to its end with {@code stdin} as input. */
    public static Result run(Map<String, String> env, String stdinText, String... args) throws IOException, InterruptedException {
        try (SwitchmanProcess p = start(env, args)) {
            if (stdinText != null) {
                p.stdin.write(stdinText);
            }
            int code = p.finish(START_TIMEOUT);
            p.awaitStreamsClosed();
            return new Result(code, p.stdout(), p.stderr());
        }
    }

    private final java.util.concurrent.CountDownLatch streamsClosed = new java.util.concurrent.CountDownLatch(2);

    private void awaitStreamsClosed() throws InterruptedException {
        if (!streamsClosed.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("output streams did not close");
        }
    }

    private void pump(java.io.InputStream in, StringBuilder into, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (into) {
                        into.append(line).append('\n');
                        into.notifyAll();
                    }
                }
            } catch (IOException e) {
                // the process died: that is what some tests do
            } finally {
                streamsClosed.countDown();
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }

    public void send(String line) throws IOException {
        stdin.write(line + "\n");
        stdin.flush();
    }

    /**
     * Sends a command, then a barrier ({@code as USER}, answered by the console itself) and waits for
     * the barrier's answer: the command and its replies are then complete. Returns what it printed.
     */
    public String command(String line, String user) throws IOException, InterruptedException {
        return answer(line, user, false).orElseThrow();
    }

    /**
     * {@link #command}, for a process that may die on the way (a crash point): empty when the process
     * ended before the answer was complete (its exit awaited), else what the command printed.
     */
    public java.util.Optional<String> commandUnlessItDies(String line, String user) throws IOException, InterruptedException {
        return answer(line, user, true);
    }

    private java.util.Optional<String> answer(String line, String user, boolean mayDie) throws IOException, InterruptedException {
        int from = stdout().length();
        try {
            send(line);
            send("as " + user);
        } catch (IOException e) {
            if (mayDie && !process.isAlive()) {
                return java.util.Optional.empty();
            }
            throw e;
        }
        // the echo of a line carries the prompt of whoever was acting: match it without the prompt's user
        String echo = "@switchman> as " + user + "\n";
        String answer = "you are now console:" + user;
        int echoes = line.strip().equals("as " + user) ? 2 : 1;
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            synchronized (out) {
                String tail = out.substring(from);
                int last = tail.lastIndexOf(echo);
                if (occurrences(tail, echo) >= echoes && tail.indexOf(answer, last) >= 0) {
                    return java.util.Optional.of(tail.substring(0, last));
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && !mayDie)) {
                    throw new AssertionError("no answer to '" + line + "'; alive=" + process.isAlive()
                            + "\n--- stdout\n" + out + "\n--- stderr\n" + stderr());
                }
                if (!process.isAlive()) {
                    break;
                }
                out.wait(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 200));
            }
        }
        awaitStreamsClosed(); // the dead process's last output is read before anyone looks at it
        return java.util.Optional.empty();
    }

    /** The exit status, once the process has ended (waits up to {@code timeout}). */
    public int exitCode(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("process did not end in " + timeout);
        }
        return process.exitValue();
    }

    /** The status lines of the steps named, digits blanked out (times, ages), in-place edits left out. */
    public static List<String> stepLines(String status, String stepIdPattern) {
        return withoutStatusEdits(status).lines()
                .filter(l -> l.matches(".*\\b(" + stepIdPattern + ")\\b.*") && !l.contains("Next"))
                .map(l -> l.replaceAll("\\d", "#"))
                .toList();
    }

    /**
     * The answer of the last {@code status} in the output: from the last status title that is not an
     * in-place edit. The status publisher prints its edits ({@code (updated) ...}) whenever they are due,
     * so they may fall before or inside any command's answer.
     */
    public static String withoutStatusEdits(String output) {
        List<String> lines = output.lines().toList();
        int from = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(" — run ") && !lines.get(i).startsWith("(updated)")) from = i;
        }
        return String.join("\n", lines.subList(from, lines.size()));
    }

    /** The step marked current in the status text ({@code ▶ id}); empty when none is. */
    public static String currentStep(String status) {
        for (String l : withoutStatusEdits(status).lines().toList()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s+▶ ([a-z0-9-]+)\\s").matcher(l);
            if (m.find()) {
                return m.group(1);
            }
        }
        return "";
    }

    /** Waits until stdout holds {@code text} (at most {@code timeout}); returns stdout. */
    public String awaitStdout(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (out) {
            while (out.indexOf(text) < 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.isAlive() && streamsClosed.getCount() == 0) {
                    throw new AssertionError("no '" + text + "' on stdout within " + timeout + ":\n" + out + "\nstderr:\n" + stderr());
                }
                out.wait(Math.max(1, left / 1_000_000));
            }
            return out.toString();
        }
    }

    /** SIGTERM: the shutdown hooks run. */
    public void terminate() {
        process.destroy();
    }

    public String stdout() {
        synchronized (out) {
            return out.toString();
        }
    }

    public String stderr() {
        synchronized (err) {
            return err.toString();
        }
    }

    private static int occurrences(String s, String text) {
        int n = 0;
        for (int i = s.indexOf(text); i >= 0; i = s.indexOf(text, i + 1)) {
            n++;
        }
        return n;
    }

    /** SIGKILL on Linux: no shutdown hooks, no flushing. */
    public void killHard() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("process did not die");
        }
    }

    public int finish(Duration timeout) throws IOException, InterruptedException {
        stdin.close();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("process did not end in " + timeout + "\n--- stdout\n" + stdout() + "\n--- stderr\n" + stderr());
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
