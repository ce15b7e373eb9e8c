package dev.switchman.discord.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchman.core.time.Scheduler;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small client of Discord's REST API v10 (https://discord.com/developers/docs/reference), over OkHttp.
 *
 * <ul>
 *   <li>Interaction answers need no bot token: {@code PATCH /webhooks/{application.id}/{token}/messages/@original}
 *       edits the deferred reply, {@code POST /webhooks/{application.id}/{token}} adds a follow-up (docs:
 *       "Interactions / Receiving and Responding", the token is valid 15 minutes).</li>
 *   <li>Channel messages ({@code POST/PATCH /channels/{id}/messages}), command registration and
 *       {@code users/@me} use {@code Authorization: Bot <token>}.</li>
 *   <li>Rate limits (docs: "Topics / Rate Limits"): a 429's {@code retry_after} (seconds, JSON body; else the
 *       {@code Retry-After} header) is waited out on the injected {@link Scheduler} and the request repeated,
 *       up to {@link #MAX_RATE_LIMIT_WAITS} times, so nothing is lost. A 5xx or an I/O failure is retried
 *       {@link #SERVER_RETRIES} times with back-off (0.5 s, 1 s, 2 s). A 404 for an interaction's webhook
 *       (codes 10015, 10062) is retried the same way: it is what Discord answers when the edit overtakes
 *       the interaction's acknowledgement by a few milliseconds.</li>
 * </ul>
 * Every other refusal throws {@link DiscordApiException} at once. Neither tokens nor message bodies are
 * logged; routes are logged with tokens masked.
 */
public final class DiscordRest {

    /** Discord's production API base. */
    public static final String DEFAULT_BASE_URL = "https://discord.com/api/v10";
    /** How many 429s in a row are waited out before the request fails. */
    public static final int MAX_RATE_LIMIT_WAITS = 8;
    /** How many times a 5xx, an I/O failure or an early 404 on an interaction webhook is retried. */
    public static final int SERVER_RETRIES = 3;
    /** A single {@code retry_after} longer than this is not waited out: the request fails (the outbox retries later). */
    public static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(DiscordRest.class);
    private static final MediaType JSON = MediaType.parse("application/json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A message Discord created or edited: its id and channel id. */
    public record Message(String id, String channelId) {
    }

    private final String baseUrl;
    private final String botToken;
    private final Scheduler scheduler;
    private final OkHttpClient http;
    private final Duration firstBackoff;

    /**
     * @param baseUrl   the API base, {@link #DEFAULT_BASE_URL} or a local fake ({@code DISCORD_API_URL}); no trailing slash needed
     * @param botToken  the bot token, or null (then only interaction webhooks can be used)
     * @param scheduler waits out rate limits and back-off on its clock (live: the system scheduler)
     */
    public DiscordRest(String baseUrl, String botToken, Scheduler scheduler) {
        this(baseUrl, botToken, scheduler, Duration.ofMillis(500));
    }

    /** As above with the first back-off after a 5xx (then doubled); tests shorten it. */
    public DiscordRest(String baseUrl, String botToken, Scheduler scheduler, Duration firstBackoff) {
        String b = Objects.requireNonNull(baseUrl, "baseUrl").strip();
        this.baseUrl = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        this.botToken = botToken == null || botToken.isBlank() ? null : botToken.strip();
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.firstBackoff = firstBackoff;
        this.http = new OkHttpClient.Builder().connectTimeout(5, TimeUnit.SECONDS).readTimeout(15, TimeUnit.SECONDS)
                .writeTimeout(15, TimeUnit.SECONDS).build();
    }

    /** True when a bot token was given (channel messages and registration need it). */
    public boolean hasBotToken() {
        return botToken != null;
    }

    /** The API base in use, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    // ------------------------------------------------------------------ interaction webhooks

    /** Edits the interaction's original response (the deferred reply): {@code PATCH /webhooks/{app}/{token}/messages/@original}. */
    public Message editOriginal(String applicationId, String token, String json) {
        return message(call("PATCH", "/webhooks/" + applicationId + "/" + token + "/messages/@original",
                "/webhooks/" + applicationId + "/***/messages/@original", json, false, true));
    }

    /** Deletes the interaction's original response (the deferred "thinking…" placeholder): {@code DELETE /webhooks/{app}/{token}/messages/@original}. */
    public void deleteOriginal(String applicationId, String token) {
        call("DELETE", "/webhooks/" + applicationId + "/" + token + "/messages/@original", "/webhooks/" + applicationId + "/***/messages/@original",
                null, false, true);
    }

    /** A follow-up message: {@code POST /webhooks/{app}/{token}}; {@code json} may carry {@code flags: 64} (ephemeral). */
    public Message followUp(String applicationId, String token, String json) {
        return message(call("POST", "/webhooks/" + applicationId + "/" + token, "/webhooks/" + applicationId + "/***", json, false, true));
    }

    /** Edits a message the interaction's webhook sent: {@code PATCH /webhooks/{app}/{token}/messages/{id}} (within the token's 15 minutes). */
    public Message editWebhookMessage(String applicationId, String token, String messageId, String json) {
        return message(call("PATCH", "/webhooks/" + applicationId + "/" + token + "/messages/" + messageId,
                "/webhooks/" + applicationId + "/***/messages/" + messageId, json, false, true));
    }

    // ------------------------------------------------------------------ bot token

    /** Posts a message: {@code POST /channels/{id}/messages} (bot token; permission Send Messages). */
    public Message createMessage(String channelId, String json) {
        return message(call("POST", "/channels/" + channelId + "/messages", null, json, true, false));
    }

    /** Edits the bot's own message: {@code PATCH /channels/{id}/messages/{id}} (bot token). */
    public Message editMessage(String channelId, String messageId, String json) {
        return message(call("PATCH", "/channels/" + channelId + "/messages/" + messageId, null, json, true, false));
    }

    /**
     * Replaces the application's commands with {@code jsonArray}: {@code PUT /applications/{app}/commands}, or
     * {@code PUT /applications/{app}/guilds/{guild}/commands} when {@code guildId} is given (available at once
     * in that guild). Returns Discord's answer (the registered commands).
     */
    public JsonNode putCommands(String applicationId, String guildId, String jsonArray) {
        String route = guildId == null || guildId.isBlank() ? "/applications/" + applicationId + "/commands"
                : "/applications/" + applicationId + "/guilds/" + guildId + "/commands";
        return call("PUT", route, null, jsonArray, true, false);
    }

    /** The bot's own user: {@code GET /users/@me} (what {@code switchman doctor} shows). */
    public JsonNode me() {
        return call("GET", "/users/@me", null, null, true, false);
    }

    /** The bot's application id: {@code GET /oauth2/applications/@me} ({@code id}). */
    public String applicationId() {
        return call("GET", "/oauth2/applications/@me", null, null, true, false).path("id").asText();
    }

    // ------------------------------------------------------------------ the call

    private static Message message(JsonNode n) {
        return new Message(n.path("id").asText(null), n.path("channel_id").asText(null));
    }

    private JsonNode call(String method, String path, String shown, String json, boolean bot, boolean interactionWebhook) {
        String route = shown != null ? shown : path;
        if (bot && botToken == null) {
            throw new DiscordApiException(method + " " + route + ": needs DISCORD_BOT_TOKEN, which is not set", 0, 0, null);
        }
        Request.Builder rb = new Request.Builder().url(baseUrl + path).header("User-Agent", "DiscordBot (https://switchman.dev, 0.1)");
        if (bot) rb.header("Authorization", "Bot " + botToken);
        RequestBody body = json == null ? (method.equals("GET") ? null : RequestBody.create("", JSON)) : RequestBody.create(json, JSON);
        Request request = rb.method(method, body).build();
        int rateLimited = 0;
        int failures = 0;
        while (true) {
            String error;
            int status = 0;
            int code = 0;
            IOException io = null;
            try (Response r = http.newCall(request).execute()) {
                status = r.code();
                ResponseBody rbody = r.body();
                String text = rbody == null ? "" : rbody.string();
                if (status >= 200 && status < 300) {
                    return text.isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(text);
                }
                JsonNode err = parse(text);
                code = err.path("code").asInt(0);
                error = err.path("message").asText(status == 429 ? "rate limited" : "HTTP " + status);
                if (status == 429) {
                    Duration wait = retryAfter(err, r.header("Retry-After"));
                    if (++rateLimited > MAX_RATE_LIMIT_WAITS || wait.compareTo(MAX_RETRY_AFTER) > 0) {
                        throw new DiscordApiException(method + " " + route + ": still rate limited after " + (rateLimited - 1)
                                + " waits (retry_after " + wait.toMillis() + " ms)", 429, code, null);
                    }
                    log.debug("{} {}: rate limited ({}), waiting {} ms", method, route, err.path("global").asBoolean(false) ? "global" : "route",
                            wait.toMillis());
                    await(wait);
                    continue;
                }
                boolean early = interactionWebhook && status == 404 && (code == 10015 || code == 10062);
                if (status < 500 && !early) {
                    throw new DiscordApiException(method + " " + route + ": " + status + " " + error + (code == 0 ? "" : " (code " + code + ")"),
                            status, code, null);
                }
            } catch (IOException e) {
                io = e;
                error = e.getClass().getSimpleName();
            }
            if (++failures > SERVER_RETRIES) {
                throw new DiscordApiException(method + " " + route + ": " + (status == 0 ? "unreachable (" + error + ")" : status + " " + error)
                        + " after " + failures + " attempts", status, code, io);
            }
            log.debug("{} {}: {} (attempt {}), retrying", method, route, status == 0 ? error : status, failures);
            await(firstBackoff.multipliedBy(1L << (failures - 1)));
        }
    }

    private static JsonNode parse(String text) {
        try {
            return text == null || text.isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(text);
        } catch (IOException e) {
            return MAPPER.createObjectNode();
        }
    }

    /** {@code retry_after} of the JSON body (seconds, may be fractional), else the header (seconds), else 1 s. */
    public static Duration retryAfter(JsonNode body, String header) {
        double seconds = -1;
        if (body.path("retry_after").isNumber()) {
            seconds = body.path("retry_after").asDouble();
        } else if (header != null) {
            try {
                seconds = Double.parseDouble(header.strip());
            } catch (NumberFormatException ignored) {
                // fall through to the default
            }
        }
        if (!(seconds >= 0) || Double.isInfinite(seconds)) seconds = 1;
        return Duration.ofNanos((long) Math.ceil(Math.min(seconds, 3600) * 1e9));
    }

    /** Waits on the scheduler's clock (never the wall clock directly). */
    private void await(Duration d) {
        if (d.isZero() || d.isNegative()) return;
        CompletableFuture<Void> due = new CompletableFuture<>();
        Scheduler.Cancellable c = scheduler.schedule(scheduler.clock().instant().plus(d), () -> due.complete(null));
        try {
            due.get();
        } catch (InterruptedException e) {
            c.cancel();
            Thread.currentThread().interrupt();
            throw new DiscordApiException("interrupted while waiting out a rate limit", 0, 0, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
