package dev.switchman.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchman.core.bot.Bot;
import dev.switchman.core.check.CheckProviders;
import dev.switchman.core.event.InMemoryEventStore;
import dev.switchman.core.testing.Conformance;
import dev.switchman.core.testing.ScriptedChecks;
import dev.switchman.core.time.Scheduler;
import dev.switchman.discord.testing.FakeDiscordApi;
import dev.switchman.discord.testing.SignedClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * 200 signed {@code /switchman help} interactions POSTed at once over loopback while the run's check is stuck
 * (a check that never returns until released): every one is acknowledged with a deferred reply well within
 * Discord's 3 s and every one is answered (its {@code @original} edited): nothing waits for checks, nothing is
 * lost. The acknowledgement times (client round trip, signature check included) go to
 * {@code target/conformance/discord-ack.txt}.
 */
class DiscordAckUnderLoadIT {

    private static final int COMMANDS = 200;
    private static final String CHANNEL = "300000000000000005";

    @Test
    void twoHundredConcurrentCommandsAreAcknowledgedAndAnsweredWhileChecksHang() throws Exception {
        ScriptedChecks checks = new ScriptedChecks();
        KeyPair keys = SignedClient.newKeys();
        ExecutorService checkPool = Executors.newCachedThreadPool();
        ExecutorService runs = Executors.newFixedThreadPool(2);
        Scheduler scheduler = Scheduler.system(Clock.systemUTC());
        try (FakeDiscordApi api = new FakeDiscordApi()) {
            DiscordConfig config = DiscordConfig.fromEnv(Map.of("DISCORD_BOT_TOKEN", "test-bot-token-0123456789abcdef", "DISCORD_PUBLIC_KEY",
                    SignedClient.publicHex(keys), "DISCORD_APPLICATION_ID", FakeDiscordApi.APP_ID, "DISCORD_API_URL", api.baseUrl(),
                    "DISCORD_REGISTER_COMMANDS", "false"));
            try (DiscordBackend backend = new DiscordBackend(config, Clock.systemUTC(), scheduler, Duration.ofMillis(10));
                 Bot bot = Bot.builder().runbooks(List.of(DiscordWholeRunIT.runbook())).store(new InMemoryEventStore()).clock(Clock.systemUTC())
                         .scheduler(scheduler).checkProviders(new CheckProviders(List.of(checks))).checkExecutor(checkPool).runExecutor(runs)
                         .backend(backend).build();
                 SignedClient discord = new SignedClient(backend.endpoints().get(0), keys)) {
                bot.start();
                String owner = SignedClient.Payloads.member("1001", List.of());
                api.interaction("load-start", CHANNEL);
                discord.post(SignedClient.Payloads.command("1", "load-start", CHANNEL, owner, "start", "runbook", "discord-cutover"));
                FakeDiscordApi.Call status = api.await(c -> c.path().endsWith("/load-start/messages/@original"), Duration.ofSeconds(20));
                CountDownLatch stuck = checks.gate();
                api.interaction("load-done", CHANNEL);
                discord.post(SignedClient.Payloads.button("2", "load-done", CHANNEL, owner, status.customId("Done lower-ttl"), api.messageId(status)));
                api.await(c -> c.path().endsWith("/load-done/messages/@original"), Duration.ofSeconds(20));

                HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();
                List<CompletableFuture<Long>> acks = new ArrayList<>();
                for (int i = 0; i < COMMANDS; i++) {
                    String token = "load-" + i;
                    api.interaction(token, CHANNEL);
                    byte[] body = SignedClient.Payloads.command(String.valueOf(1000 + i), token, CHANNEL, owner, "help")
                            .getBytes(StandardCharsets.UTF_8);
                    String ts = Long.toString(Instant.now().getEpochSecond());
                    HttpRequest req = HttpRequest.newBuilder(URI.create(discord.url())).header("X-Signature-Timestamp", ts)
                            .header("X-Signature-Ed25519", SignedClient.sign(keys, ts, body)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                    long t0 = System.nanoTime();
                    acks.add(http.sendAsync(req, HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
                        long micros = (System.nanoTime() - t0) / 1000;
                        try {
                            assertEquals(200, r.statusCode(), r.body());
                            assertEquals(5, new ObjectMapper().readTree(r.body()).path("type").asInt(), r.body());
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        return micros;
                    }));
                }
                long[] micros = acks.stream().mapToLong(CompletableFuture::join).sorted().toArray();
                for (int i = 0; i < COMMANDS; i++) {
                    String suffix = "/load-" + i + "/messages/@original";
                    api.await(c -> c.path().endsWith(suffix), Duration.ofSeconds(60));
                }
                assertEquals(1, stuck.getCount(), "the check was still stuck while all of this was answered");
                stuck.countDown();
                double p50 = micros[micros.length / 2] / 1000.0;
                double p99 = micros[(int) Math.ceil(micros.length * 0.99) - 1] / 1000.0;
                double max = micros[micros.length - 1] / 1000.0;
                Conformance.report("discord-ack.txt", String.format("Discord endpoint, %d concurrent signed commands while a check hangs: "
                        + "ack p50 %.1f ms, p99 %.1f ms, max %.1f ms; %d of %d answered%n", COMMANDS, p50, p99, max, COMMANDS, COMMANDS));
                assertTrue(p99 < 3000, "Discord drops an interaction not acknowledged within 3 s: p99 " + p99 + " ms " + Arrays.toString(micros));
            }
        } finally {
            checkPool.shutdownNow();
            runs.shutdownNow();
            scheduler.close();
        }
    }
}
