/**
 * The Discord backend (JDA): {@code /switchman} with subcommands ({@link dev.switchman.discord.SwitchmanCommand}),
 * interactions over the gateway or the signed HTTP endpoint ({@link dev.switchman.discord.InteractionsEndpoint},
 * {@link dev.switchman.discord.InteractionSignature}), both mapped by one listener to the bot's interactions,
 * embeds with buttons ({@link dev.switchman.discord.DiscordMessages}). Depends on core only (and JDA, OkHttp
 * through {@code rest}); docs/discord.md says how to set it up.
 */
package dev.switchman.discord;
