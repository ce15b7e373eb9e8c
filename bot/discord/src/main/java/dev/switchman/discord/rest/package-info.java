/**
 * Discord's REST API (v10) as the Discord backend uses it: interaction follow-ups and edits through the
 * application's webhook ({@code /webhooks/{application.id}/{token}}), channel messages with the bot token,
 * command registration, and {@code users/@me}. Rate limits (HTTP 429 with {@code retry_after}) are waited
 * out and the request repeated. Depends on nothing else of the module (OkHttp and Jackson only).
 */
package dev.switchman.discord.rest;
