package dev.switchman.slack.testing;

import dev.switchman.slack.SlackSignatureVerifier;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Requests as Slack sends them to a Request URL, signed with a signing secret (v0, the clock's time):
 * slash commands ({@code application/x-www-form-urlencoded} fields) and {@code block_actions}
 * ({@code payload=<json>}), per docs.slack.dev/interactivity/implementing-slash-commands and
 * docs.slack.dev/reference/interaction-payloads/block_actions-payload. For tests and the benchmark.
 */
public final class SignedSlackRequests {

    private final SlackSignatureVerifier signer;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public SignedSlackRequests(String signingSecret, Clock clock) {
        this.signer = new SlackSignatureVerifier(signingSecret, clock);
        this.clock = clock;
    }

    /** The form body of {@code /switchman <text>} typed by {@code userId} in {@code channel}. */
    public static String slashCommand(String userId, String userName, String channel, String text, String triggerId) {
        return form("token", "legacy-unused", "team_id", "T0FAKE", "team_domain", "fake", "channel_id", channel,
                "channel_name", "migrations", "user_id", userId, "user_name", userName, "command", "/switchman", "text", text,
                "response_url", "https://hooks.slack.test/commands/T0FAKE/1/x", "trigger_id", triggerId, "api_app_id", "A0APP");
    }

    /** The form body of a press of the button {@code actionId} on message {@code messageTs} by {@code userId}. */
    public static String blockAction(String userId, String userName, String channel, String messageTs, String actionId, String triggerId) {
        String json = "{\"type\":\"block_actions\",\"team\":{\"id\":\"T0FAKE\",\"domain\":\"fake\"},"
                + "\"user\":{\"id\":\"" + userId + "\",\"username\":\"" + userName + "\",\"name\":\"" + userName + "\",\"team_id\":\"T0FAKE\"},"
                + "\"api_app_id\":\"A0APP\",\"token\":\"legacy-unused\",\"trigger_id\":\"" + triggerId + "\","
                + "\"container\":{\"type\":\"message\",\"message_ts\":\"" + messageTs + "\",\"channel_id\":\"" + channel + "\",\"is_ephemeral\":false},"
                + "\"channel\":{\"id\":\"" + channel + "\",\"name\":\"migrations\"},"
                + "\"message\":{\"type\":\"message\",\"ts\":\"" + messageTs + "\",\"text\":\"status\"},"
                + "\"response_url\":\"https://hooks.slack.test/actions/T0FAKE/1/x\","
                + "\"actions\":[{\"type\":\"button\",\"action_id\":\"" + actionId + "\",\"block_id\":\"b1\","
                + "\"text\":{\"type\":\"plain_text\",\"text\":\"x\"},\"action_ts\":\"1700000000.000001\"}]}";
        return "payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
    }

    private static String form(String... kv) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            b.append(i == 0 ? "" : "&").append(URLEncoder.encode(kv[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(kv[i + 1], StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    /** A POST of {@code body} to {@code url}, signed now. */
    public HttpRequest signed(String url, String body) {
        String ts = String.valueOf(clock.instant().getEpochSecond());
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(SlackSignatureVerifier.TIMESTAMP, ts)
                .header(SlackSignatureVerifier.SIGNATURE, signer.sign(ts, body.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** Sends {@code request}; returns the answer with its body as text. */
    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Signs and sends {@code body} to {@code url}. */
    public HttpResponse<String> post(String url, String body) {
        return send(signed(url, body));
    }

    /** The client, for concurrent sends. */
    public HttpClient client() {
        return http;
    }
}
