package dev.switchman.app.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.switchman.core.bot.Bot;
import dev.switchman.core.chat.TranscriptBackend;
import dev.switchman.core.check.CheckProviders;
import dev.switchman.core.event.InMemoryEventStore;
import dev.switchman.core.run.DirectExecutorService;
import dev.switchman.core.run.EventTypes;
import dev.switchman.core.run.Payloads;
import dev.switchman.core.runbook.Runbook;
import dev.switchman.core.runbook.RunbookLoader;
import dev.switchman.core.time.ManualClock;
import dev.switchman.core.time.ManualScheduler;
import dev.switchman.rules.engine.DroolsDecisionEngine;
import dev.switchman.simulator.Rehearsal;
import dev.switchman.simulator.record.Recorder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end with real parts: a run driven by the real {@code http.probe} provider against a loopback
 * HTTP server and the real Drools rules is recorded into a scenario, and replaying that scenario gives
 * the same decisions in the same order.
 */
class RecordRealRunIT {

    @TempDir
    Path dir;

    private HttpServer server;
    private final AtomicInteger healthStatus = new AtomicInteger(503);

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/health", exchange -> {
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(healthStatus.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void aRunDrivenByRealChecksReplaysToTheSameDecisions() throws Exception {
        Path runbookFile = dir.resolve("runbooks/real-run/real-run.yaml");
        Files.createDirectories(runbookFile.getParent());
        Files.writeString(runbookFile, """
                id: real-run
                title: Real checks against a loopback server
                roles:
                  owner: [console:alice]
                  approvers: [console:alice]
                  rollback-authority: [console:carol]
                checks:
                  - id: health
                    kind: http.probe
                    params: {url: "http://127.0.0.1:%d/health", expect-status: 200}
                    interval: 1m
                    timeout: 5s
                phases:
                  - id: prepare
                    title: Prepare
                    steps:
                      - id: backup
                        do: Take a backup
                      - id: verify-health
                        verify: [health]
                      - id: gate-prepare
                        gate: {checks: [health]}
                  - id: cutover
                    title: Cutover
                    cutover: true
                    steps:
                      - id: switch
                        do: Switch traffic to the new host
                """.formatted(server.getAddress().getPort()));
        CheckProviders providers = CheckProviders.load();
        var loaded = new RunbookLoader(providers).read(runbookFile);
        assertTrue(loaded.errors().isEmpty(), loaded.problems().toString());
        Runbook runbook = loaded.value();

        ManualClock clock = new ManualClock(Instant.parse("2026-11-22T10:00:00Z"));
        ManualScheduler scheduler = new ManualScheduler(clock);
        InMemoryEventStore store = new InMemoryEventStore();
        TranscriptBackend chat = new TranscriptBackend(clock, TranscriptBackend.DEFAULT_CHANNEL);
        try (Bot bot = Bot.builder().runbooks(List.of(runbook)).store(store).clock(clock).scheduler(scheduler)
                .decisionEngine(new DroolsDecisionEngine()).checkProviders(providers)
                .checkExecutor(new DirectExecutorService()).backend(chat).build()) {
            chat.start(bot);
            chat.say("alice", "start real-run");
            scheduler.advance(Duration.ofMinutes(3));
            chat.say("alice", "done backup");
            // the real probe gets 503: FAIL, the verify step waits
            assertTrue(chat.render().contains("health: FAIL"), chat.render());
            scheduler.advance(Duration.ofMinutes(2));
            healthStatus.set(200);
            scheduler.advance(Duration.ofMinutes(1));
            // PASS completes the verify step; the prepare gate asks the rules and gets GO
            assertEquals("switch", bot.inspect(chat.defaultChannel(), s -> s.current().map(p -> p.stepId()).orElse("none")).orElseThrow(),
                    chat.render());
            scheduler.advance(Duration.ofMinutes(4));
            chat.say("alice", "done switch");
        }

        String runId = store.runs().get(0);
        List<String> original = store.read(runId).stream().filter(e -> e.type().equals(EventTypes.DECISION))
                .map(e -> Payloads.decision(Payloads.read(e.payload()).get("decision"))).map(d -> d.kind() + " " + d.ruleId()).toList();
        assertFalse(original.isEmpty(), "the real run made no decision");
        assertTrue(original.contains("GO gate.go"), original.toString());

        Path scenario = dir.resolve("runbooks/real-run/recorded.yaml");
        Recorder.record(store, runId, scenario, runbookFile);
        Rehearsal.Outcome replay = Rehearsal.run(scenario, Rehearsal.Options.defaults());
        assertEquals(Rehearsal.PASSED, replay.exitCode(), replay.output() + "\n" + Files.readString(scenario));
        assertEquals(original, replay.result().log().decisions().stream().map(d -> d.kind() + " " + d.ruleId()).toList(),
                Files.readString(scenario));
    }
}
