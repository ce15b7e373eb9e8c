package dev.switchman.core.bench;

import dev.switchman.core.bot.Bot;
import dev.switchman.core.chat.Capabilities;
import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.chat.TranscriptBackend;
import dev.switchman.core.check.CheckProviders;
import dev.switchman.core.event.InMemoryEventStore;
import dev.switchman.core.runbook.Runbook;
import dev.switchman.core.runbook.RunbookLoader;
import dev.switchman.core.yaml.LoadResult;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The chat benchmark behind docs/benchmarks.md ({@code switchman bench chat}): how fast the bot acknowledges
 * and answers commands while every check takes {@code checkSeconds} to answer. {@code concurrency} runs, one per
 * channel, each on a verify step whose three checks are all in flight; then {@code concurrency} clients, one per
 * channel, send {@code commands} commands in all ({@code status}, {@code check}, {@code timeline}, {@code runbooks}
 * in turn), each client waiting for its answer before the next, all at once. Through the
 * {@link TranscriptBackend}, on real threads and the system clock.
 *
 * <p>Prints {@code ack_p50_ms}, {@code ack_p99_ms} (handed to the bot until {@code ack}), {@code answer_p50_ms},
 * {@code answer_p99_ms}, {@code answer_max_ms} (until the answer), {@code checks_in_flight} (slow checks still
 * waiting when the last command was answered: the measurement ran while they were slow), {@code errors}
 * (answers that were errors) and {@code within-budget} (ack p99 <= 5 ms and answer p99 <= 50 ms, no errors).
 */
public final class ChatBenchmark {

    static final double ACK_BUDGET_MS = 5;
    static final double ANSWER_BUDGET_MS = 50;
    private static final String[] COMMANDS = {"status", "check", "timeline", "runbooks"};

    private static final String RUNBOOK = """
            id: bench-chat
            title: Chat benchmark
            roles:
              owner: [console:bench]
              rollback-authority: [console:bench]
            checks:
              - {id: slow-a, kind: bench.slow, interval: 10s, timeout: 60s}
              - {id: slow-b, kind: bench.slow, interval: 10s, timeout: 60s}
              - {id: slow-c, kind: bench.slow, interval: 10s, timeout: 60s}
            phases:
              - id: only
                title: Only
                steps:
                  - {id: verify-slow, verify: [slow-a, slow-b, slow-c]}
                  - {id: finish, do: Finish}
            """;

    private ChatBenchmark() {
    }

    /**
     * The benchmark's runbook {@code bench-chat} (a verify step on three {@link SlowCheck}s, then a manual step),
     * with its roles given to {@code user} (a qualified id such as {@code console:bench} or {@code slack:UBENCH}).
     */
    public static Runbook runbook(CheckProviders providers, String user) {
        LoadResult<Runbook> loaded = new RunbookLoader(providers).read("bench-chat.yaml", RUNBOOK.replace("console:bench", user));
        return loaded.get().orElseThrow(() -> new IllegalStateException("the benchmark's runbook does not load: " + loaded.problems()));
    }

