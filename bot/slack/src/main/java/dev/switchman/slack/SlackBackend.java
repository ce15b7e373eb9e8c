package dev.switchman.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.model.block.LayoutBlock;
import dev.switchman.core.chat.Capabilities;
import dev.switchman.core.chat.ChatBackend;
import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.chat.ChatUser;
import dev.switchman.core.chat.Interaction;
import dev.switchman.core.chat.InteractionHandler;
import dev.switchman.core.chat.MessageRef;
import dev.switchman.core.chat.RateLimitedException;
import dev.switchman.core.chat.Visibility;
import dev.switchman.core.http.HttpEndpoint;
import dev.switchman.core.http.HttpRequest;
import dev.switchman.core.http.HttpResponse;
import dev.switchman.core.secret.Secrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack over HTTP (Bolt for Java): slash commands and button presses arrive at {@value #PATH} on the
 * server of {@code switchman serve}, signed with the app's signing secret ({@link SlackSignatureVerifier};
 * refused with 401 before anything parses them); Bolt's {@link App} parses and routes them; the bot gets
 * a {@link Interaction.TypedCommand} (any slash command: its text is the bot's grammar) or an
 * {@link Interaction.ButtonPress} (the button's {@code action_id}). The acting user is the signed
 * payload's {@code user_id} ({@code slack:U123}). Acknowledgement is the HTTP answer: an empty 200, or for
 * a slash command the bot answered at once (a typo) its ephemeral answer. Later answers: ephemeral via
 * {@code chat.postEphemeral}, public via {@code chat.postMessage} in the run's thread; the status message
 * is edited with {@code chat.update}. A run's thread is its status message: every public message for the
 * channel goes there, except the answer to {@code start} and {@code rehearse}, which opens the next one.
 * Web API errors throw ({@link RateLimitedException} with the 429's {@code Retry-After}), so the bot's
 * outbox retries them.
 */
public final class SlackBackend implements ChatBackend {

    private static final Logger log = LoggerFactory.getLogger(SlackBackend.class);

    /** Where Slack posts slash commands and interactivity (the app's Request URLs). */
    public static final String PATH = "/slack/events";
    /** The Web API's default base URL. */
    public static final String DEFAULT_API_URL = "https://slack.com/api/";

    private final Clock clock;
    private final SlackSignatureVerifier verifier;
    private final Slack slack;
    private final MethodsClient methods;
    private final App app;
    private final SlackRequestParser parser;
    private final Capabilities capabilities = Capabilities.slack();
    /** channel id -> ts of the status message of its current run (the thread its messages go to). */
    private final Map<String, String> threads = new ConcurrentHashMap<>();
    /**
     * channel -> the thread a {@code start} is opening (completed with the status message's ts, or null when the
     * start failed): team messages the run sends before its status message is posted wait for it, so the whole
     * run is in its thread.
     */
    private final Map<String, java.util.concurrent.CompletableFuture<String>> opening = new ConcurrentHashMap<>();
    /** How long a team message waits for its run's thread to open before it goes to the channel. */
    static final Duration OPENING_WAIT = Duration.ofSeconds(10);
    private volatile InteractionHandler handler;
    private final String appToken;
    private com.slack.api.bolt.socket_mode.SocketModeApp socketMode;
    /** How long the user groups fetched from Slack are used before they are fetched again. */
    public static final Duration GROUPS_TTL = Duration.ofSeconds(60);
    private final boolean userGroups;
    private Map<String, java.util.Set<String>> groupsByUser = Map.of();
    private java.time.Instant groupsFetched;

    /**
     * @param botToken      the bot token ({@code xoxb-...}) the Web API calls use
     * @param signingSecret the app's signing secret: requests are verified with it
     * @param apiUrl        the Web API base URL ({@link #DEFAULT_API_URL}; a loopback fake in tests)
     */
    public SlackBackend(String botToken, String signingSecret, String apiUrl, Clock clock) {
        this(botToken, signingSecret, apiUrl, clock, false);
    }

    /**
     * @param userGroups resolve the acting user's Slack user groups ({@code usergroups.list}, scope
     *                   {@code usergroups:read}, cached {@link #GROUPS_TTL}) so runbook roles may name
     *                   {@code slack-group:<id>}
     */
    public SlackBackend(String botToken, String signingSecret, String apiUrl, Clock clock, boolean userGroups) {
        this(botToken, signingSecret, null, apiUrl, clock, userGroups);
    }

    /**
     * @param signingSecret null for Socket Mode only (no {@value #PATH} endpoint then)
     * @param appToken      the app-level token ({@code xapp-...}) for Socket Mode, or null for HTTP mode only:
     *                      {@link #start} then opens the WebSocket ({@code apps.connections.open}) and slash
     *                      commands and presses arrive over it, needing no public URL
     */
    public SlackBackend(String botToken, String signingSecret, String appToken, String apiUrl, Clock clock, boolean userGroups) {
        Secrets.register(botToken);
        Secrets.register(signingSecret);
        Secrets.register(appToken);
        this.clock = clock;
        this.appToken = appToken;
        this.verifier = signingSecret == null ? null : new SlackSignatureVerifier(signingSecret, clock);
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(apiUrl.endsWith("/") ? apiUrl : apiUrl + "/");
        config.setStatsEnabled(false);
        this.slack = Slack.getInstance(config);
        this.methods = slack.methods(botToken);
        AppConfig appConfig = new AppConfig();
        if (signingSecret != null) {
            appConfig.setSigningSecret(signingSecret);
        }
        appConfig.setSingleTeamBotToken(botToken);
        // verified above in constant time on the injected clock; Bolt's verifier uses String.equals and the wall clock
        appConfig.setRequestVerificationEnabled(false);
        appConfig.setSlack(slack);
        // no middleware: no auth.test round trip before the first ack; the Web API calls carry the token themselves
        this.app = new App(appConfig, slack, List.of());
        this.parser = new SlackRequestParser(appConfig);
        this.userGroups = userGroups;
        app.command(Pattern.compile(".*"), (req, ctx) -> {
            Optional<ChatMessage> now = command(req.getPayload());
            if (now.isEmpty()) {
                return ctx.ack();
            }
            ChatMessage m = now.get();
            return ctx.ack(SlashCommandResponse.builder().responseType("ephemeral").text(SlackBlocks.fallback(m))
                    .blocks(SlackBlocks.render(m, capabilities)).build());
        });
        app.blockAction(Pattern.compile(".*"), (req, ctx) -> {
            press(req.getPayload());
            return ctx.ack();
        });
    }

    @Override
    public String name() {
        return "slack";
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    /** Takes interactions from now on; in Socket Mode, opens the WebSocket first (throws when Slack refuses). */
    @Override
    public void start(InteractionHandler h) {
        this.handler = h;
        if (appToken != null && socketMode == null) {
            try {
                socketMode = new com.slack.api.bolt.socket_mode.SocketModeApp(appToken,
                        com.slack.api.socket_mode.SocketModeClient.Backend.Tyrus, app);
                socketMode.startAsync();
            } catch (Exception e) {
                throw new IllegalStateException("Slack Socket Mode: cannot connect: " + Secrets.message(e), e);
            }
        }
    }

    @Override
    public List<HttpEndpoint> endpoints() {
        if (verifier == null) {
            return List.of(); // Socket Mode only: nothing arrives over HTTP
        }
        return List.of(new HttpEndpoint() {
            @Override
            public String path() {
                return PATH;
            }

            @Override
            public HttpResponse handle(HttpRequest request) {
                return SlackBackend.this.handle(request);
            }
        });
    }

    /** One request to {@value #PATH}: verified, then handed to Bolt; the answer is Bolt's acknowledgement. */
    HttpResponse handle(HttpRequest request) {
        if (!request.is("POST")) {
            return new HttpResponse(405, "text/plain; charset=utf-8", Map.of("Allow", "POST"), new byte[0]);
        }
        Optional<String> refused = verifier.refusal(request);
        if (refused.isPresent()) {
            // WARN: a wrong signing secret or a skewed clock shows on stderr, not only at INFO (no secret in it)
            log.warn("refused a request to {}: {}", PATH, refused.get());
            return HttpResponse.text(401, "invalid request signature: " + refused.get() + "\n");
        }
        if (handler == null) {
            return HttpResponse.text(503, "starting\n");
        }
        String body = request.bodyText();
        if (body.startsWith("ssl_check=1") || body.contains("&ssl_check=1")) {
            return HttpResponse.empty(200); // Slack's certificate check of the Request URL
        }
        Map<String, List<String>> query = new HashMap<>();
        for (String kv : request.query().split("&")) {
            if (!kv.isEmpty()) {
                int eq = kv.indexOf('=');
                query.computeIfAbsent(eq < 0 ? kv : kv.substring(0, eq), k -> new java.util.ArrayList<>()).add(eq < 0 ? "" : kv.substring(eq + 1));
            }
        }
        Request<?> boltRequest = parser.parse(SlackRequestParser.HttpRequest.builder()
                .requestUri(request.path())
                .queryString(query)
                .headers(new RequestHeaders(request.headers()))
                .requestBody(body)
                .build());
        Response r;
        try {
            r = app.run(boltRequest);
        } catch (Exception e) {
            log.warn("Slack request failed: {}", Secrets.message(e));
            return HttpResponse.empty(500);
        }
        Map<String, String> headers = new HashMap<>();
        String contentType = r.getContentType() == null ? "text/plain; charset=utf-8" : r.getContentType();
        byte[] out = r.getBody() == null ? new byte[0] : r.getBody().getBytes(StandardCharsets.UTF_8);
        return new HttpResponse(r.getStatusCode() == null ? 200 : r.getStatusCode(), contentType, headers, out);
    }

    /** A slash command: the bot's answer when it answered before the ack (ephemeral), else empty. */
    private Optional<ChatMessage> command(SlashCommandPayload p) {
        if (blank(p.getUserId()) || blank(p.getChannelId())) {
            // nobody to act as, nowhere to answer: nothing reaches the bot
            return Optional.of(ChatMessage.text("this request names no user or channel; nothing was done"));
        }
        ChatUser user = new ChatUser("slack", p.getUserId(), p.getUserName(), groups(p.getUserId()));
        String text = p.getText() == null ? "" : p.getText().trim();
        String verb = text.split("\\s+", 2)[0];
        boolean opensThread = verb.equals("start") || verb.equals("rehearse");
        java.util.concurrent.CompletableFuture<String> thread = null;
        if (opensThread) {
            thread = new java.util.concurrent.CompletableFuture<>();
            opening.put(p.getChannelId(), thread);
        }
        SlackReply reply = new SlackReply(this, p.getChannelId(), p.getUserId(), null, thread, true);
        handler.handle(new Interaction.TypedCommand(text, user, p.getChannelId(), null, p.getTriggerId(), clock.instant()), reply);
        ChatMessage inAck = reply.leaveHandler();
        if (inAck != null && thread != null) {
            opened(p.getChannelId(), thread, null); // answered at once (a typo): no run starts
        }
        return Optional.ofNullable(inAck);
    }

    /** A button press: its action id and the message it was on. */
    private void press(BlockActionPayload p) {
        if (p.getActions() == null || p.getActions().isEmpty() || p.getUser() == null || blank(p.getUser().getId())) {
            return;
        }
        String channel = p.getChannel() != null && !blank(p.getChannel().getId()) ? p.getChannel().getId()
                : p.getContainer() == null ? null : p.getContainer().getChannelId();
        if (blank(channel)) {
            return;
        }
        String ts = p.getContainer() != null && p.getContainer().getMessageTs() != null ? p.getContainer().getMessageTs()
                : p.getMessage() == null ? null : p.getMessage().getTs();
        MessageRef source = blank(ts) ? null : new MessageRef(name(), channel, ts);
        ChatUser user = new ChatUser("slack", p.getUser().getId(), p.getUser().getUsername() != null ? p.getUser().getUsername() : p.getUser().getName(),
                groups(p.getUser().getId()));
        SlackReply reply = new SlackReply(this, channel, p.getUser().getId(), source, null, false);
        for (BlockActionPayload.Action a : p.getActions()) {
            if (blank(a.getActionId())) {
                continue;
            }
            handler.handle(new Interaction.ButtonPress(a.getActionId(), user, channel, source, p.getTriggerId(), clock.instant()), reply);
        }
        reply.leaveHandler();
    }

    /**
     * The user groups {@code userId} is in, as {@code slack-group:<id>} (empty unless enabled): from
     * {@code usergroups.list?include_users=true}, fetched at most once per {@link #GROUPS_TTL}. When Slack
     * cannot be asked (missing scope, down), the last list is kept (none at first) and the failure logged:
     * a role held through a group is then refused, never granted by mistake.
     */
    java.util.Set<String> groups(String userId) {
        if (!userGroups) {
            return java.util.Set.of(); // no lock on the acknowledgement path when groups are off
        }
        return groupsOf(userId);
    }

    private synchronized java.util.Set<String> groupsOf(String userId) {
        java.time.Instant now = clock.instant();
        if (groupsFetched == null || !now.isBefore(groupsFetched.plus(GROUPS_TTL))) {
            groupsFetched = now;
            try {
                var r = call("usergroups.list", () -> methods.usergroupsList(q -> q.includeUsers(true)));
                Map<String, java.util.Set<String>> by = new HashMap<>();
                for (var g : r.getUsergroups() == null ? List.<com.slack.api.model.Usergroup>of() : r.getUsergroups()) {
                    for (String u : g.getUsers() == null ? List.<String>of() : g.getUsers()) {
                        by.computeIfAbsent(u, k -> new java.util.HashSet<>()).add("slack-group:" + g.getId());
                    }
                }
                groupsByUser = by;
            } catch (RuntimeException e) {
                log.warn("Slack user groups could not be read (roles naming slack-group: are refused until they can): {}",
                        Secrets.message(e));
            }
        }
        return groupsByUser.getOrDefault(userId, java.util.Set.of());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    // ------------------------------------------------------------------ Web API

    @Override
    public MessageRef send(String channel, ChatMessage message) {
        java.util.concurrent.CompletableFuture<String> pending = opening.get(channel);
        if (pending != null) {
            try {
                pending.get(OPENING_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                // no status message yet: the message goes where the channel's thread is now
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return postMessage(channel, message, threads.get(channel));
    }

    /** The start's answer was posted ({@code ts}) or failed (null): the channel's thread is known. */
    void opened(String channel, java.util.concurrent.CompletableFuture<String> thread, String ts) {
        if (ts != null) {
            threads.put(channel, ts);
        }
        opening.remove(channel, thread);
        thread.complete(ts);
    }

    /** Posts in {@code channel}, in the thread of {@code threadTs} when not null ({@code chat.postMessage}). */
    MessageRef postMessage(String channel, ChatMessage message, String threadTs) {
        List<LayoutBlock> blocks = SlackBlocks.render(message, capabilities);
        String ts = call("chat.postMessage", () -> methods.chatPostMessage(r -> r.channel(channel).threadTs(threadTs)
                .text(SlackBlocks.fallback(message)).blocks(blocks))).getTs();
        return new MessageRef(name(), channel, ts);
    }

    /** Posts a message only {@code userId} sees ({@code chat.postEphemeral}), in the channel's run thread when there is one. */
    void postEphemeral(String channel, String userId, ChatMessage message) {
        List<LayoutBlock> blocks = SlackBlocks.render(message, capabilities);
        String thread = threads.get(channel);
        call("chat.postEphemeral", () -> methods.chatPostEphemeral(r -> r.channel(channel).user(userId).threadTs(thread)
                .text(SlackBlocks.fallback(message)).blocks(blocks)));
    }

    /** {@code Socket Mode}, {@code HTTP mode (/slack/events)} or both: how interactions arrive. */
    public String mode() {
        String http = "HTTP mode (" + PATH + ")";
        return appToken == null ? http : verifier == null ? "Socket Mode (no public URL)" : "Socket Mode and " + http;
    }

    /** {@code switchman doctor}: {@code auth.test} with the bot token (docs.slack.dev/reference/methods/auth.test). */
    public dev.switchman.core.chat.ChatBackendFactory.Finding authTest() {
        try {
            var r = call("auth.test", () -> methods.authTest(q -> q));
            return new dev.switchman.core.chat.ChatBackendFactory.Finding(true, "SLACK_BOT_TOKEN is accepted: bot " + r.getUser() + " ("
                    + r.getUserId() + ") in team " + r.getTeam() + " (" + r.getTeamId() + ") at " + slack.getConfig().getMethodsEndpointUrlPrefix());
        } catch (RuntimeException e) {
            return new dev.switchman.core.chat.ChatBackendFactory.Finding(false, "SLACK_BOT_TOKEN is not accepted at "
                    + slack.getConfig().getMethodsEndpointUrlPrefix() + ": " + Secrets.message(e));
        }
    }

    /** Attempts at an answer Slack rate-limits, and the longest Retry-After waited for inline. */
    static final int ANSWER_ATTEMPTS = 3;
    static final Duration ANSWER_MAX_WAIT = Duration.ofSeconds(5);

    /**
     * An answer to an interaction: the bot does not retry answers (team messages and status edits go
     * through its outbox), so a 429 is waited out here, at most {@link #ANSWER_ATTEMPTS} tries and only for
     * a {@code Retry-After} up to {@link #ANSWER_MAX_WAIT} (Slack's chat limits are about one message per
     * second per channel); a longer one, or another failure, throws to the bot, which logs the answer as
     * undelivered. The wait holds the run's executor, so it stays short.
     */
    <T> T answering(java.util.function.Supplier<T> post) {
        for (int attempt = 1; ; attempt++) {
            try {
                return post.get();
            } catch (RateLimitedException e) {
                if (attempt >= ANSWER_ATTEMPTS || e.retryAfter().compareTo(ANSWER_MAX_WAIT) > 0) {
                    throw e;
                }
                log.info("Slack rate-limited an answer; retrying in {} s", e.retryAfter().toSeconds());
                java.util.concurrent.CompletableFuture.runAsync(() -> { },
                        java.util.concurrent.CompletableFuture.delayedExecutor(e.retryAfter().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)).join();
            }
        }
    }

    /** The channel's run thread, or null. */
    String thread(String channel) {
        return threads.get(channel);
    }

    /** Edits a message in place ({@code chat.update}); the status message also becomes its channel's run thread. */
    @Override
    public void update(MessageRef ref, ChatMessage message) {
        threads.put(ref.channel(), ref.id());
        edit(ref, message);
    }

    void edit(MessageRef ref, ChatMessage message) {
        List<LayoutBlock> blocks = SlackBlocks.render(message, capabilities);
        call("chat.update", () -> methods.chatUpdate(r -> r.channel(ref.channel()).ts(ref.id())
                .text(SlackBlocks.fallback(message)).blocks(blocks)));
    }


    @FunctionalInterface
    private interface ApiCall<T extends SlackApiTextResponse> {
        T call() throws IOException, SlackApiException;
    }

    /**
     * One Web API call: an HTTP 429 throws {@link RateLimitedException} with its {@code Retry-After}
     * (docs.slack.dev/apis/web-api/rate-limits), another HTTP error or {@code "ok": false} an
     * {@link IllegalStateException} naming the method and Slack's error code, a network failure
     * {@link UncheckedIOException}.
     */
    private <T extends SlackApiTextResponse> T call(String method, ApiCall<T> call) {
        T response;
        try {
            response = call.call();
        } catch (SlackApiException e) {
            int code = e.getResponse().code();
            if (code == 429) {
                String after = e.getResponse().header("Retry-After");
                Duration wait = Duration.ofSeconds(1);
                try {
                    wait = Duration.ofSeconds(Long.parseLong(after == null ? "1" : after.trim()));
                } catch (NumberFormatException ignored) {
                    // an HTTP-date or garbage: the default wait
                }
                throw new RateLimitedException("Slack " + method + ": rate limited, retry after " + wait.toSeconds() + " s", wait);
            }
            throw new IllegalStateException("Slack " + method + ": HTTP " + code);
        } catch (IOException e) {
            throw new UncheckedIOException("Slack " + method + ": " + e.getMessage(), e);
        }
        if (!response.isOk()) {
            throw new IllegalStateException("Slack " + method + " refused: " + response.getError());
        }
        return response;
    }

    @Override
    public void close() {
        handler = null;
        if (socketMode != null) {
            try {
                socketMode.close();
            } catch (Exception e) {
                log.debug("closing Socket Mode: {}", Secrets.message(e));
            }
        }
        try {
            slack.close();
        } catch (Exception e) {
            log.debug("closing the Slack client: {}", Secrets.message(e));
        }
    }

    /** The answer handle for one slash command or press. */
    static final class SlackReply implements dev.switchman.core.chat.Reply {
        private final SlackBackend backend;
        private final String channel;
        private final String userId;
        private final MessageRef source;
        /** Set for {@code start}: its public answer is the run's status message and opens this thread. */
        private final java.util.concurrent.CompletableFuture<String> opensThread;
        /** A slash command's acknowledgement can carry an ephemeral answer given before it returns. */
        private final boolean answerInAck;
        private Visibility visibility;
        private boolean inHandler = true;
        private ChatMessage inAck;

        SlackReply(SlackBackend backend, String channel, String userId, MessageRef source,
                   java.util.concurrent.CompletableFuture<String> opensThread, boolean answerInAck) {
            this.backend = backend;
            this.channel = channel;
            this.userId = userId;
            this.source = source;
            this.opensThread = opensThread;
            this.answerInAck = answerInAck;
        }

        @Override
        public synchronized void ack(Visibility v) {
            if (visibility == null) {
                visibility = v;
            }
        }

        /** The handler returned; the answer to put in the acknowledgement, if the bot gave one already. */
        synchronized ChatMessage leaveHandler() {
            inHandler = false;
            return inAck;
        }

        private synchronized Visibility visibility() {
            return visibility == null ? Visibility.PUBLIC : visibility;
        }

        /**
         * The answer with the acknowledged visibility, except that a refusal or an error (the bot's
         * {@code Refused}/{@code Error} replies) goes to the person who acted only: in Slack the ack does
         * not bind later messages, and a refused press is nobody else's business (it is audited in the log).
         */
        @Override
        public MessageRef answer(ChatMessage message) {
            return followUp(message, refusal(message) ? Visibility.EPHEMERAL : visibility());
        }

        private static boolean refusal(ChatMessage m) {
            return m.tone() == ChatMessage.Tone.DANGER && (m.title().equals("Refused") || m.title().equals("Error"));
        }

        @Override
        public void updateSource(ChatMessage message) {
            if (source == null) {
                answer(message);
            } else {
                backend.edit(source, message);
            }
        }

        @Override
        public MessageRef followUp(ChatMessage message, Visibility v) {
            if (v == Visibility.EPHEMERAL) {
                if (opensThread != null && !opensThread.isDone()) {
                    backend.opened(channel, opensThread, null); // the start was refused: no new thread
                }
                synchronized (this) {
                    if (answerInAck && inHandler && inAck == null) {
                        inAck = message;
                        return null;
                    }
                }
                backend.answering(() -> {
                    backend.postEphemeral(channel, userId, message);
                    return null;
                });
                return null;
            }
            if (opensThread != null && !opensThread.isDone()) {
                // the answer to start is the new run's status message: its thread holds the run; an error opens nothing
                MessageRef ref = null;
                try {
                    ref = backend.answering(() -> backend.postMessage(channel, message, null));
                    return ref;
                } finally {
                    backend.opened(channel, opensThread, ref != null && message.tone() != ChatMessage.Tone.DANGER ? ref.id() : null);
                }
            }
            return backend.answering(() -> backend.postMessage(channel, message, backend.thread(channel)));
        }
    }
}
