package dev.switchman.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code probe --batch} streams: a feeder that writes one line at a time and keeps stdin open gets each
 * answer before it writes the next line, and answers keep the input order even when a later check
 * finishes first.
 */
class ProbeBatchStreamingTest {

    private final ObjectMapper json = new ObjectMapper();

    /** The command on pipes: lines written to {@code stdin}, output lines arriving in {@code lines}. */
    private final class Session implements AutoCloseable {
        final OutputStream stdin;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> exit;

        Session(String... args) throws Exception {
            PipedInputStream in = new PipedInputStream(1 << 16);
            stdin = new PipedOutputStream(in);
            PipedInputStream fromOut = new PipedInputStream(1 << 16);
            PrintStream out = new PrintStream(new PipedOutputStream(fromOut), false, StandardCharsets.UTF_8);
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(fromOut, StandardCharsets.UTF_8))) {
                    for (String l = r.readLine(); l != null; l = r.readLine()) {
                        lines.add(l);
                    }
                } catch (java.io.IOException e) {
                    // the command closed its output
                }
            });
            reader.setDaemon(true);
            reader.start();
            Cli cli = new Cli(in, out, new PrintStream(OutputStream.nullOutputStream()), options -> 0, Clock.systemUTC());
            exit = CompletableFuture.supplyAsync(() -> {
                int code = cli.run(args);
                out.close();
                return code;
            });
        }

        void send(String line) throws Exception {
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        }

        String next() throws Exception {
            String l = lines.poll(20, TimeUnit.SECONDS);
            assertNotNull(l, "no answer within 20 s");
            return l;
        }

        @Override
        public void close() throws Exception {
            stdin.close();
        }
    }

    @Test
    void answersEachLineWithoutWaitingForTheEndOfInput() throws Exception {
        try (Session s = new Session("probe", "--batch", "--format", "json")) {
            s.send("{\"kind\":\"test.echo\",\"params\":{\"status\":\"PASS\",\"target\":\"first\"}}");
            assertEquals("first", json.readTree(s.next()).get("target").asText());
            s.send("{\"kind\":\"test.echo\",\"params\":{\"status\":\"WARN\",\"target\":\"second\"}}");
            assertEquals("second", json.readTree(s.next()).get("target").asText());
            s.close();
            assertEquals(0, s.exit.get(20, TimeUnit.SECONDS));
            assertNull(s.lines.poll(), "nothing after the last answer");
        }
    }

    @Test
    void keepsTheInputOrderWhenALaterCheckFinishesFirst() throws Exception {
        try (Session s = new Session("probe", "--batch", "--parallel", "2", "--format", "json")) {
            s.send("{\"kind\":\"test.echo\",\"params\":{\"status\":\"HANG\",\"target\":\"slow\"},\"timeout\":\"500ms\"}");
            s.send("{\"kind\":\"test.echo\",\"params\":{\"status\":\"PASS\",\"target\":\"fast\"}}");
            s.send("{\"kind\":\"test.echo\",\"params\":{\"status\":\"FAIL\",\"target\":\"third\"}}");
            s.close();
            assertEquals("UNKNOWN", json.readTree(s.next()).get("status").asText(), "the slow check times out, and comes first");
            assertEquals("fast", json.readTree(s.next()).get("target").asText());
            assertEquals("third", json.readTree(s.next()).get("target").asText());
            assertEquals(1, s.exit.get(20, TimeUnit.SECONDS));
        }
    }

    @Test
    void rejectsAParallelismThatIsNotANumber() throws Exception {
        try (Session s = new Session("probe", "--batch", "--parallel", "many")) {
            s.close();
            assertEquals(1, s.exit.get(20, TimeUnit.SECONDS));
        }
    }
}