    public static Map<String, Object> run(int commands, int concurrency, int checkSeconds) {
        SlowCheck slow = new SlowCheck(Duration.ofSeconds(checkSeconds));
        CheckProviders providers = new CheckProviders(List.of(slow));
        Runbook runbook = runbook(providers, "console:bench");
        TranscriptBackend chat = new TranscriptBackend(Clock.systemUTC(), "bench-0", Capabilities.slack()).recording(false);
        Bot bot = Bot.builder().runbooks(List.of(runbook)).store(new InMemoryEventStore()).clock(Clock.systemUTC())
                .checkProviders(providers).backend(chat).build();
        chat.start(bot);
        try {
            for (int c = 0; c < concurrency; c++) {
                List<ChatMessage> a = chat.exec("bench", "bench-" + c, "start bench-chat", null);
                if (a.isEmpty() || a.get(0).title().equals("Error")) {
                    throw new IllegalStateException("cannot start a run in bench-" + c + ": " + (a.isEmpty() ? "no answer" : a.get(0).plain()));
                }
            }
            drive(chat, Math.min(commands, 4 * concurrency), concurrency); // warm-up: the JIT sees the path; not measured
            long t0 = System.nanoTime();
            Samples s = drive(chat, commands, concurrency);
            long wallMs = Math.max(1, (System.nanoTime() - t0) / 1_000_000);
            int inFlight = slow.running();
            Map<String, Object> m = report("transcript", concurrency, checkSeconds, inFlight, s.ack, s.answer);
            m.put("errors", s.errors.get());
            m.put("wall_ms", wallMs);
            m.put("cpus", Runtime.getRuntime().availableProcessors());
            m.put("load_average", Math.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() * 100) / 100.0);
            m.put("within-budget", percentile(s.ack, 99) <= ACK_BUDGET_MS && percentile(s.answer, 99) <= ANSWER_BUDGET_MS
                    && s.errors.get() == 0 && inFlight > 0);
            List<String> over = overBudget(percentile(s.ack, 99), percentile(s.answer, 99), s.errors.get(), inFlight);
            if (!over.isEmpty()) {
                m.put("over-budget", over);
            }
            return m;
        } finally {
            slow.release();
            bot.close();
        }
    }

    /**
     * The head of a chat benchmark's report: benchmark, backend, commands, concurrency, check_seconds,
     * checks_in_flight, then ack and answer p50/p99/max in ms. Sorts {@code ack} and {@code answer} in place.
     */
    public static Map<String, Object> report(String backend, int concurrency, int checkSeconds, int inFlight, double[] ack, double[] answer) {
        Arrays.sort(ack);
        Arrays.sort(answer);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("benchmark", "chat");
        m.put("backend", backend);
        m.put("commands", ack.length);
        m.put("concurrency", concurrency);
        m.put("check_seconds", checkSeconds);
        m.put("checks_in_flight", inFlight);
        m.put("ack_p50_ms", round(percentile(ack, 50)));
        m.put("ack_p99_ms", round(percentile(ack, 99)));
        m.put("ack_max_ms", round(ack[ack.length - 1]));
        m.put("answer_p50_ms", round(percentile(answer, 50)));
        m.put("answer_p99_ms", round(percentile(answer, 99)));
        m.put("answer_max_ms", round(answer[answer.length - 1]));
        return m;
    }

    private record Samples(double[] ack, double[] answer, AtomicInteger errors) {
    }

    /** What was over the budget, one sentence each (empty when within it); latencies in ms. */
    static List<String> overBudget(double ackP99, double answerP99, int errors, int checksInFlight) {
        List<String> over = new ArrayList<>();
        if (ackP99 > ACK_BUDGET_MS) {
            over.add("ack p99 " + round(ackP99) + " ms, budget " + round(ACK_BUDGET_MS) + " ms");
        }
        if (answerP99 > ANSWER_BUDGET_MS) {
            over.add("answer p99 " + round(answerP99) + " ms, budget " + round(ANSWER_BUDGET_MS) + " ms");
        }
        if (errors > 0) {
            over.add(errors + " commands were answered with an error");
        }
        if (checksInFlight == 0) {
            over.add("no slow check was in flight during the measurement");
        }
        return over;
    }

    /** {@code concurrency} clients, one per channel, send {@code commands} commands in all; latencies in ms. */
    private static Samples drive(TranscriptBackend chat, int commands, int concurrency) {
        double[] ack = new double[commands];
        double[] answer = new double[commands];
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            String channel = "bench-" + c;
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    for (int i = next.getAndIncrement(); i < commands; i = next.getAndIncrement()) {
                        TranscriptBackend.Exchange x = chat.submit("bench", channel, COMMANDS[i % COMMANDS.length], null);
                        if (!x.awaitAnswer(Duration.ofSeconds(60))) {
                            throw new IllegalStateException("no answer within 60 s in " + channel);
                        }
                        ack[i] = (x.ackNanos() - x.startNanos()) / 1e6;
                        answer[i] = (x.answerNanos() - x.startNanos()) / 1e6;
                        if (x.answers().get(0).title().equals("Error")) errors.incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "bench-client-" + c);
            t.setDaemon(true);
            clients.add(t);
            t.start();
        }
        go.countDown();
        for (Thread t : clients) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        return new Samples(ack, answer, errors);
    }

    /** The {@code p}-th percentile (nearest rank) of sorted samples; 0 when there are none. */
    public static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) return 0;
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** Milliseconds to two decimals, for the report. */
    public static double round(double ms) {
        return Math.round(ms * 100) / 100.0;
    }
}
