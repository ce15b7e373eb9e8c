package dev.switchman.app.serve;

import dev.switchman.core.bench.ChatBenchmark;
import dev.switchman.core.bench.SlowCheck;
import dev.switchman.core.bot.Bot;
import dev.switchman.core.check.CheckProviders;
import dev.switchman.core.event.InMemoryEventStore;
import dev.switchman.core.runbook.Runbook;
import dev.switchman.slack.SlackBackend;
import dev.switchman.slack.testing.FakeSlackWebApi;
import dev.switchman.slack.testing.SignedSlackRequests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code switchman bench chat --backend slack-http}: the chat benchmark over Slack's HTTP mode. The bot runs
 * behind {@link SlackBackend} on the same {@link EmbeddedHttpServer} as {@code serve}, answering through a
 * loopback {@link FakeSlackWebApi}; {@code concurrency} runs (one per channel) sit on a verify step whose three
 * checks take {@code checkSeconds}; then {@code concurrency} clients, one per channel, all at once, send
 * {@code commands} signed slash commands in all ({@code /switchman status}, {@code check}, {@code timeline},
 * {@code runbooks} in turn), each waiting for its answer before the next. Ack: from sending the POST to its
 * HTTP 200 (Slack allows 3 s); {@code in_server_*}: the part of it spent inside the endpoint (verification, Bolt,
 * the bot's ack), the rest being the HTTP client, the server's queue and the CPU the answers use. Answer: until
 * the fake Web API receives the next message in that channel (the
 * channels get nothing else while the checks are slow). Budget: ack p99 <= 50 ms, every command answered.
 */
public final class SlackChatBenchmark {

    static final double ACK_BUDGET_MS = 50;
    private static final String SECRET = "bench0signing0secret0000000000ab";
    private static final String TOKEN = "xoxb-bench-0000-0000-000000000000";
    private static final String[] COMMANDS = {"status", "check", "timeline", "runbooks"};

    private SlackChatBenchmark() {
    }

    public static Map<String, Object> run(int commands, int concurrency, int checkSeconds) {
        SlowCheck slow = new SlowCheck(Duration.ofSeconds(checkSeconds));
        CheckProviders providers = new CheckProviders(List.of(slow));
        Runbook runbook = ChatBenchmark.runbook(providers, "slack:UBENCH");
        Clock clock = Clock.systemUTC();
        try (FakeSlackWebApi api = FakeSlackWebApi.start()) {
            SlackBackend backend = new SlackBackend(TOKEN, SECRET, api.url(), clock);
            Bot bot = Bot.builder().runbooks(List.of(runbook)).store(new InMemoryEventStore()).clock(clock)
                    .checkProviders(providers).backend(backend).build();
            bot.start();
            // the time spent inside the endpoint (verify, parse, route, the bot's ack): the server's share of the ack
            java.util.concurrent.ConcurrentLinkedQueue<Double> inServer = new java.util.concurrent.ConcurrentLinkedQueue<>();
            java.util.concurrent.atomic.AtomicBoolean measuring = new java.util.concurrent.atomic.AtomicBoolean();
            dev.switchman.core.http.HttpEndpoint events = backend.endpoints().get(0);
            dev.switchman.core.http.HttpEndpoint timed = new dev.switchman.core.http.HttpEndpoint() {
                @Override
                public String path() {
                    return events.path();
                }

                @Override
                public dev.switchman.core.http.HttpResponse handle(dev.switchman.core.http.HttpRequest request) {
                    long t = System.nanoTime();
                    try {
                        return events.handle(request);
                    } finally {
                        if (measuring.get()) {
                            inServer.add((System.nanoTime() - t) / 1e6);
                        }
                    }
                }
            };
            try (EmbeddedHttpServer server = EmbeddedHttpServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    List.of(timed), Serve.HTTP_THREADS)) {
                String url = "http://127.0.0.1:" + server.port() + SlackBackend.PATH;
                SignedSlackRequests slack = new SignedSlackRequests(SECRET, clock);
                for (int c = 0; c < concurrency; c++) {
                    String channel = "CBENCH" + c;
                    int before = api.posted(channel);
                    HttpResponse<String> r = slack.post(url, SignedSlackRequests.slashCommand("UBENCH", "bench", channel, "start bench-chat", "start-" + c));
                    if (r.statusCode() != 200 || !api.awaitPosted(channel, before, 60)) {
                        throw new IllegalStateException("cannot start a run in " + channel + ": HTTP " + r.statusCode() + " " + r.body());
                    }
                }
                drive(api, slack, url, Math.min(commands, 4 * concurrency), concurrency); // warm-up, not measured
                measuring.set(true);
                long t0 = System.nanoTime();
                Samples s = drive(api, slack, url, commands, concurrency);
                measuring.set(false);
                long wallMs = Math.max(1, (System.nanoTime() - t0) / 1_000_000);
                int inFlight = slow.running();
                Map<String, Object> m = ChatBenchmark.report("slack-http", concurrency, checkSeconds, inFlight, s.ack, s.answer);
                double[] endpointMs = inServer.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                m.put("in_server_p50_ms", ChatBenchmark.round(ChatBenchmark.percentile(endpointMs, 50)));
                m.put("in_server_p99_ms", ChatBenchmark.round(ChatBenchmark.percentile(endpointMs, 99)));
                m.put("unanswered", s.unanswered.get());
                m.put("refused", s.refused.get());
                m.put("wall_ms", wallMs);
                m.put("cpus", Runtime.getRuntime().availableProcessors());
                m.put("load_average", Math.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() * 100) / 100.0);
                m.put("within-budget", ChatBenchmark.percentile(s.ack, 99) <= ACK_BUDGET_MS && s.unanswered.get() == 0
                        && s.refused.get() == 0 && inFlight > 0);
                return m;
            } finally {
                slow.release();
                bot.close();
                backend.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Samples(double[] ack, double[] answer, AtomicInteger unanswered, AtomicInteger refused) {
    }

    private static Samples drive(FakeSlackWebApi api, SignedSlackRequests slack, String url, int commands, int concurrency) {
        double[] ack = new double[commands];
        double[] answer = new double[commands];
        AtomicInteger unanswered = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Void>> clients = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            String channel = "CBENCH" + c;
            CompletableFuture<Void> done = new CompletableFuture<>();
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    for (int i = next.getAndIncrement(); i < commands; i = next.getAndIncrement()) {
                        String body = SignedSlackRequests.slashCommand("UBENCH", "bench", channel, COMMANDS[i % COMMANDS.length], "t" + i);
                        var request = slack.signed(url, body);
                        int before = api.posted(channel);
                        long start = System.nanoTime();
                        HttpResponse<String> r = slack.send(request);
                        ack[i] = (System.nanoTime() - start) / 1e6;
                        if (r.statusCode() != 200) {
                            refused.incrementAndGet();
                        }
                        if (!api.awaitPosted(channel, before, 60)) {
                            unanswered.incrementAndGet();
                        }
                        answer[i] = (System.nanoTime() - start) / 1e6;
                    }
                    done.complete(null);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    done.completeExceptionally(e);
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                }
            }, "bench-slack-client-" + c);
            t.setDaemon(true);
            t.start();
            clients.add(done);
        }
        go.countDown();
        CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).join();
        return new Samples(ack, answer, unanswered, refused);
    }
}
