package dev.switchman.discord;

import dev.switchman.core.chat.ChatBackend;
import dev.switchman.core.chat.ChatBackendFactory;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchman.core.secret.Secrets;
import dev.switchman.core.time.Scheduler;
import dev.switchman.discord.rest.DiscordApiException;
import dev.switchman.discord.rest.DiscordRest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Finds the Discord backend for {@code switchman serve} ({@link java.util.ServiceLoader}); configured by {@link DiscordConfig}'s variables. */
public final class DiscordBackendFactory implements ChatBackendFactory {

    @Override
    public String name() {
        return DiscordBackend.NAME;
    }

    @Override
    public List<String> variables() {
        return DiscordConfig.VARIABLES;
    }

    /** True when {@code DISCORD_BOT_TOKEN} or {@code DISCORD_PUBLIC_KEY} is set. */
    @Override
    public boolean configured(Map<String, String> env) {
        return DiscordConfig.configured(env);
    }

    @Override
    public ChatBackend create(Map<String, String> env, Clock clock) {
        return DiscordBackend.create(DiscordConfig.fromEnv(env), clock);
    }

    /**
     * The variables, then the token against Discord: {@code GET /users/@me} (the bot's name) and
     * {@code GET /oauth2/applications/@me} (the application it belongs to, compared with
     * {@code DISCORD_APPLICATION_ID}), and what the mode needs next. Never prints the token.
     */
    @Override
    public List<Finding> doctor(Map<String, String> env, Clock clock) {
        DiscordConfig config;
        try {
            config = DiscordConfig.fromEnv(env);
        } catch (IllegalArgumentException e) {
            return List.of(new Finding(false, Secrets.message(e)));
        }
        List<Finding> out = new ArrayList<>();
        out.add(new Finding(true, "configuration is valid: " + (config.mode() == DiscordConfig.Mode.GATEWAY
                ? "gateway mode (no privileged intents needed)"
                : "HTTP mode: the Developer Portal's Interactions Endpoint URL must be https://<your host>" + InteractionsEndpoint.PATH)));
        try (Scheduler scheduler = Scheduler.system(clock)) {
            DiscordRest rest = new DiscordRest(config.apiUrl(), config.botToken(), scheduler);
            JsonNode me = rest.me();
            out.add(new Finding(true, "DISCORD_BOT_TOKEN is accepted: bot " + me.path("username").asText("?") + " (id " + me.path("id").asText("?")
                    + ") at " + config.apiUrl()));
            String app = rest.applicationId();
            if (config.applicationId() != null && !config.applicationId().equals(app)) {
                out.add(new Finding(false, "DISCORD_APPLICATION_ID is " + config.applicationId() + " but the token belongs to application " + app));
            } else {
                out.add(new Finding(true, "application " + app + (config.guildId() == null ? ": /switchman is registered globally at start"
                        : ": /switchman is registered in guild " + config.guildId() + " at start")));
            }
        } catch (DiscordApiException e) {
            out.add(new Finding(false, e.status() == 401 ? "DISCORD_BOT_TOKEN was refused by Discord (401): reset it on the Bot page of the"
                    + " Developer Portal" : Secrets.message(e)));
        }
        return out;
    }
}
