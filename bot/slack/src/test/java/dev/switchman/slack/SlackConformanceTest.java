package dev.switchman.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.switchman.core.chat.Interaction;
import dev.switchman.core.chat.Visibility;
import dev.switchman.core.http.HttpRequest;
import dev.switchman.core.http.HttpResponse;
import dev.switchman.core.testing.Conformance;
import dev.switchman.core.time.ManualClock;
import dev.switchman.slack.testing.FakeSlackWebApi;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shared suites, read in place and run whole, every failure counted and listed:
 * {@code ../shared/conformance/slack/} (Slack's signing example and the SDK's payload samples, each POSTed
 * signed to the backend's endpoint) and the Wycheproof HMAC-SHA256 vectors of
 * {@code ../shared/conformance/crypto-primitives/} (the MAC and constant-time tag comparison the verifier uses).
 */
class SlackConformanceTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void wycheproofHmacSha256RunsWhole() throws IOException {
        Path file = Conformance.dir("crypto-primitives").resolve("wycheproof-hmac_sha256_test.json");
        JsonObject suite = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        int declared = suite.get("numberOfTests").getAsInt();
        int run = 0;
        List<String> failures = new ArrayList<>();
        for (JsonElement g : suite.getAsJsonArray("testGroups")) {
            int tagBytes = g.getAsJsonObject().get("tagSize").getAsInt() / 8;
            for (JsonElement t : g.getAsJsonObject().getAsJsonArray("tests")) {
                JsonObject v = t.getAsJsonObject();
                run++;
                byte[] key = HEX.parseHex(v.get("key").getAsString());
                byte[] msg = HEX.parseHex(v.get("msg").getAsString());
                byte[] tag = HEX.parseHex(v.get("tag").getAsString());
                boolean ok = tag.length == tagBytes && SlackSignatureVerifier.tagMatches(SlackSignatureVerifier.hmacSha256(key, msg), tag);
                boolean expected = v.get("result").getAsString().equals("valid");
                if (ok != expected) {
                    failures.add("tcId " + v.get("tcId").getAsInt() + " (" + v.get("comment").getAsString() + "): expected "
                            + v.get("result").getAsString() + ", got " + (ok ? "valid" : "invalid"));
                }
            }
        }
        report("wycheproof-hmac-sha256.txt", "Wycheproof HMAC-SHA256", run, failures);
        assertEquals(declared, run, "every declared test ran");
        assertTrue(failures.isEmpty(), failures.size() + " of " + run + " failed: " + failures);
    }

    @Test
    void slackFolderRunsWhole() throws Exception {
        Path dir = Conformance.dir("slack");
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        JsonObject example = json(dir.resolve("signing-example.json"));
        String secret = example.get("signing_secret").getAsString();
        long exampleTs = Long.parseLong(example.getAsJsonObject("headers").get("X-Slack-Request-Timestamp").getAsString());
        ManualClock clock = new ManualClock(Instant.ofEpochSecond(exampleTs));
        List<Interaction> received = new CopyOnWriteArrayList<>();
        List<String> failures = new ArrayList<>();
        int run = 0;
        try (FakeSlackWebApi api = FakeSlackWebApi.start()) {
            SlackBackend backend = new SlackBackend("xoxb-conformance-token-000000", secret, api.url(), clock);
            backend.start((in, reply) -> {
                received.add(in);
                reply.ack(Visibility.EPHEMERAL);
            });
            SlackSignatureVerifier signer = new SlackSignatureVerifier(secret, clock);
            for (Path f : files) {
                String name = dir.relativize(f).toString();
                JsonObject doc = json(f);
                received.clear();
                if (name.equals("signing-example.json")) {
                    run += 4;
                    String body = doc.get("body").getAsString();
                    String ts = String.valueOf(exampleTs);
                    String sig = doc.getAsJsonObject("headers").get("X-Slack-Signature").getAsString();
                    check(failures, name + " basestring", ("v0:" + ts + ":" + body).equals(doc.get("basestring").getAsString()));
                    check(failures, name + " expected signature computed",
                            signer.sign(ts, body.getBytes(StandardCharsets.UTF_8)).equals(doc.get("expected_signature").getAsString()));
                    HttpResponse r = backend.handle(request(body, ts, sig));
                    check(failures, name + " accepted at its timestamp: " + r.status(), r.status() == 200 && received.size() == 1
                            && received.get(0).user().qualifiedId().equals("slack:U2CERLKJA"));
                    received.clear();
                    SlackBackend later = new SlackBackend("xoxb-conformance-token-000000", secret, api.url(),
                            java.time.Clock.fixed(Instant.ofEpochSecond(exampleTs + 301), java.time.ZoneOffset.UTC));
                    later.start((in, reply) -> received.add(in));
                    HttpResponse stale = later.handle(request(body, ts, sig));
                    later.close();
                    check(failures, name + " refused 301 s later: " + stale.status(), stale.status() == 401 && received.isEmpty());
                    continue;
                }
                if (name.endsWith("ApiGatewayRequest.json")) {
                    run++;
                    JsonObject h = doc.getAsJsonObject("headers");
                    String body = doc.has("body") && !doc.get("body").isJsonNull() ? doc.get("body").getAsString() : "";
                    HttpResponse r = backend.handle(request(body, h.get("X-Slack-Request-Timestamp").getAsString(),
                            h.get("X-Slack-Signature").getAsString()));
                    check(failures, name + " (the example's signature over another body) refused: " + r.status(),
                            r.status() == 401 && received.isEmpty());
                    continue;
                }
                // a payload sample: delivered as Slack would, signed; the samples' ids are empty, so nothing may act
                run++;
                String body = encode(name, doc);
                String ts = String.valueOf(exampleTs);
                HttpResponse r = backend.handle(request(body, ts, signer.sign(ts, body.getBytes(StandardCharsets.UTF_8))));
                check(failures, name + " as sent (empty ids): answered " + r.status() + ", delivered " + received.size(),
                        r.status() < 500 && r.status() != 401 && received.isEmpty());
                if (name.endsWith("SlashCommandPayload.json") || name.endsWith("BlockActionPayload.json")) {
                    run++;
                    received.clear();
                    String filled = encode(name, filled(doc));
                    HttpResponse r2 = backend.handle(request(filled, ts, signer.sign(ts, filled.getBytes(StandardCharsets.UTF_8))));
                    boolean ok = r2.status() == 200 && received.size() == 1 && received.get(0).user().qualifiedId().equals("slack:U0FILLED")
                            && (name.endsWith("SlashCommandPayload.json") ? received.get(0) instanceof Interaction.TypedCommand
                                    : received.get(0) instanceof Interaction.ButtonPress bp && bp.actionId().equals("filled-action"));
                    check(failures, name + " with ids filled in: answered " + r2.status() + ", delivered " + received, ok);
                }
            }
            backend.close();
        }
        report("slack.txt", "Slack conformance (" + files.size() + " files)", run, failures);
        assertTrue(files.size() >= 13, "the folder's files: " + files);
        assertTrue(failures.isEmpty(), failures.size() + " of " + run + " failed: " + failures);
    }

    private static void check(List<String> failures, String what, boolean ok) {
        if (!ok) {
            failures.add(what);
        }
    }

    private static void report(String file, String title, int run, List<String> failures) {
        StringBuilder b = new StringBuilder(title + ": " + run + " run, " + (run - failures.size()) + " passed, " + failures.size()
                + " failed\n");
        failures.forEach(f -> b.append("  FAIL ").append(f).append('\n'));
        Conformance.report(file, b.toString());
    }

    private static JsonObject json(Path f) throws IOException {
        return JsonParser.parseString(Files.readString(f)).getAsJsonObject();
    }

    /** The body Slack sends for the sample: slash commands as form fields, interactivity as {@code payload=}, events as JSON. */
    private static String encode(String name, JsonObject doc) {
        if (name.contains("slash-commands/")) {
            List<String> kv = new ArrayList<>();
            for (Map.Entry<String, JsonElement> e : doc.entrySet()) {
                kv.add(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : e.getValue().toString(), StandardCharsets.UTF_8));
            }
            return String.join("&", kv);
        }
        if (name.startsWith("events/")) {
            return doc.toString();
        }
        return "payload=" + URLEncoder.encode(doc.toString(), StandardCharsets.UTF_8);
    }

    /** The sample with a user, a channel, a command text and an action id filled in. */
    private static JsonObject filled(JsonObject doc) {
        JsonObject d = doc.deepCopy();
        if (d.has("user_id")) {
            d.addProperty("user_id", "U0FILLED");
            d.addProperty("channel_id", "C0FILLED");
            d.addProperty("text", "status");
            d.addProperty("command", "/switchman");
        } else {
            d.getAsJsonObject("user").addProperty("id", "U0FILLED");
            d.getAsJsonObject("channel").addProperty("id", "C0FILLED");
            d.getAsJsonArray("actions").get(0).getAsJsonObject().addProperty("action_id", "filled-action");
        }
        return d;
    }

    private static HttpRequest request(String body, String ts, String signature) {
        return new HttpRequest("POST", SlackBackend.PATH, "", Map.of("Content-Type", List.of("application/x-www-form-urlencoded"),
                SlackSignatureVerifier.TIMESTAMP, List.of(ts), SlackSignatureVerifier.SIGNATURE, List.of(signature)),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
