package dev.switchman.discord;

import dev.switchman.core.secret.Secrets;
import dev.switchman.discord.rest.DiscordRest;
import java.security.PublicKey;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Discord backend's settings, read from the environment (docs/discord.md):
 *
 * <table>
 *   <caption>variables</caption>
 *   <tr><td>{@code DISCORD_BOT_TOKEN}</td><td>required: the bot's token (Developer Portal, Bot); posts and edits the run's messages, registers the command, connects the gateway</td></tr>
 *   <tr><td>{@code DISCORD_PUBLIC_KEY}</td><td>the application's Ed25519 public key, 64 hex digits: serves {@code /discord/interactions} (HTTP mode)</td></tr>
 *   <tr><td>{@code DISCORD_MODE}</td><td>{@code gateway} or {@code http}; default {@code http} when the public key is set, else {@code gateway}</td></tr>
 *   <tr><td>{@code DISCORD_APPLICATION_ID}</td><td>the application id; default: asked of {@code /oauth2/applications/@me}</td></tr>
 *   <tr><td>{@code DISCORD_GUILD_ID}</td><td>register {@code /switchman} in this guild only (available at once), not globally</td></tr>
 *   <tr><td>{@code DISCORD_REGISTER_COMMANDS}</td><td>{@code false}: leave the registered commands alone; default {@code true}</td></tr>
 *   <tr><td>{@code DISCORD_API_URL}</td><td>the REST API base; default {@code https://discord.com/api/v10} (tests, proxies)</td></tr>
 * </table>
 *
 * @param publicKey null in gateway-only setups
 */
public record DiscordConfig(String botToken, PublicKey publicKey, Mode mode, String applicationId, String guildId, boolean registerCommands,
                            String apiUrl) {

    /** Where interactions arrive: the gateway (JDA's WebSocket) or the HTTP endpoint. */
    public enum Mode { GATEWAY, HTTP }

    /** Every variable read, for help texts and {@code serve}'s error when no backend is configured. */
    public static final List<String> VARIABLES = List.of("DISCORD_BOT_TOKEN", "DISCORD_PUBLIC_KEY", "DISCORD_MODE", "DISCORD_APPLICATION_ID",
            "DISCORD_GUILD_ID", "DISCORD_REGISTER_COMMANDS", "DISCORD_API_URL");

    /** Never shows the token. */
    @Override
    public String toString() {
        return "DiscordConfig[mode=" + mode + ", applicationId=" + applicationId + ", guildId=" + guildId + ", registerCommands="
                + registerCommands + ", apiUrl=" + apiUrl + ", publicKey=" + (publicKey != null) + ", botToken=" + Secrets.MASK + "]";
    }

    /** True when the environment asks for Discord: a bot token or a public key is set. */
    public static boolean configured(Map<String, String> env) {
        return !blank(env.get("DISCORD_BOT_TOKEN")) || !blank(env.get("DISCORD_PUBLIC_KEY"));
    }

    /**
     * Reads and checks the variables; the token is registered with {@link Secrets} so it is masked wherever it
     * might appear.
     *
     * @throws IllegalArgumentException one sentence naming the variable that is missing or invalid (never its value)
     */
    public static DiscordConfig fromEnv(Map<String, String> env) {
        String token = env.get("DISCORD_BOT_TOKEN");
        if (blank(token)) {
            throw new IllegalArgumentException("DISCORD_BOT_TOKEN is not set: the Discord backend needs the bot's token (Developer Portal,"
                    + " your application, Bot, Reset Token) to post and edit the run's messages, in gateway and HTTP mode alike");
        }
        token = token.strip();
        Secrets.register(token);
        if (token.chars().anyMatch(Character::isWhitespace) || token.length() < 20) {
            throw new IllegalArgumentException("DISCORD_BOT_TOKEN does not look like a bot token (expected about 70 characters, no blanks; got "
                    + token.length() + " characters)");
        }
        PublicKey key = blank(env.get("DISCORD_PUBLIC_KEY")) ? null : InteractionSignature.publicKey(env.get("DISCORD_PUBLIC_KEY"));
        Mode mode;
        String m = env.get("DISCORD_MODE");
        if (blank(m)) {
            mode = key != null ? Mode.HTTP : Mode.GATEWAY;
        } else {
            try {
                mode = Mode.valueOf(m.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("DISCORD_MODE: expected gateway or http, got '" + m.strip() + "'");
            }
        }
        if (mode == Mode.HTTP && key == null) {
            throw new IllegalArgumentException("DISCORD_MODE=http needs DISCORD_PUBLIC_KEY (64 hex digits, Developer Portal, General Information)"
                    + " to verify the requests Discord signs");
        }
        String app = env.get("DISCORD_APPLICATION_ID");
        if (!blank(app) && !app.strip().matches("[0-9]{5,25}")) {
            throw new IllegalArgumentException("DISCORD_APPLICATION_ID: expected the application's numeric id, got '" + app.strip() + "'");
        }
        String guild = env.get("DISCORD_GUILD_ID");
        if (!blank(guild) && !guild.strip().matches("[0-9]{5,25}")) {
            throw new IllegalArgumentException("DISCORD_GUILD_ID: expected a numeric guild (server) id, got '" + guild.strip() + "'");
        }
        String reg = env.get("DISCORD_REGISTER_COMMANDS");
        if (!blank(reg) && !reg.strip().matches("(?i)true|false")) {
            throw new IllegalArgumentException("DISCORD_REGISTER_COMMANDS: expected true or false, got '" + reg.strip() + "'");
        }
        String api = env.get("DISCORD_API_URL");
        if (!blank(api) && !api.strip().matches("https?://\\S+")) {
            throw new IllegalArgumentException("DISCORD_API_URL: expected an http(s) URL such as https://discord.com/api/v10, got '"
                    + Secrets.redact(api.strip()) + "'");
        }
        return new DiscordConfig(token, key, mode, blank(app) ? null : app.strip(), blank(guild) ? null : guild.strip(),
                blank(reg) || Boolean.parseBoolean(reg.strip()), blank(api) ? DiscordRest.DEFAULT_BASE_URL : api.strip());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
