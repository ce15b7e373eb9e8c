package dev.switchman.app.it;

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
 * The real jar as a child JVM, for the ITs: stdin is a pipe (the console in script mode reads
 * it), stdout is collected, and the test waits on what it expects to see, with a timeout.
 */
final class SwitchmanProcess implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofSeconds(180); // a JVM and Spring on 2 busy cores

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

    static Path jar() {
        String p = System.getProperty("switchman.jar");
        Path jar = p != null ? Path.of(p) : Path.of("target", "switchman.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no packaged jar at " + jar.toAbsolutePath() + "; run the ITs with mvn verify");
        }
        return jar;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Starts {@code java -jar switchman.jar ARGS} with extra environment. */
    static SwitchmanProcess start(Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(java(), "-jar", jar().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        return new SwitchmanProcess(pb.start());
    }

    /** What a one-shot command did. */
    record Result(int code, String out, String err) {
    }

    /** Runs a one-shot command to its end with {@code stdin} as input. */
    static Result run(Map<String, String> env, String stdinText, String... args) throws IOException, InterruptedException {
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

    void send(String line) throws IOException {
        stdin.write(line + "\n");
        stdin.flush();
    }

    /**
     * Sends a command, then a barrier ({@code as USER}, answered by the console itself) and waits for
     * the barrier's answer: the command and its replies are then complete. Returns what it printed.
     */
    String command(String line, String user) throws IOException, InterruptedException {
        int from = stdout().length();
        send(line);
        send("as " + user);
        // the echo of a line carries the prompt of whoever was acting: match it without the prompt's user
        String echo = "@switchman> as " + user + "\n";
        String answer = "you are now console:" + user;
        int echoes = line.strip().equals("as " + user) ? 2 : 1;
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        synchronized (out) {
            while (true) {
                String tail = out.substring(from);
                int last = tail.lastIndexOf(echo);
                if (occurrences(tail, echo) >= echoes && tail.indexOf(answer, last) >= 0) {
                    return tail.substring(0, last);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.isAlive()) {
                    throw new AssertionError("no answer to '" + line + "'; alive=" + process.isAlive()
                            + "\n--- stdout\n" + out + "\n--- stderr\n" + stderr());
                }
                out.wait(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 200));
            }
        }
    }

    String stdout() {
        synchronized (out) {
            return out.toString();
        }
    }

    String stderr() {
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
    void killHard() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("process did not die");
        }
    }

    int finish(Duration timeout) throws IOException, InterruptedException {
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
