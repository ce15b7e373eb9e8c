package dev.switchman.core.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.checks.FileExistsCheck;
import com.example.notify.WebhookNotifier;
import com.sun.net.httpserver.HttpServer;
import dev.switchman.core.check.CheckProviders;
import dev.switchman.core.check.CheckRequest;
import dev.switchman.core.check.CheckResult;
import dev.switchman.core.check.CheckStatus;
import dev.switchman.core.notify.Notification;
import dev.switchman.core.runbook.Stakeholder;
import dev.switchman.core.testing.DocSnippets;
import dev.switchman.core.time.ManualClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The smallest examples of docs/check-providers.md and docs/notifiers.md compile, work, and match the pages. */
class ExtensionExamplesTest {

    @TempDir
    Path dir;

    @Test
    void theCheckKindExampleMeasuresAndMatchesItsPage() throws Exception {
        assertEquals(1, DocSnippets.assertCompiled("check-providers.md"));
        FileExistsCheck check = new FileExistsCheck();
        assertTrue(new CheckProviders(List.of(check)).find("file.exists").isPresent());
        Path file = Files.writeString(dir.resolve("dump.sql"), "select 1;");
        ManualClock clock = new ManualClock(Instant.parse("2026-11-30T09:00:00Z"));
        CheckResult there = check.run(CheckRequest.of("dump", "file.exists", Map.of("path", file.toString()), Duration.ofSeconds(5), clock));
        CheckResult missing = check.run(CheckRequest.of("dump", "file.exists", Map.of("path", dir.resolve("none").toString()),
                Duration.ofSeconds(5), clock));
        assertEquals(CheckStatus.PASS, there.status());
        assertEquals(CheckStatus.FAIL, missing.status());
        assertEquals(List.of("missing parameter 'path' (the file to look for)"), check.validate(Map.of()));
    }

    @Test
    void theNotifierExamplePostsToALoopbackWebhookAndMatchesItsPage() throws Exception {
        assertEquals(1, DocSnippets.assertCompiled("notifiers.md"));
        List<String> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicInteger answer = new java.util.concurrent.atomic.AtomicInteger(204);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        server.start();
        try {
            String sink = "webhook:http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
            Stakeholder execs = new Stakeholder("executives", sink, Duration.ofMinutes(30), null);
            Notification update = new Notification("r-1", "executives", "Cutover started", "Phase 2 of 3", Instant.parse("2026-11-30T09:00:00Z"));
            new WebhookNotifier().deliver(execs, update);
            assertEquals(1, bodies.size());
            assertTrue(bodies.get(0).contains("\"subject\":\"Cutover started\"") && bodies.get(0).contains("\"run\":\"r-1\""), bodies.get(0));
            answer.set(503);
            IOException e = assertThrows(IOException.class, () -> new WebhookNotifier().deliver(execs, update));
            assertEquals("webhook at 127.0.0.1 answered HTTP 503", e.getMessage());
        } finally {
            server.stop(0);
        }
    }
}
