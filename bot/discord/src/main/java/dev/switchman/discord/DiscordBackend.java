package dev.switchman.discord;

import dev.switchman.core.chat.Capabilities;
import dev.switchman.core.chat.ChatBackend;
import dev.switchman.core.chat.ChatMessage;
import dev.switchman.core.chat.InteractionHandler;
import dev.switchman.core.chat.MessageRef;
import dev.switchman.core.http.HttpEndpoint;
import dev.switchman.core.secret.Secrets;
import dev.switchman.core.time.Scheduler;
import dev.switchman.discord.rest.DiscordRest;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord as a chat platform (docs/discord.md). Interactions arrive over JDA's gateway
 * ({@link DiscordConfig.Mode#GATEWAY}) or at the HTTP interactions endpoint ({@link #endpoints()},
 * {@link DiscordConfig.Mode#HTTP}); both go through one {@link DiscordInteractions}. Messages are embeds
 * with buttons ({@link DiscordMessages}); the run's messages are posted and edited in place with the bot
 * token ({@code POST/PATCH /channels/{id}/messages}), answers to interactions through the interaction's
 * webhook, all through {@link DiscordRest} (429s waited out). Channels are named by id.
 */
public final class DiscordBackend implements ChatBackend {

    /** The platform's name in {@link MessageRef}s and user ids ({@code discord:80351110224678912}). */
    public static final String NAME = "discord";

    private static final Logger log = LoggerFactory.getLogger(DiscordBackend.class);

    private final DiscordConfig config;
    private final DiscordRest rest;
    private final ExecutorService executor;
    private final Scheduler ownedScheduler;
    private final DiscordInteractions interactions;
    private final InteractionsEndpoint endpoint;
    private final GatewayListener listener;
    private volatile String applicationId;
    private volatile JDA jda;
    private GatewayConnector connector = GatewayConnector.LIVE;

    /** Logs JDA in with the listener: {@link #LIVE} live; tests hand back a stub (the gateway cannot be reached from a test). */
    @FunctionalInterface
    interface GatewayConnector {
        // interactions need no gateway intents (docs: "Events / Gateway", Gateway Intents)
        // JDA's own REST calls (the first response) use DISCORD_API_URL too, so a proxy sees every call
        GatewayConnector LIVE = (config, listener) -> JDABuilder.createLight(config.botToken(), EnumSet.noneOf(GatewayIntent.class))
                .setRestConfig(new RestConfig().setBaseUrl(config.apiUrl().endsWith("/") ? config.apiUrl() : config.apiUrl() + "/"))
                .addEventListeners(listener).build();

        JDA connect(DiscordConfig config, GatewayListener listener);
    }

    /** A backend on Discord's API (or {@code config.apiUrl()}), waiting out rate limits on {@code scheduler}. */
    public DiscordBackend(DiscordConfig config, Clock clock, Scheduler scheduler) {
        this(config, clock, scheduler, null, Duration.ofMillis(500));
    }

    /** As above with the first back-off after a 5xx (tests shorten it). */
    DiscordBackend(DiscordConfig config, Clock clock, Scheduler scheduler, Duration firstBackoff) {
        this(config, clock, scheduler, null, firstBackoff);
    }

    private DiscordBackend(DiscordConfig config, Clock clock, Scheduler scheduler, Scheduler owned, Duration firstBackoff) {
        this.config = Objects.requireNonNull(config, "config");
        this.rest = new DiscordRest(config.apiUrl(), config.botToken(), scheduler, firstBackoff);
        this.ownedScheduler = owned;
        this.applicationId = config.applicationId();
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "switchman-discord-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.interactions = new DiscordInteractions(rest, this, clock, executor);
        this.endpoint = config.publicKey() == null ? null : new InteractionsEndpoint(new InteractionSignature(config.publicKey(), clock), interactions);
        this.listener = new GatewayListener(interactions, this::applicationId);
    }

    /** A backend that owns a system scheduler on {@code clock} for its waits (what {@code switchman serve} uses). */
    public static DiscordBackend create(DiscordConfig config, Clock clock) {
        Scheduler s = Scheduler.system(clock);
        return new DiscordBackend(config, clock, s, s, Duration.ofMillis(500));
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Buttons (no native confirmation: go and rollback answer with a Confirm button), edits, ephemeral answers, 4,096 characters. */
    @Override
    public Capabilities capabilities() {
        return Capabilities.discord();
    }

    /**
     * Starts receiving: learns the application id when not configured, registers {@code /switchman} (unless
     * {@code DISCORD_REGISTER_COMMANDS=false}) and, in gateway mode, connects JDA. A failed registration is
     * logged and does not stop the backend (a command registered earlier keeps working).
     */
    @Override
    public void start(InteractionHandler handler) {
        interactions.handler(Objects.requireNonNull(handler, "handler"));
        if (applicationId == null) {
            try {
                applicationId = rest.applicationId();
            } catch (dev.switchman.discord.rest.DiscordApiException e) {
                if (e.status() == 401) {
                    // the token is wrong: starting anyway would fail every answer later, one warning at a time
                    throw new IllegalStateException("DISCORD_BOT_TOKEN was refused by Discord (401 Unauthorized): reset it on the "
                            + "Bot page of the application in the Developer Portal");
                }
                log.warn("Discord: could not learn the application id ({}); set DISCORD_APPLICATION_ID to start without asking",
                        Secrets.message(e));
            } catch (RuntimeException e) {
                log.warn("Discord: could not learn the application id ({}); set DISCORD_APPLICATION_ID to start without asking",
                        Secrets.message(e));
            }
        }
        if (config.registerCommands() && applicationId != null) {
            try {
                rest.putCommands(applicationId, config.guildId(), SwitchmanCommand.registrationJson());
                log.info("Discord: /{} registered {}", SwitchmanCommand.NAME, config.guildId() == null ? "globally" : "in guild " + config.guildId());
            } catch (RuntimeException e) {
                log.warn("Discord: /{} could not be registered: {}", SwitchmanCommand.NAME, Secrets.message(e));
            }
        }
        if (config.mode() == DiscordConfig.Mode.GATEWAY) {
            try {
                jda = connector.connect(config, listener);
            } catch (RuntimeException e) {
                throw new IllegalStateException("Discord gateway: could not log in: " + Secrets.message(e));
            }
        }
        log.info("Discord backend started ({} mode{})", config.mode().name().toLowerCase(java.util.Locale.ROOT),
                endpoint == null ? "" : ", interactions at " + InteractionsEndpoint.PATH);
    }

    /** {@code /discord/interactions} when {@code DISCORD_PUBLIC_KEY} is set; none otherwise. */
    @Override
    public List<HttpEndpoint> endpoints() {
        return endpoint == null ? List.of() : List.of(endpoint);
    }

    /** The application id (configured or learned at start), or null before. */
    public String applicationId() {
        return applicationId;
    }

    /** Replaces how the gateway is connected (before {@link #start}). */
    DiscordBackend connector(GatewayConnector c) {
        this.connector = Objects.requireNonNull(c);
        return this;
    }

    /**
     * Posts {@code message} in channel {@code channel} (a channel id: {@code POST /channels/{id}/messages}).
     *
     * @throws IllegalArgumentException when {@code channel} is not a channel id (a Discord channel is named by id)
     */
    @Override
    public MessageRef send(String channel, ChatMessage message) {
        String ch = channel == null ? "" : channel.strip();
        if (!ch.matches("[0-9]{5,25}")) {
            throw new IllegalArgumentException("Discord channels are named by id (Developer Mode, right-click the channel, Copy Channel ID), got '"
                    + ch + "'");
        }
        DiscordRest.Message m = rest.createMessage(ch, DiscordMessages.json(message, false));
        return new MessageRef(NAME, m.channelId() != null ? m.channelId() : ch, m.id());
    }

    /** Replaces a message the bot posted: {@code PATCH /channels/{id}/messages/{id}}. */
    @Override
    public void update(MessageRef ref, ChatMessage message) {
        rest.editMessage(ref.channel(), ref.id(), DiscordMessages.editJson(message));
    }

    /** The REST client (doctor: {@code users/@me}). */
    public DiscordRest rest() {
        return rest;
    }

    @Override
    public void close() {
        JDA j = jda;
        if (j != null) j.shutdownNow();
        executor.shutdownNow();
        if (ownedScheduler != null) ownedScheduler.close();
    }
}
