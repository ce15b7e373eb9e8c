package dev.switchman.discord.rest;

/**
 * Discord's REST API refused a request or could not be reached. The message names the method, the
 * route with every token masked ({@code /webhooks/{application}/***}), the status and Discord's JSON
 * error code and message when given (docs: "Topics / Opcodes and Status Codes", JSON error codes);
 * it never holds a token.
 */
public final class DiscordApiException extends RuntimeException {

    private final int status;
    private final int code;

    public DiscordApiException(String message, int status, int code, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
    }

    /** The HTTP status, or 0 when Discord could not be reached. */
    public int status() {
        return status;
    }

    /** Discord's JSON error code (10015 Unknown Webhook, 10062 Unknown Interaction, ...), or 0. */
    public int code() {
        return code;
    }
}
