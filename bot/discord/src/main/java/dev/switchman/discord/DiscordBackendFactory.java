package dev.switchman.discord;

import dev.switchman.core.chat.ChatBackend;
import dev.switchman.core.chat.ChatBackendFactory;
import java.time.Clock;
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
}
