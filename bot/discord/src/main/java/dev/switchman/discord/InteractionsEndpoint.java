package dev.switchman.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.http.HttpEndpoint;
import dev.switchman.core.http.HttpRequest;
import dev.switchman.core.http.HttpResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord's interactions endpoint, {@code POST /discord/interactions} on the server of {@code switchman serve}
 * (docs: "Interactions / Overview", Receiving an Interaction, and "Setting Up an Endpoint").
 *
 * <ol>
 *   <li>Every request's signature is checked first ({@link InteractionSignature}: Ed25519 over
 *       {@code X-Signature-Timestamp} + the raw body, and the timestamp within five minutes). A missing,
 *       malformed, forged or stale one is answered {@code 401} and nothing in it is read further: Discord
 *       sends invalid signatures on purpose and removes an endpoint that accepts them.</li>
 *   <li>{@code PING} (type 1) is answered {@code {"type":1}}.</li>
 *   <li>A command (2) or a button (3) goes to the bot; the HTTP answer is Discord's first response,
 *       chosen when the bot has acknowledged: the answer itself (type 4) or a deferred reply (type 5),
 *       ephemeral (flag 64) when the bot said so. Later answers go through the REST API.</li>
 *   <li>Autocomplete (4) is answered with up to 25 choices (type 8).</li>
 * </ol>
 * Other methods get {@code 405}; a verified body that is not JSON gets {@code 400}.
 */
public final class InteractionsEndpoint implements HttpEndpoint {

    /** The route Discord's Developer Portal is given as "Interactions Endpoint URL" (behind the public host). */
    public static final String PATH = "/discord/interactions";

    private static final Logger log = LoggerFactory.getLogger(InteractionsEndpoint.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final InteractionSignature signature;
    private final DiscordInteractions interactions;
    private final AtomicLong refused = new AtomicLong();

    InteractionsEndpoint(InteractionSignature signature, DiscordInteractions interactions) {
        this.signature = signature;
        this.interactions = interactions;
    }

    @Override
    public String path() {
        return PATH;
    }

    /** Requests refused for their signature or timestamp since start. */
    public long refused() {
        return refused.get();
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        if (!request.is("POST")) {
            return new HttpResponse(405, "text/plain; charset=utf-8", java.util.Map.of("Allow", "POST"), "POST only\n".getBytes());
        }
        InteractionSignature.Verdict v = signature.check(request.header("X-Signature-Ed25519").orElse(null),
                request.header("X-Signature-Timestamp").orElse(null), request.body());
        if (v != InteractionSignature.Verdict.VALID) {
            refused.incrementAndGet();
            log.warn("refused a request to {}: {}", PATH, v.reason()); // a wrong public key shows on stderr
            return HttpResponse.text(401, v.reason() + "\n");
        }
        JsonNode payload;
        try {
            payload = MAPPER.readTree(request.body());
        } catch (IOException e) {
            return HttpResponse.text(400, "the body is not JSON\n");
        }
        if (payload == null || !payload.isObject()) return HttpResponse.text(400, "the body is not a JSON object\n");
        Incoming in = Incoming.fromJson(payload);
        if (in.type() == Incoming.Type.PING) return HttpResponse.json("{\"type\":1}");
        HttpAck ack = new HttpAck();
        interactions.dispatch(in, ack);
        String body = ack.body != null ? ack.body : DiscordMessages.deferredResponse(false);
        // Discord has the response once this returns; edits of @original may follow (and retry a too-early 404)
        ack.sent.complete(null);
        return HttpResponse.json(body);
    }

    /** The first response, written into the HTTP answer. */
    private static final class HttpAck implements Acknowledger {
        final CompletableFuture<Void> sent = new CompletableFuture<>();
        String body;

        @Override
        public CompletableFuture<?> defer(boolean ephemeral) {
            body = DiscordMessages.deferredResponse(ephemeral);
            return sent;
        }

        @Override
        public CompletableFuture<?> reply(ChatMessage message, boolean ephemeral) {
            body = DiscordMessages.messageResponse(message, ephemeral);
            return sent;
        }

        @Override
        public void choices(List<String> choices) {
            DataArray a = DataArray.empty();
            for (String c : choices) a.add(DataObject.empty().put("name", c).put("value", c));
            body = DiscordMessages.response(8, DataObject.empty().put("choices", a));
        }
    }
}
