package com.example.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchman.core.notify.Notification;
import dev.switchman.core.notify.Notifier;
import dev.switchman.core.runbook.Stakeholder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** {@code sink: webhook:https://hooks.example.test/cutover}: POSTs each update as one JSON object. */
public final class WebhookNotifier implements Notifier {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public String sinkKind() {
        return "webhook";
    }

    @Override
    public void deliver(Stakeholder stakeholder, Notification n) throws IOException, InterruptedException {
        URI uri = URI.create(stakeholder.sink().substring("webhook:".length()));
        String body = JSON.writeValueAsString(Map.of("run", n.runId(), "audience", n.audience(),
                "subject", n.subject(), "body", n.body(), "at", n.at().toString()));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status / 100 != 2) {
            // throwing makes the outbox retry; name the host only, the URL may carry a token
            throw new IOException("webhook at " + uri.getHost() + " answered HTTP " + status);
        }
    }
}
